using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>The API failed while handling the request (HTTP 500 or above). A send that fails this way may still have gone out: check with GetStatusAsync or a list before sending again.</summary>
    public class SendblueServerException : SendblueApiException
    {
        /// <inheritdoc cref="SendblueApiException(string, int, string, string, IReadOnlyDictionary{string, IEnumerable{string}}, Exception)"/>
        public SendblueServerException(
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
