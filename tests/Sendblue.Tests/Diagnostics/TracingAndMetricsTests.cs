using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.Http;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Diagnostics
{
    /// <summary>
    /// What an OpenTelemetry exporter subscribed to the <c>Sendblue</c> ActivitySource and Meter
    /// receives for calls over a real loopback server: a span per operation, a client span per
    /// attempt with the HTTP client conventions' tags, counters and a duration histogram.
    /// </summary>
    public class TracingAndMetricsTests
    {
        [Test]
        public async Task ARetriedRead_IsOneOperationSpan_WithAClientSpanPerAttempt()
        {
            await using var server = new LoopbackServer((_, i) => i == 0 ? Loopback.Error(503) : Loopback.Ok());
            using var telemetry = new TelemetryCapture(server.BaseUrl);

            using var response = await PipelineCalls.CallAsync(PipelineCalls.Options(server), PipelineCalls.GetStatus, "api/status?handle=h-1");

            var spans = telemetry.Activities;
            var operation = spans.Single(a => a.Kind == ActivityKind.Internal);
            var attempts = spans.Where(a => a.Kind == ActivityKind.Client).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(spans, Has.Count.EqualTo(3));
                Assert.That(operation.DisplayName, Is.EqualTo("Messages.GetStatus"));
                Assert.That(operation.Source.Name, Is.EqualTo("Sendblue"));
                Assert.That(operation.GetTagItem("http.request.method"), Is.EqualTo("GET"));
                Assert.That(operation.GetTagItem("server.address"), Is.EqualTo("127.0.0.1"));
                Assert.That(operation.GetTagItem("server.port"), Is.EqualTo(server.BaseUrl.Port));
                Assert.That(operation.GetTagItem("http.response.status_code"), Is.EqualTo(200));
                Assert.That(operation.GetTagItem("error.type"), Is.Null);
                Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Unset));
                Assert.That(operation.Events.Select(e => e.Name), Is.EqualTo(new[] { "sendblue.retry" }));
                Assert.That(operation.Events.Single().Tags.First(t => t.Key == "error.type").Value, Is.EqualTo("503"));

                Assert.That(attempts.Select(a => a.DisplayName), Is.EqualTo(new[] { "GET", "GET" }));
                Assert.That(attempts.Select(a => a.ParentSpanId), Is.All.EqualTo(operation.SpanId));
                Assert.That(attempts.Select(a => a.TraceId), Is.All.EqualTo(operation.TraceId));
                Assert.That(attempts.Select(a => a.GetTagItem("http.response.status_code")), Is.EqualTo(new object[] { 503, 200 }));
                Assert.That(attempts.Select(a => a.GetTagItem("error.type")), Is.EqualTo(new object?[] { "503", null }));
                Assert.That(attempts.Select(a => a.Status), Is.EqualTo(new[] { ActivityStatusCode.Error, ActivityStatusCode.Unset }));
                Assert.That(attempts.Select(a => a.GetTagItem("http.request.resend_count")), Is.EqualTo(new object?[] { null, 1 }));
                Assert.That(attempts.Select(a => a.GetTagItem("server.address")), Is.All.EqualTo("127.0.0.1"));
                Assert.That(attempts.Select(a => a.GetTagItem("sendblue.operation")), Is.All.EqualTo("Messages.GetStatus"));
            });
        }

        [Test]
        public async Task ARetriedRead_CountsEachAttemptAndTheRetry_AndRecordsOneDuration()
        {
            await using var server = new LoopbackServer((_, i) => i == 0 ? Loopback.Error(503) : Loopback.Ok());
            using var telemetry = new TelemetryCapture(server.BaseUrl);

            using var response = await PipelineCalls.CallAsync(PipelineCalls.Options(server), PipelineCalls.GetStatus, "api/status?handle=h-1");

            var requests = telemetry.Of("sendblue.client.requests");
            var retries = telemetry.Of("sendblue.client.retries");
            var durations = telemetry.Of("sendblue.client.operation.duration");
            Assert.Multiple(() =>
            {
                Assert.That(requests.Select(m => m.Value), Is.EqualTo(new[] { 1d, 1d }));
                Assert.That(requests.Select(m => m.Tag("http.response.status_code")), Is.EqualTo(new object[] { 503, 200 }));
                Assert.That(requests.Select(m => m.Tag("error.type")), Is.EqualTo(new object?[] { "503", null }));
                Assert.That(requests.Select(m => m.Tag("sendblue.operation")), Is.All.EqualTo("Messages.GetStatus"));
                Assert.That(requests.Select(m => m.Tag("http.request.method")), Is.All.EqualTo("GET"));
                Assert.That(requests.Select(m => m.Tag("server.address")), Is.All.EqualTo("127.0.0.1"));
                Assert.That(requests.Select(m => m.Unit), Is.All.EqualTo("{request}"));

                Assert.That(retries.Select(m => (m.Value, m.Tag("error.type"), m.Tag("sendblue.operation"))), Is.EqualTo(new[] { (1d, (object?)"503", (object?)"Messages.GetStatus") }));

                Assert.That(durations, Has.Count.EqualTo(1));
                Assert.That(durations[0].Unit, Is.EqualTo("s"));
                Assert.That(durations[0].Value, Is.GreaterThan(0));
                Assert.That(durations[0].Tag("http.response.status_code"), Is.EqualTo(200));
                Assert.That(durations[0].Tag("error.type"), Is.Null);
                Assert.That(durations[0].Tag("sendblue.operation"), Is.EqualTo("Messages.GetStatus"));
            });
        }

        [Test]
        public async Task ASendAnswered500_IsOneAttempt_AndItsSpansCarryTheErrorType()
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(500));
            using var telemetry = new TelemetryCapture(server.BaseUrl);

            Assert.ThrowsAsync<SendblueServerException>(() => PipelineCalls.CallAsync(PipelineCalls.Options(server), PipelineCalls.Send, "api/send-message"));

            var operation = telemetry.Activities.Single(a => a.Kind == ActivityKind.Internal);
            var attempt = telemetry.Activities.Single(a => a.Kind == ActivityKind.Client);
            Assert.Multiple(() =>
            {
                Assert.That(operation.DisplayName, Is.EqualTo("Messages.Send"));
                Assert.That(operation.GetTagItem("http.request.method"), Is.EqualTo("POST"));
                Assert.That(operation.GetTagItem("http.response.status_code"), Is.EqualTo(500));
                Assert.That(operation.GetTagItem("error.type"), Is.EqualTo("500"));
                Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Error));
                Assert.That(operation.StatusDescription, Is.EqualTo(nameof(SendblueServerException)));
                Assert.That(attempt.DisplayName, Is.EqualTo("POST"));
                Assert.That(attempt.GetTagItem("error.type"), Is.EqualTo("500"));
                Assert.That(telemetry.Of("sendblue.client.retries"), Is.Empty);
                Assert.That(telemetry.Of("sendblue.client.operation.duration").Single().Tag("error.type"), Is.EqualTo("500"));
            });
        }

        [Test]
        public async Task AnAttemptThatRunsOutOfTime_IsErrorTypeTimeout()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Delay = TimeSpan.FromSeconds(5) });
            using var telemetry = new TelemetryCapture(server.BaseUrl);
            var options = PipelineCalls.Options(server, maxRetries: 0, timeout: TimeSpan.FromMilliseconds(200));

            Assert.ThrowsAsync<SendblueTimeoutException>(() => PipelineCalls.CallAsync(options, PipelineCalls.GetStatus, "api/status?handle=h-1"));

            Assert.Multiple(() =>
            {
                Assert.That(telemetry.Activities.Select(a => (a.Kind, a.GetTagItem("error.type"))), Is.EqualTo(new[]
                {
                    (ActivityKind.Client, (object?)"timeout"),
                    (ActivityKind.Internal, (object?)"timeout"),
                }));
                Assert.That(telemetry.Activities.Select(a => a.GetTagItem("http.response.status_code")), Is.All.Null);
                Assert.That(telemetry.Of("sendblue.client.requests").Single().Tag("error.type"), Is.EqualTo("timeout"));
            });
        }

        [Test]
        public async Task WithoutAnOperationContext_TheSpanIsNamedByMethodAndPath_AndMetricsNameNoOperation()
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            using var telemetry = new TelemetryCapture(server.BaseUrl);

            using var response = await PipelineCalls.CallAsync(PipelineCalls.Options(server), context: null, "api/v2/messages/m-1?fields=all");

            Assert.Multiple(() =>
            {
                Assert.That(telemetry.Activities.Single(a => a.Kind == ActivityKind.Internal).DisplayName, Is.EqualTo("GET /api/v2/messages/m-1"));
                Assert.That(telemetry.Measurements, Is.Not.Empty);
                Assert.That(telemetry.Measurements.Select(m => m.Tags.ContainsKey("sendblue.operation")), Is.All.False);
            });
        }

        [Test]
        public async Task ThroughThePublicClient_ACallIsAnOperationSpanOverAnAttemptSpan()
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            using var telemetry = new TelemetryCapture(server.BaseUrl);
            using var client = Loopback.Client(server);

            await client.Messages.GetStatusAsync("h-1");

            var operation = telemetry.Activities.Single(a => a.Kind == ActivityKind.Internal);
            var attempt = telemetry.Activities.Single(a => a.Kind == ActivityKind.Client);
            Assert.Multiple(() =>
            {
                // The generated client attaches its OperationContext: the span is named by the operation.
                Assert.That(operation.DisplayName, Is.EqualTo("Messages.GetStatus"));
                Assert.That(attempt.ParentSpanId, Is.EqualTo(operation.SpanId));
                Assert.That(attempt.GetTagItem("http.response.status_code"), Is.EqualTo(200));
            });
        }

        [TestCase("https://api.sendblue.co/api/v2/contacts/%2B19998887777", "/api/v2/contacts/*")]
        [TestCase("https://api.sendblue.co/api/v2/contacts/(999)%20888-7777/opt-out", "/api/v2/contacts/*/opt-out")]
        [TestCase("https://api.sendblue.co/api/status?handle=5f2b9c3e&x=", "/api/status?handle=*&x=*")]
        [TestCase("https://api.sendblue.co/api/v2/messages?number=%2B19998887777&limit=10", "/api/v2/messages?number=*&limit=*")]
        [TestCase("https://api.sendblue.co/api/v2/messages/5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55", "/api/v2/messages/5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55")]
        public void ThePathShownInLogsAndSpans_LeavesOutQueryValuesAndPhoneNumbers(string uri, string shown)
        {
            Assert.That(Sendblue.Diagnostics.OperationTelemetry.SafePath(new Uri(uri)), Is.EqualTo(shown));
        }
    }
}
