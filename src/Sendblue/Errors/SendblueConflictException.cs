using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>The request conflicts with the current state of the resource (HTTP 409).</summary>
    public class SendblueConflictException : SendblueApiException
    {
        /// <inheritdoc cref="SendblueApiException(string, int, string, string, IReadOnlyDictionary{string, IEnumerable{string}}, Exception)"/>
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
