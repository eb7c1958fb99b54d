using System;
using System.Collections.Generic;

namespace Sendblue
{
    /// <summary>
    /// Settings of one call, over the client's own (every method of every client has an overload
    /// that takes them before its CancellationToken), and the answer's status and headers once the
    /// call is done (<see cref="RawResponse"/>). Use one instance per call when you read
    /// <see cref="RawResponse"/>: a shared one holds the last answer.
    /// </summary>
    /// <example>
    /// <code>
    /// var options = new SendblueRequestOptions { Timeout = TimeSpan.FromSeconds(5), MaxRetries = 0 };
    /// var sent = await client.Messages.SendAsync(request, options);
    /// Console.WriteLine(options.RawResponse?.Header("x-request-id"));
    /// </code>
    /// </example>
    public sealed class SendblueRequestOptions
    {
        private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
        {
            "sb-api-key-id", "sb-api-secret-key", "Host", "Content-Length", "Content-Type", "Transfer-Encoding",
        };

        /// <summary>How long each attempt of this call may take; null takes <see cref="SendblueClientOptions.Timeout"/>.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>
        /// How many times this call may be retried (by the SDK's own pipeline, under its safety
        /// rules: a send is still never repeated blindly); null takes <see cref="SendblueClientOptions.MaxRetries"/>.
        /// </summary>
        public int? MaxRetries { get; set; }

        /// <summary>
        /// Extra request headers, such as an idempotency or correlation id. The credential headers,
        /// <c>Host</c> and the content headers are the SDK's and cannot be set here.
        /// </summary>
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The status and headers of this call's last 2xx answer; null until one arrives.</summary>
        public SendblueRawResponse? RawResponse { get; internal set; }

        /// <summary>Refuses settings the client cannot honour, before anything is sent.</summary>
        internal void Validate(string parameterName)
        {
            if (Timeout is TimeSpan timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(parameterName, timeout, $"{nameof(SendblueRequestOptions)}.{nameof(Timeout)} must be positive or Timeout.InfiniteTimeSpan; it is {timeout}.");
            }

            if (MaxRetries is int retries && retries < 0)
            {
                throw new ArgumentOutOfRangeException(parameterName, retries, $"{nameof(SendblueRequestOptions)}.{nameof(MaxRetries)} must be 0 or more; it is {retries}.");
            }

            foreach (var header in Headers)
            {
                if (Reserved.Contains(header.Key))
                {
                    throw new ArgumentException($"{nameof(SendblueRequestOptions)}.{nameof(Headers)} cannot set {header.Key}: the SDK sets it.", parameterName);
                }
            }
        }
    }
}
