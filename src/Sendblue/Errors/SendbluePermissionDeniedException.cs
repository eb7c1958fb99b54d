using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>The credentials are valid but may not do this (HTTP 403).</summary>
    public class SendbluePermissionDeniedException : SendblueApiException
    {
        /// <inheritdoc cref="SendblueApiException(string, int, string, string, IReadOnlyDictionary{string, IEnumerable{string}}, Exception)"/>
        public SendbluePermissionDeniedException(
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
