using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>The API refused the request as invalid (HTTP 400): a missing or malformed field.</summary>
    public class SendblueBadRequestException : SendblueApiException
    {
        /// <inheritdoc cref="SendblueApiException(string, int, string, string, IReadOnlyDictionary{string, IEnumerable{string}}, Exception)"/>
        public SendblueBadRequestException(
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
