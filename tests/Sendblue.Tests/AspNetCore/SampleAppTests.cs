using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Testing;
using Sendblue.Tests.Http;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.AspNetCore
{
    /// <summary>
    /// The issue's done-when: a sample ASP.NET Core app (<see cref="ShippingApp"/>) on Kestrel
    /// registers the SDK with AddSendblue, sends through the emulator, receives the emulator's
    /// webhooks through MapSendblueWebhook, and the log lines, spans and metrics are the ones an
    /// operator expects, with no phone number, content, key or secret in any of them.
    /// </summary>
    [NonParallelizable]
    public class SampleAppTests
    {
        private const string Customer = "+19998887777";
        private const string WebhookSecret = "whsec-sample-7d2e";

        [Test]
        public async Task TheSampleApp_SendsThroughTheEmulator_ReceivesItsWebhooks_AndIsObservable()
        {
            var port = KestrelApp.FreePort();
            var hook = new Uri($"http://127.0.0.1:{port}/hooks/sendblue");
            await using var emulator = await SendblueEmulator.StartAsync(new SendblueEmulatorOptions { WebhookSecret = WebhookSecret, ReceiveWebhookUrl = hook });
            using var telemetry = new TelemetryCapture(emulator.BaseUrl);
            var logs = new CapturingLoggerProvider();
            await using var app = await KestrelApp.StartAsync(
                builder =>
                {
                    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                    {
                        ["Sendblue:ApiKey"] = emulator.ApiKey,
                        ["Sendblue:ApiSecret"] = emulator.ApiSecret,
                        ["Sendblue:BaseUrl"] = emulator.BaseUrl.ToString(),
                        ["Sendblue:WebhookSecret"] = WebhookSecret,
                    });
                    builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
                    ShippingApp.AddServices(builder);
                    builder.Services.Configure<SendblueClientOptions>(o => o.RetryBaseDelay = Loopback.FastBackoff); // the test's only knob
                },
                ShippingApp.MapEndpoints,
                port);

            // A customer's order ships: the app sends through the SDK.
            using var shipped = await app.Http.PostAsJsonAsync("orders/A-42/ship", new ShipRequest(Customer));
            var handle = (string?)JObject.Parse(await shipped.Content.ReadAsStringAsync())["messageHandle"];

            // The app asks for the status while the API has a hiccup: the SDK retries the read.
            emulator.Faults.FailNext(EmulatorOperation.GetStatus, 1, 503);
            var status = await app.Http.GetStringAsync($"messages/{handle}/status");

            // Sendblue reports back: status callbacks, then the customer's reply.
            await emulator.CompleteAllAsync();
            var reply = await emulator.SimulateInboundAsync(Customer, ShippingApp.OurNumber, "Thanks, see you!");

            var inbox = app.App.Services.GetRequiredService<Inbox>().Messages;
            Assert.Multiple(() =>
            {
                // Behaviour: the send, the retried status, the webhooks.
                Assert.That(shipped.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(status, Is.EqualTo("QUEUED"));
                Assert.That(emulator.Requests.Select(r => $"{r.Method} {r.Path} {r.StatusCode}"), Is.EqualTo(new[]
                {
                    "POST /api/send-message 200",
                    "GET /api/status 503",
                    "GET /api/status 200",
                }));
                Assert.That(emulator.Requests[0].Body, Does.Contain("Order A-42 has shipped.").And.Contain(hook.ToString()));
                Assert.That(inbox.Select(m => $"{m.MessageHandle} {m.Status}"), Is.EqualTo(new[]
                {
                    $"{handle} SENT",
                    $"{handle} DELIVERED",
                    $"{reply.MessageHandle} RECEIVED",
                }));
                Assert.That(inbox.Last().Content, Is.EqualTo("Thanks, see you!"));
                Assert.That(emulator.WebhookDeliveries.Select(d => d.StatusCode), Is.EqualTo(new int?[] { 200, 200, 200 }));
            });

            AssertLogLines(logs);
            AssertSpans(telemetry.Activities, emulator.BaseUrl);
            AssertMetrics(telemetry);
            AssertNothingPersonalOrSecret(logs, telemetry, emulator);
        }

        // The generated clients attach their OperationContext: logs and spans name the operation.
        private const string SendName = @"Messages\.Send";
        private const string StatusName = @"Messages\.GetStatus";

        private static void AssertLogLines(CapturingLoggerProvider logs)
        {
            var sdk = logs.Sdk.Select(l => $"{l.Level}: {l.Message}").ToList();
            Assert.Multiple(() =>
            {
                Assert.That(sdk, Has.Count.EqualTo(4), string.Join("\n", sdk));
                Assert.That(sdk.ElementAtOrDefault(0), Does.Match($@"^Debug: {SendName} attempt 1: POST /api/send-message answered 200 in \d+\.\d ms$"));
                Assert.That(sdk.ElementAtOrDefault(1), Does.Match($@"^Debug: {StatusName} attempt 1: GET /api/status\?handle=\* answered 503 in \d+\.\d ms$"));
                Assert.That(sdk.ElementAtOrDefault(2), Does.Match($@"^Information: {StatusName}: retrying after status 503, waiting \d+ ms \(attempt 2 of 3\)$"));
                Assert.That(sdk.ElementAtOrDefault(3), Does.Match($@"^Debug: {StatusName} attempt 2: GET /api/status\?handle=\* answered 200 in \d+\.\d ms$"));
                Assert.That(logs.Lines.Where(l => l.Level >= LogLevel.Warning), Is.Empty, string.Join("\n", logs.Lines.Where(l => l.Level >= LogLevel.Warning)));
            });
        }

        private static void AssertSpans(IReadOnlyList<Activity> spans, Uri emulator)
        {
            var operations = spans.Where(a => a.Kind == ActivityKind.Internal).ToList();
            Assert.That(operations, Has.Count.EqualTo(2));
            var send = operations[0];
            var status = operations[1];
            Assert.Multiple(() =>
            {
                Assert.That(send.DisplayName, Does.Match($"^{SendName}$"));
                Assert.That(status.DisplayName, Does.Match($"^{StatusName}$"));
                Assert.That(spans.Where(a => a.ParentSpanId == send.SpanId).Select(a => $"{a.Kind} {a.DisplayName} {a.GetTagItem("http.response.status_code")}"),
                    Is.EqualTo(new[] { "Client POST 200" }));
                Assert.That(spans.Where(a => a.ParentSpanId == status.SpanId).Select(a => $"{a.Kind} {a.DisplayName} {a.GetTagItem("http.response.status_code")} {a.GetTagItem("error.type")}"),
                    Is.EqualTo(new[] { "Client GET 503 503", "Client GET 200 " }));
                Assert.That(spans.Select(a => a.GetTagItem("server.address")), Is.All.EqualTo(emulator.Host));
                Assert.That(operations.Select(a => a.GetTagItem("http.response.status_code")), Is.EqualTo(new object[] { 200, 200 }));
                Assert.That(operations.Select(a => a.Status), Is.All.EqualTo(ActivityStatusCode.Unset));
                Assert.That(status.Events.Select(e => e.Name), Is.EqualTo(new[] { "sendblue.retry" }));
            });
        }

        private static void AssertMetrics(TelemetryCapture telemetry)
        {
            Assert.Multiple(() =>
            {
                Assert.That(telemetry.Of("sendblue.client.requests").Select(m => $"{m.Tag("http.request.method")} {m.Tag("http.response.status_code")} {m.Value}"),
                    Is.EqualTo(new[] { "POST 200 1", "GET 503 1", "GET 200 1" }));
                Assert.That(telemetry.Of("sendblue.client.retries").Select(m => $"{m.Tag("http.request.method")} {m.Tag("error.type")} {m.Value}"),
                    Is.EqualTo(new[] { "GET 503 1" }));
                Assert.That(telemetry.Of("sendblue.client.operation.duration").Select(m => $"{m.Tag("http.request.method")} {m.Tag("http.response.status_code")} {m.Unit}"),
                    Is.EqualTo(new[] { "POST 200 s", "GET 200 s" }));
                Assert.That(telemetry.Of("sendblue.client.operation.duration").Select(m => m.Value), Is.All.GreaterThan(0));
            });
        }

        private static void AssertNothingPersonalOrSecret(CapturingLoggerProvider logs, TelemetryCapture telemetry, SendblueEmulator emulator)
        {
            var written = logs.Lines.Select(l => l.Message)
                .Concat(logs.Lines.SelectMany(l => l.State.Values.Select(v => v?.ToString() ?? string.Empty)))
                .Concat(telemetry.Activities.SelectMany(a => a.TagObjects.Select(t => t.Value?.ToString() ?? string.Empty).Append(a.DisplayName)))
                .Concat(telemetry.Measurements.SelectMany(m => m.Tags.Values.Select(v => v?.ToString() ?? string.Empty)))
                .ToList();
            Assert.Multiple(() =>
            {
                Assert.That(logs.Lines, Is.Not.Empty);
                Assert.That(written, Has.None.Contains("9998887777"));
                Assert.That(written, Has.None.Contains("6292925296"));
                Assert.That(written, Has.None.Contains("has shipped"));
                Assert.That(written, Has.None.Contains("see you"));
                Assert.That(written, Has.None.Contains(emulator.ApiKey));
                Assert.That(written, Has.None.Contains(emulator.ApiSecret));
                Assert.That(written, Has.None.Contains(WebhookSecret));
            });
        }
    }
}
