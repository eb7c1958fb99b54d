using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>
    /// The API rate limited the request (HTTP 429) and the client's retries did not get through,
    /// or the server asked for a wait longer than the client waits by itself.
    /// </summary>
    public class SendblueRateLimitException : SendblueApiException
    {
        /// <summary>Creates an exception for a 429 response.</summary>
        /// <param name="message">The exception message.</param>
        /// <param name="statusCode">The HTTP status code of the response.</param>
        /// <param name="errorMessage">The server's own description of the error, if it gave one.</param>
        /// <param name="responseBody">The body of the response as text, if any.</param>
        /// <param name="headers">The response headers.</param>
        /// <param name="retryAfter">How long the server asked to wait, from <c>Retry-After</c>.</param>
        /// <param name="innerException">The cause, if any.</param>
        public SendblueRateLimitException(
            string message,
            int statusCode,
            string? errorMessage,
            string? responseBody,
            IReadOnlyDictionary<string, IEnumerable<string>>? headers,
            TimeSpan? retryAfter,
            Exception? innerException = null)
            : base(message, statusCode, errorMessage, responseBody, headers, innerException)
        {
            RetryAfter = retryAfter;
        }

        /// <summary>
        /// How long the server asked to wait before the next request (the <c>Retry-After</c> header,
        /// in seconds or as an HTTP date); null when it did not say.
        /// </summary>
        public TimeSpan? RetryAfter { get; }
    }
}
