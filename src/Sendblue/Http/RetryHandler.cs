using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Diagnostics;

namespace Sendblue.Http
{
    /// <summary>
    /// The retry step of the SDK's own pipeline (a brought <see cref="HttpClient"/> keeps its own).
    /// Kiota's RetryHandler does not fit (it retries 429/503/504 whatever the method, never on a
    /// connection failure, without jitter, misreads an HTTP-date Retry-After and throws an
    /// AggregateException at the end), so this small handler does exactly what API.md says:
    /// <list type="bullet">
    /// <item>a read (GET, HEAD, PUT, DELETE, or a POST the spec marks idempotent: see
    /// <see cref="OperationContext"/>) retries on 429, 500, 502, 503, 504, a connection failure and a timeout;</item>
    /// <item>a send (any other POST) retries only on 429 and on a connection refused before
    /// anything was written: a 5xx or a timeout may have delivered the message already;</item>
    /// <item>exponential backoff with jitter, and Retry-After (seconds or date) as a floor; a
    /// Retry-After over 60 s is not waited out: the response goes back to the caller;</item>
    /// <item>when attempts run out the last response (or exception) is the caller's.</item>
    /// </list>
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);
        private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

        // One Random per thread (Random is not thread-safe), each seeded apart: a new Random() on
        // .NET Framework seeds from the clock, and clients retrying together would jitter alike.
        [ThreadStatic]
        private static Random? _jitter;

        private readonly int _maxRetries;
        private readonly TimeSpan _baseDelay;
        private readonly SendblueDiagnostics _diagnostics;

        /// <param name="maxRetries">N: at most N + 1 attempts.</param>
        /// <param name="baseDelay">The first backoff wait.</param>
        /// <param name="diagnostics">Where each retry decision is counted and logged.</param>
        public RetryHandler(int maxRetries, TimeSpan baseDelay, SendblueDiagnostics diagnostics)
        {
            _maxRetries = maxRetries;
            _baseDelay = baseDelay;
            _diagnostics = diagnostics;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isRead = OperationContext.RetriesAsReadFor(request);
            var maxRetries = OperationContext.OptionsOf(request)?.MaxRetries ?? _maxRetries;
            for (var attempt = 0; ; attempt++)
            {
                var canRetry = attempt < maxRetries;
                // Assigned on each path, not ahead of the attempt: nothing then lives across its await.
                string errorType;
                bool refused;
                TimeSpan? retryAfter;
                try
                {
                    var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (!canRetry || !ShouldRetry(isRead, status))
                    {
                        return response;
                    }

                    retryAfter = RetryAfter.Parse(response, DateTimeOffset.UtcNow);
                    if (retryAfter > MaxWait)
                    {
                        return response;
                    }

                    response.Dispose();
                    errorType = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    refused = false;
                }
                catch (SendblueTimeoutException) when (canRetry && isRead && !cancellationToken.IsCancellationRequested)
                {
                    errorType = SendblueDiagnostics.TimeoutError;
                    refused = false;
                    retryAfter = null;
                }
                // An IOException: the body stopped short after the headers (TimeoutHandler reads it here, below us).
                catch (Exception ex) when ((ex is HttpRequestException || ex is IOException) && canRetry && !cancellationToken.IsCancellationRequested && (isRead || IsRefusedBeforeWrite(ex)))
                {
                    errorType = SendblueDiagnostics.ConnectionError;
                    refused = IsRefusedBeforeWrite(ex);
                    retryAfter = null;
                }

                var wait = Backoff(attempt);
                if (retryAfter > wait)
                {
                    wait = retryAfter.Value;
                }

                if (_diagnostics.IsActive)
                {
                    _diagnostics.Retrying(request, attempt + 2, maxRetries + 1, errorType, refused, retryAfter, wait);
                }

                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        internal static bool ShouldRetry(bool isRead, int status) =>
            status == 429 || (isRead && (status == 500 || status == 502 || status == 503 || status == 504));

        /// <summary>
        /// Connection refused means the TCP handshake failed, so not a byte of the request left:
        /// the one transport failure after which even a send is safe to repeat.
        /// </summary>
        internal static bool IsRefusedBeforeWrite(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Base * 2^attempt, capped, with "equal jitter": between half and all of it.</summary>
        internal TimeSpan Backoff(int attempt)
        {
            var exponential = _baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
            var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
            var jitter = _jitter ??= new Random(Guid.NewGuid().GetHashCode());
            return TimeSpan.FromMilliseconds(capped / 2 + (jitter.NextDouble() * capped / 2));
        }
    }
}
