using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Diagnostics;

namespace Sendblue.Http
{
    /// <summary>
    /// Right below the retry step: one client span, one count in <c>sendblue.client.requests</c>
    /// and one Debug line per attempt (method, path without query values, status or error type,
    /// elapsed). Redirects an attempt follows belong to it.
    /// </summary>
    internal sealed class AttemptTelemetryHandler : DelegatingHandler
    {
        private readonly SendblueDiagnostics _diagnostics;

        public AttemptTelemetryHandler(SendblueDiagnostics diagnostics)
        {
            _diagnostics = diagnostics;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _diagnostics.IsActive ? TraceAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);

        private async Task<HttpResponseMessage> TraceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = OperationTelemetry.Of(request) ?? new OperationTelemetry(request);
            var attempt = operation.NextAttempt();

            // Named by the HTTP method, as OpenTelemetry names an HTTP client span without a route template.
            using var activity = SendblueDiagnostics.Source.StartActivity(operation.Method, ActivityKind.Client);
            operation.Tag(activity);
            if (attempt > 1)
            {
                activity?.SetTag(SendblueDiagnostics.ResendCountTag, attempt - 1);
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var errorType = status >= 400 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                SendblueDiagnostics.EndSpan(activity, status, errorType);
                Count(operation, status, errorType);
                _diagnostics.AttemptAnswered(operation, attempt, status, OperationTelemetryHandler.Elapsed(started));
                return response;
            }
            catch (Exception ex)
            {
                var errorType = SendblueDiagnostics.ErrorTypeOf(ex, cancellationToken.IsCancellationRequested);
                SendblueDiagnostics.EndSpan(activity, status: null, errorType, ex.GetType().Name);
                Count(operation, status: null, errorType);
                _diagnostics.AttemptFailed(operation, attempt, errorType, OperationTelemetryHandler.Elapsed(started));
                throw;
            }
        }

        private static void Count(OperationTelemetry operation, int? status, string? errorType)
        {
            if (SendblueDiagnostics.Requests.Enabled)
            {
                SendblueDiagnostics.Requests.Add(1, operation.Tags(status, errorType));
            }
        }
    }
}
