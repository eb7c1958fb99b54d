using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using Sendblue.Tests.Http;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Diagnostics
{
    /// <summary>
    /// What the SDK writes to an application's log: a Debug line per attempt, an Information line
    /// per retry decision, a Warning when a send that may have arrived is not retried; never a
    /// phone number, content, the key or the secret.
    /// </summary>
    public class LoggingTests
    {
        private const string Number = "+19998887777";

        [Test]
        public async Task EachAttempt_IsOneDebugLine_WithMethodPathWithoutQueryValuesStatusAndElapsed()
        {
            await using var server = new LoopbackServer(_ => LoopbackResponse.Json("""{"status":"OK","data":[]}"""));
            var logs = new CapturingLoggerProvider();
            using var loggers = PipelineCalls.Loggers(logs);

            using var response = await PipelineCalls.CallAsync(PipelineCalls.Options(server, loggers), PipelineCalls.List, "api/v2/messages?number=%2B19998887777&limit=10");

            var line = logs.Sdk.Single();
            Assert.Multiple(() =>
            {
                Assert.That(line.Level, Is.EqualTo(LogLevel.Debug));
                Assert.That(line.EventId.Name, Is.EqualTo("AttemptAnswered"));
                Assert.That(line.Message, Does.Match(@"^Messages\.List attempt 1: GET /api/v2/messages\?number=\*&limit=\* answered 200 in \d+\.\d ms$"));
                Assert.That(line.State["Operation"], Is.EqualTo("Messages.List"));
                Assert.That(line.State["Method"], Is.EqualTo("GET"));
                Assert.That(line.State["Path"], Is.EqualTo("/api/v2/messages?number=*&limit=*"));
                Assert.That(line.State["StatusCode"], Is.EqualTo(200));
                Assert.That(line.State["ElapsedMs"], Is.TypeOf<double>());
            });
        }

        [Test]
        public async Task ARetry_IsAnInformationLine_SayingWhyAndHowLongItWaits()
        {
            await using var server = new LoopbackServer((_, i) => i == 0 ? Loopback.Error(503) : Loopback.Ok());
            var logs = new CapturingLoggerProvider();
            using var loggers = PipelineCalls.Loggers(logs);

            using var response = await PipelineCalls.CallAsync(PipelineCalls.Options(server, loggers), PipelineCalls.GetStatus, "api/status?handle=h-1");

            Assert.Multiple(() =>
            {
                Assert.That(logs.Sdk.Select(l => (l.Level, l.EventId.Name)), Is.EqualTo(new[]
                {
                    (LogLevel.Debug, "AttemptAnswered"),
                    (LogLevel.Information, "Retrying"),
                    (LogLevel.Debug, "AttemptAnswered"),
                }));
                Assert.That(logs.Sdk[0].Message, Does.Match(@"^Messages\.GetStatus attempt 1: GET /api/status\?handle=\* answered 503 in \d+\.\d ms$"));
                Assert.That(logs.Sdk[1].Message, Does.Match(@"^Messages\.GetStatus: retrying after status 503, waiting \d+ ms \(attempt 2 of 3\)$"));
                Assert.That(logs.Sdk[2].Message, Does.Match(@"^Messages\.GetStatus attempt 2: GET /api/status\?handle=\* answered 200 in \d+\.\d ms$"));
                Assert.That(logs.Sdk.Where(l => l.Level >= LogLevel.Warning), Is.Empty, "a read that recovers is no warning");
            });
        }

        [Test]
        public async Task ARetryOnATimeout_SaysSo()
        {
            await using var server = new LoopbackServer((_, i) => i == 0 ? new LoopbackResponse { Delay = TimeSpan.FromSeconds(5) } : Loopback.Ok());
            var logs = new CapturingLoggerProvider();
            using var loggers = PipelineCalls.Loggers(logs);
            var options = PipelineCalls.Options(server, loggers, timeout: TimeSpan.FromMilliseconds(300));

            using var response = await PipelineCalls.CallAsync(options, PipelineCalls.GetStatus, "api/status?handle=h-1");

            Assert.Multiple(() =>
            {
                Assert.That(logs.Sdk[0].Message, Does.Match(@"^Messages\.GetStatus attempt 1: GET /api/status\?handle=\* failed after \d+\.\d ms \(timeout\)$"));
                Assert.That(logs.Sdk[1].Message, Does.Match(@"^Messages\.GetStatus: retrying after a timeout, waiting \d+ ms \(attempt 2 of 3\)$"));
            });
        }

        [TestCase(500, "status 500")]
        [TestCase(502, "status 502")]
        [TestCase(503, "status 503")]
        public async Task ASendEndingIn5xx_IsAWarning_ThatItIsNotRetried(int status, string reason)
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(status));
            var logs = new CapturingLoggerProvider();
            using var loggers = PipelineCalls.Loggers(logs);

            Assert.ThrowsAsync<SendblueServerException>(() => PipelineCalls.CallAsync(PipelineCalls.Options(server, loggers), PipelineCalls.Send, "api/send-message"));

            var warning = logs.Sdk.Single(l => l.Level == LogLevel.Warning);
            Assert.Multiple(() =>
            {
                Assert.That(warning.EventId.Name, Is.EqualTo("SendNotRetried"));
                Assert.That(warning.Message, Is.EqualTo(
                    $"Messages.Send: {reason}, and it is not retried because it may have reached Sendblue (a send may have been delivered). Look it up (GetStatusAsync, ListAsync) before sending it again."));
                Assert.That(logs.Sdk.Where(l => l.Level == LogLevel.Information), Is.Empty);
                Assert.That(server.Requests, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public async Task ASendThatTimesOut_IsAWarning_ThatItIsNotRetried()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Delay = TimeSpan.FromSeconds(5) });
            var logs = new CapturingLoggerProvider();
            using var loggers = PipelineCalls.Loggers(logs);
            var options = PipelineCalls.Options(server, loggers, timeout: TimeSpan.FromMilliseconds(200));

            Assert.ThrowsAsync<SendblueTimeoutException>(() => PipelineCalls.CallAsync(options, PipelineCalls.Send, "api/send-message"));

            Assert.That(logs.Sdk.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message), Is.EqualTo(new[]
            {
                "Messages.Send: a timeout, and it is not retried because it may have reached Sendblue (a send may have been delivered). Look it up (GetStatusAsync, ListAsync) before sending it again.",
            }));
        }

        [Test]
        public async Task AReadThatRunsOutOfRetries_IsNoWarning()
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(503));
            var logs = new CapturingLoggerProvider();
            using var loggers = PipelineCalls.Loggers(logs);

            Assert.ThrowsAsync<SendblueServerException>(() => PipelineCalls.CallAsync(PipelineCalls.Options(server, loggers), PipelineCalls.GetStatus, "api/status?handle=h-1"));

            Assert.Multiple(() =>
            {
                Assert.That(logs.Sdk.Count(l => l.Level == LogLevel.Information), Is.EqualTo(2));
                Assert.That(logs.Sdk.Count(l => l.Level == LogLevel.Debug), Is.EqualTo(3));
                Assert.That(logs.Sdk.Where(l => l.Level >= LogLevel.Warning), Is.Empty);
            });
        }

        [Test]
        public async Task ASendToARefusedConnection_IsRetried_WithThatReason_AndNoWarning()
        {
            var server = new LoopbackServer(_ => Loopback.Ok());
            var options = PipelineCalls.Options(server, maxRetries: 1);
            await server.DisposeAsync(); // nothing listens on the port any more: connections are refused
            var logs = new CapturingLoggerProvider();
            using var loggers = PipelineCalls.Loggers(logs);
            options.LoggerFactory = loggers;

            Assert.ThrowsAsync<SendblueConnectionException>(() => PipelineCalls.CallAsync(options, PipelineCalls.Send, "api/send-message"));

            Assert.Multiple(() =>
            {
                Assert.That(logs.Sdk.Where(l => l.Level == LogLevel.Information).Select(l => l.Message), Has.Exactly(1).Matches<string>(
                    m => System.Text.RegularExpressions.Regex.IsMatch(m, @"^Messages\.Send: retrying after a refused connection, waiting \d+ ms \(attempt 2 of 2\)$")));
                Assert.That(logs.Sdk.Where(l => l.Level == LogLevel.Debug).Select(l => l.Message), Has.All.Match(@"failed after \d+\.\d ms \(connection_error\)$"));
                Assert.That(logs.Sdk.Where(l => l.Level >= LogLevel.Warning), Is.Empty, "a refused connection certainly did not deliver anything");
            });
        }

        [Test]
        public async Task TheClient_LogsThroughOptionsLoggerFactory()
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            var logs = new CapturingLoggerProvider();
            using var loggers = PipelineCalls.Loggers(logs);
            var options = Loopback.Options(server.BaseUrl);
            options.LoggerFactory = loggers;
            using var client = new SendblueClient(options);

            await client.Messages.GetStatusAsync("5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55");

            var line = logs.Lines.Single();
            Assert.Multiple(() =>
            {
                Assert.That(line.Category, Is.EqualTo("Sendblue.SendblueClient"));
                // The generated client attaches its OperationContext: the line names the operation.
                Assert.That(line.Message, Does.Match(@"^Messages\.GetStatus attempt 1: GET /api/status\?handle=\* answered 200 in \d+\.\d ms$"));
            });
        }

        [Test]
        public async Task LogsAndSpans_NeverHoldANumberContentTheKeyOrTheSecret()
        {
            await using var server = new LoopbackServer((request, i) => i switch
            {
                0 => Loopback.Error(500, "upstream failed for " + Number),
                1 => Loopback.Error(503),
                _ => Loopback.Ok(),
            });
            var logs = new CapturingLoggerProvider();
            using var loggers = PipelineCalls.Loggers(logs);
            using var telemetry = new TelemetryCapture(server.BaseUrl);
            var options = Loopback.Options(server.BaseUrl);
            options.LoggerFactory = loggers;
            using var client = new SendblueClient(options);

            Assert.ThrowsAsync<SendblueServerException>(() => client.Messages.SendAsync(new SendMessageRequest
            {
                Number = Number,
                FromNumber = "+16292925296",
                Content = "Your table for two is ready.",
            }));
            await client.Messages.ListAsync(new MessageListQuery { Number = Number, AccountEmail = "owner@example.com" });

            var written = logs.Lines.SelectMany(l => new[] { l.Message }.Concat(l.State.Values.Select(v => v?.ToString() ?? string.Empty)))
                .Concat(telemetry.Activities.SelectMany(a => new[] { a.DisplayName }.Concat(a.TagObjects.Select(t => t.Value?.ToString() ?? string.Empty))))
                .Concat(telemetry.Measurements.SelectMany(m => m.Tags.Values.Select(v => v?.ToString() ?? string.Empty)))
                .ToList();
            Assert.Multiple(() =>
            {
                Assert.That(logs.Lines.Select(l => l.Level), Does.Contain(LogLevel.Warning).And.Contain(LogLevel.Information).And.Contain(LogLevel.Debug));
                // Without spans and measurements the checks below would hold of nothing for them.
                Assert.That(telemetry.Activities.Select(a => a.DisplayName), Does.Contain("Messages.Send").And.Contain("Messages.List"), "the spans of both calls were captured");
                Assert.That(telemetry.Measurements, Is.Not.Empty, "the measurements were captured");
                Assert.That(written, Has.None.Contains("9998887777"));
                Assert.That(written, Has.None.Contains("6292925296"));
                Assert.That(written, Has.None.Contains("table for two"));
                Assert.That(written, Has.None.Contains("owner@example.com"));
                Assert.That(written, Has.None.Contains(MockHttp.Key));
                Assert.That(written, Has.None.Contains(MockHttp.Secret));
                Assert.That(logs.Lines.Select(l => l.Exception), Is.All.Null, "exceptions (and the server's words in them) are the caller's, not the log's");
            });
        }
    }
}
