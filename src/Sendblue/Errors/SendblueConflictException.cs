using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>The request conflicts with the current state of the resource (HTTP 409).</summary>
    public class SendblueConflictException : SendblueApiException
    {
        /// <summary>Creates an exception for a 409 response.</summary>
        /// <param name="message">The exception message.</param>
        /// <param name="statusCode">The HTTP status code of the response.</param>
        /// <param name="errorMessage">The server's own description of the error, if it gave one.</param>
        /// <param name="responseBody">The body of the response as text, if any.</param>
        /// <param name="headers">The response headers.</param>
        /// <param name="innerException">The cause, if any.</param>
        public SendblueConflictException(
            string message,
            int statusCode,
            string? errorMessage,
            string? responseBody,
            IReadOnlyDictionary<string, IEnumerable<string>>? headers,
            Exception? innerException = null)
            : base(message, statusCode, errorMessage, responseBody, headers, innerException)
        {
        }
    }
}
