using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>
    /// The Sendblue API answered with an error status. Derived types name the common statuses;
    /// this type itself is thrown for any other non-success status.
    /// </summary>
    public class SendblueApiException : SendblueException
    {
        private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders =
            new Dictionary<string, IEnumerable<string>>();

        /// <summary>Creates an exception for an error response.</summary>
        /// <param name="message">The exception message.</param>
        /// <param name="statusCode">The HTTP status code of the response.</param>
        /// <param name="errorMessage">The server's own description of the error, if it gave one.</param>
        /// <param name="responseBody">The body of the response as text, if any.</param>
        /// <param name="headers">The response headers (content headers included).</param>
        /// <param name="innerException">The cause, if any.</param>
        public SendblueApiException(
            string message,
            int statusCode,
            string? errorMessage,
            string? responseBody,
            IReadOnlyDictionary<string, IEnumerable<string>>? headers,
            Exception? innerException = null)
            : base(message, innerException)
        {
            StatusCode = statusCode;
            ErrorMessage = errorMessage;
            ResponseBody = responseBody;
            Headers = headers ?? NoHeaders;
        }

        /// <summary>The HTTP status code of the response.</summary>
        public int StatusCode { get; }

        /// <summary>
        /// The server's own description of the error, from the <c>error_message</c>, <c>message</c>
        /// or <c>error</c> field of the body; null when the body has none of them.
        /// </summary>
        public string? ErrorMessage { get; }

        /// <summary>The body of the response as text; null when there was none.</summary>
        public string? ResponseBody { get; }

        /// <summary>The headers of the response, content headers included.</summary>
        public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
    }
}
