using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Diagnostics;

namespace Sendblue.Http
{
    /// <summary>
    /// The outermost step: one span per call (named after its operation, such as
    /// <c>Messages.Send</c>), the call's duration, retries and waits included, and a Warning when a
    /// call that is not retried like a read (a send) ends in a 5xx, a timeout or a lost connection:
    /// the message may have gone out, and whoever reads the log should know not to resend blindly.
    /// It sits above the error step, so it sees the exception the caller will get.
    /// </summary>
    internal sealed class OperationTelemetryHandler : DelegatingHandler
    {
        private readonly SendblueDiagnostics _diagnostics;

        public OperationTelemetryHandler(SendblueDiagnostics diagnostics)
        {
            _diagnostics = diagnostics;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _diagnostics.IsActive ? TraceAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

        private async Task<HttpResponseMessage> TraceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = new OperationTelemetry(request);
            operation.AttachTo(request);
            using var activity = SendblueDiagnostics.Source.StartActivity(operation.Name, ActivityKind.Internal);
            operation.Tag(activity);

            var started = Stopwatch.GetTimestamp();
            try
            {
                // The error step below throws for any status outside 2xx: a response here is a success.
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                SendblueDiagnostics.EndSpan(activity, status, errorType: null);
                Record(operation, started, status, errorType: null);
                return response;
            }
            catch (Exception ex)
            {
                var errorType = SendblueDiagnostics.ErrorTypeOf(ex, cancellationToken.IsCancellationRequested);
                var status = (ex as SendblueApiException)?.StatusCode;
                SendblueDiagnostics.EndSpan(activity, status, errorType, ex.GetType().Name);
                Record(operation, started, status, errorType);
                if (!operation.RetriesAsRead && MayHaveArrived(ex))
                {
                    _diagnostics.NotRetried(operation, errorType);
                }

                throw;
            }
        }

        /// <summary>A 5xx, a timeout, or a connection lost after the request may have been written.</summary>
        private static bool MayHaveArrived(Exception exception) =>
            exception is SendblueServerException
            || exception is SendblueTimeoutException
            || (exception is SendblueConnectionException && !RetryHandler.IsRefusedBeforeWrite(exception));

        private static void Record(OperationTelemetry operation, long started, int? status, string? errorType)
        {
            if (SendblueDiagnostics.OperationDuration.Enabled)
            {
                SendblueDiagnostics.OperationDuration.Record(Elapsed(started).TotalSeconds, operation.Tags(status, errorType));
            }
        }

        internal static TimeSpan Elapsed(long started) =>
            TimeSpan.FromSeconds((Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency);
    }
}
