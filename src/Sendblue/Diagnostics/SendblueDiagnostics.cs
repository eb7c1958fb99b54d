using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sendblue.Diagnostics
{
    /// <summary>
    /// What the pipeline reports and where: the process-wide <see cref="ActivitySource"/> and
    /// <see cref="Meter"/> named <c>Sendblue</c>, and one client's logger. Every value it records is
    /// a method, a host and port, a path with its query values and phone-number-like segments left
    /// out, a status code or an error type: never a number, content, a key or a secret.
    /// </summary>
    internal sealed class SendblueDiagnostics
    {
        internal const string OperationTag = "sendblue.operation";
        internal const string MethodTag = "http.request.method";
        internal const string ServerAddressTag = "server.address";
        internal const string ServerPortTag = "server.port";
        internal const string StatusCodeTag = "http.response.status_code";
        internal const string ErrorTypeTag = "error.type";
        internal const string ResendCountTag = "http.request.resend_count";

        /// <summary>The error.type of an attempt that ran out of time.</summary>
        internal const string TimeoutError = "timeout";

        /// <summary>The error.type of an attempt that got no response (refused, reset, DNS).</summary>
        internal const string ConnectionError = "connection_error";

        /// <summary>The error.type of a call the caller's token cancelled.</summary>
        internal const string CancelledError = "cancelled";

        internal static readonly ActivitySource Source = new(SendblueTelemetry.ActivitySourceName, SendblueClient.SdkVersion);

        internal static readonly Meter Meter = new(SendblueTelemetry.MeterName, SendblueClient.SdkVersion);

        internal static readonly Counter<long> Requests = Meter.CreateCounter<long>(
            "sendblue.client.requests", "{request}", "HTTP requests the SDK sent to the Sendblue API, each attempt of a retried call counted.");

        internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
            "sendblue.client.retries", "{retry}", "Attempts the SDK decided to repeat, by the reason (error.type).");

        internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
            "sendblue.client.operation.duration", "s", "How long a call to the Sendblue API took, its retries and their waits included.");

        private static readonly Action<ILogger, string, int, string, string, int, double, Exception?> LogAttemptAnswered =
            LoggerMessage.Define<string, int, string, string, int, double>(
                LogLevel.Debug,
                new EventId(1, "AttemptAnswered"),
                "{Operation} attempt {Attempt}: {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms");

        private static readonly Action<ILogger, string, int, string, string, double, string, Exception?> LogAttemptFailed =
            LoggerMessage.Define<string, int, string, string, double, string>(
                LogLevel.Debug,
                new EventId(2, "AttemptFailed"),
                "{Operation} attempt {Attempt}: {Method} {Path} failed after {ElapsedMs:0.0} ms ({ErrorType})");

        private static readonly Action<ILogger, string, string, double, int, int, Exception?> LogRetrying =
            LoggerMessage.Define<string, string, double, int, int>(
                LogLevel.Information,
                new EventId(3, "Retrying"),
                "{Operation}: retrying after {Reason}, waiting {WaitMs:0} ms (attempt {NextAttempt} of {MaxAttempts})");

        private static readonly Action<ILogger, string, string, Exception?> LogNotRetried =
            LoggerMessage.Define<string, string>(
                LogLevel.Warning,
                new EventId(4, "SendNotRetried"),
                "{Operation}: {Reason}, and it is not retried because it may have reached Sendblue (a send may have been delivered). Look it up (GetStatusAsync, ListAsync) before sending it again.");

        public SendblueDiagnostics(ILoggerFactory? loggerFactory)
        {
            Logger = loggerFactory?.CreateLogger(typeof(SendblueClient).FullName!) ?? NullLogger.Instance;
        }

        public ILogger Logger { get; }

        /// <summary>
        /// Whether anyone would see what the telemetry steps record. When not, they pass the request
        /// straight on and cost a call nothing.
        /// </summary>
        public bool IsActive =>
            Source.HasListeners() || Requests.Enabled || Retries.Enabled || OperationDuration.Enabled || Logger.IsEnabled(LogLevel.Warning);

        public void AttemptAnswered(OperationTelemetry operation, int attempt, int status, TimeSpan elapsed)
        {
            if (Logger.IsEnabled(LogLevel.Debug))
            {
                LogAttemptAnswered(Logger, operation.Name, attempt, operation.Method, operation.Path, status, elapsed.TotalMilliseconds, null);
            }
        }

        public void AttemptFailed(OperationTelemetry operation, int attempt, string errorType, TimeSpan elapsed)
        {
            if (Logger.IsEnabled(LogLevel.Debug))
            {
                LogAttemptFailed(Logger, operation.Name, attempt, operation.Method, operation.Path, elapsed.TotalMilliseconds, errorType, null);
            }
        }

        /// <summary>A retry decision: counted, marked on the operation's span, logged at Information.</summary>
        /// <param name="request">The request that is repeated.</param>
        /// <param name="nextAttempt">The number of the attempt about to be made (2 for the first retry).</param>
        /// <param name="maxAttempts">MaxRetries + 1.</param>
        /// <param name="errorType">Why: a status code (<c>503</c>), <see cref="TimeoutError"/> or <see cref="ConnectionError"/>.</param>
        /// <param name="refused">The connection was refused before anything was written.</param>
        /// <param name="retryAfter">The server's Retry-After, when it sent one.</param>
        /// <param name="wait">How long the SDK waits before the next attempt.</param>
        public void Retrying(HttpRequestMessage request, int nextAttempt, int maxAttempts, string errorType, bool refused, TimeSpan? retryAfter, TimeSpan wait)
        {
            var operation = OperationTelemetry.Of(request) ?? new OperationTelemetry(request);
            if (Retries.Enabled)
            {
                Retries.Add(1, operation.Tags(errorType: errorType));
            }

            var activity = Activity.Current;
            if (activity is not null && activity.Source == Source)
            {
                activity.AddEvent(new ActivityEvent("sendblue.retry", tags: new ActivityTagsCollection
                {
                    { ErrorTypeTag, errorType },
                    { "sendblue.retry.attempt", nextAttempt },
                    { "sendblue.retry.wait_ms", Math.Round(wait.TotalMilliseconds) },
                }));
            }

            if (Logger.IsEnabled(LogLevel.Information))
            {
                LogRetrying(Logger, operation.Name, Reason(errorType, refused, retryAfter), wait.TotalMilliseconds, nextAttempt, maxAttempts, null);
            }
        }

        public void NotRetried(OperationTelemetry operation, string errorType)
        {
            if (Logger.IsEnabled(LogLevel.Warning))
            {
                LogNotRetried(Logger, operation.Name, Reason(errorType, refused: false, retryAfter: null), null);
            }
        }

        /// <summary>Marks how a span ended: its status code when there was a response, its error type when it failed.</summary>
        internal static void EndSpan(Activity? activity, int? status, string? errorType, string? description = null)
        {
            if (activity is null)
            {
                return;
            }

            if (status is int code)
            {
                activity.SetTag(StatusCodeTag, code);
            }

            if (errorType is not null)
            {
                activity.SetTag(ErrorTypeTag, errorType);
                activity.SetStatus(ActivityStatusCode.Error, description);
            }
        }

        /// <summary>The error.type of a failure, by the OpenTelemetry conventions: the status code when there was a response.</summary>
        internal static string ErrorTypeOf(Exception exception, bool callerCancelled)
        {
            switch (exception)
            {
                case SendblueApiException api:
                    return api.StatusCode.ToString(CultureInfo.InvariantCulture);
                case SendblueTimeoutException:
                    return TimeoutError;
                case SendblueConnectionException:
                case HttpRequestException:
                case System.IO.IOException:
                case System.Net.Sockets.SocketException:
                    return ConnectionError;
                case OperationCanceledException when callerCancelled:
                    return CancelledError;
                default:
                    return exception.GetType().FullName ?? exception.GetType().Name;
            }
        }

        private static string Reason(string errorType, bool refused, TimeSpan? retryAfter)
        {
            switch (errorType)
            {
                case TimeoutError:
                    return "a timeout";
                case ConnectionError:
                    return refused ? "a refused connection" : "a connection failure";
                default:
                    return retryAfter is TimeSpan after
                        ? string.Format(CultureInfo.InvariantCulture, "status {0} (Retry-After {1:0.###} s)", errorType, after.TotalSeconds)
                        : "status " + errorType;
            }
        }
    }
}
