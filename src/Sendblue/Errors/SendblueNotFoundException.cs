using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>The resource does not exist, such as an unknown message id (HTTP 404).</summary>
    public class SendblueNotFoundException : SendblueApiException
    {
        /// <inheritdoc cref="SendblueApiException(string, int, string, string, IReadOnlyDictionary{string, IEnumerable{string}}, Exception)"/>
        public SendblueNotFoundException(
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
