using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>The request was well formed but could not be processed (HTTP 422).</summary>
    public class SendblueUnprocessableEntityException : SendblueApiException
    {
        /// <summary>Creates an exception for a 422 response.</summary>
        /// <param name="message">The exception message.</param>
        /// <param name="statusCode">The HTTP status code of the response.</param>
        /// <param name="errorMessage">The server's own description of the error, if it gave one.</param>
        /// <param name="responseBody">The body of the response as text, if any.</param>
        /// <param name="headers">The response headers.</param>
        /// <param name="innerException">The cause, if any.</param>
        public SendblueUnprocessableEntityException(
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
