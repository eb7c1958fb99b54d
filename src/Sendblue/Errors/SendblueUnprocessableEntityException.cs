using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>The request was well formed but could not be processed (HTTP 422).</summary>
    public class SendblueUnprocessableEntityException : SendblueApiException
    {
        /// <inheritdoc cref="SendblueApiException(string, int, string, string, IReadOnlyDictionary{string, IEnumerable{string}}, Exception)"/>
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
