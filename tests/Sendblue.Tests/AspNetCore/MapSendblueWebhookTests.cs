using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.AspNetCore;
using Sendblue.Testing;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.AspNetCore
{
    /// <summary>
    /// app.MapSendblueWebhook on a real Kestrel host: the secret is checked (401), a body that is not
    /// a message is refused with the reason (400), and a message reaches the handler, including the
    /// status callbacks and inbound messages the emulator posts.
    /// </summary>
    public class MapSendblueWebhookTests
    {
        private const string Secret = "whsec-test-4f1c";

        private const string StatusCallback = """
            { "accountEmail": "owner@example.com", "content": "Hello", "is_outbound": true, "status": "DELIVERED",
              "message_handle": "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55", "date_created": "2025-01-31T12:00:00Z",
              "from_number": "+16292925296", "to_number": "+19998887777", "send_style": "" }
            """;

        private static Task<KestrelApp> StartAsync(ConcurrentQueue<MessageContent> received, string? secret = Secret, CapturingLoggerProvider? logs = null) =>
            KestrelApp.StartAsync(
                builder =>
                {
                    if (secret is not null)
                    {
                        builder.Configuration["Sendblue:WebhookSecret"] = secret;
                    }

                    if (logs is not null)
                    {
                        builder.Logging.AddProvider(logs);
                    }
                },
                app => app.MapSendblueWebhook("/hooks/sendblue", (MessageContent message) => received.Enqueue(message)));

        private static HttpRequestMessage Post(string body, string? secret = Secret)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "hooks/sendblue") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (secret is not null)
            {
                request.Headers.Add("sb-signing-secret", secret);
            }

            return request;
        }

        [Test]
        public async Task AnAuthenticMessage_ReachesTheHandler_AndIsAnswered200()
        {
            var received = new ConcurrentQueue<MessageContent>();
            await using var app = await StartAsync(received);

            using var response = await app.Http.SendAsync(Post(StatusCallback));

            var message = received.Single();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(message.MessageHandle, Is.EqualTo("5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55"));
                Assert.That(message.Status, Is.EqualTo(MessageStatus.Delivered));
                Assert.That(message.AccountEmail, Is.EqualTo("owner@example.com"));
                Assert.That(message.IsOutbound, Is.True);
                Assert.That(message.SendStyle, Is.Null);
                Assert.That(message.DateCreated, Is.EqualTo(new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero)));
            });
        }

        [TestCase(Secret + "\n")]
        [TestCase("  " + Secret + "\r\n")]
        public async Task ASecretConfiguredWithSurroundingWhiteSpace_StillMatchesTheHeader(string configured)
        {
            // A secret read from a file or a Kubernetes secret often ends in a newline; Sendblue sends it without.
            var received = new ConcurrentQueue<MessageContent>();
            await using var app = await StartAsync(received, secret: configured);

            using var response = await app.Http.SendAsync(Post(StatusCallback));

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(received, Has.Count.EqualTo(1));
            });
        }

        [TestCase("whsec-wrong")]
        [TestCase("")]
        [TestCase(null)]
        public async Task AMissingOrWrongSecret_Is401_AndTheHandlerIsNotCalled(string? secret)
        {
            var received = new ConcurrentQueue<MessageContent>();
            var logs = new CapturingLoggerProvider();
            await using var app = await StartAsync(received, logs: logs);

            using var response = await app.Http.SendAsync(Post(StatusCallback, secret));

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(received, Is.Empty);
                Assert.That(logs.Lines.Where(l => l.Category == "Sendblue.SendblueWebhook").Select(l => (l.Level, l.Message)), Is.EqualTo(new[]
                {
                    (LogLevel.Warning, $"Sendblue webhook /hooks/sendblue: answered 401 to a request with {(secret is null ? "no" : "a wrong")} sb-signing-secret header"),
                }));
                Assert.That(logs.Lines.Select(l => l.Message), Has.None.Contains(Secret));
            });
        }

        [Test]
        public async Task TwoSecretHeaders_AreNotAuthentic()
        {
            var received = new ConcurrentQueue<MessageContent>();
            await using var app = await StartAsync(received);
            using var request = Post(StatusCallback);
            request.Headers.Add("sb-signing-secret", "whsec-other");

            using var response = await app.Http.SendAsync(request);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        [TestCase("[1, 2]", "The webhook body is a JSON array, not a Sendblue message object.")]
        [TestCase("""{ "hello": "world" }""", "The webhook body is a JSON object with none of the fields of a Sendblue message (message_handle, status, content, ...).")]
        [TestCase("", "The webhook body is not valid JSON: ")]
        [TestCase("status=DELIVERED", "The webhook body is not valid JSON: ")]
        public async Task ABodyThatIsNotAMessage_Is400_WithTheReason(string body, string reason)
        {
            var received = new ConcurrentQueue<MessageContent>();
            await using var app = await StartAsync(received);

            using var response = await app.Http.SendAsync(Post(body));

            var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
                Assert.That((string?)problem["title"], Is.EqualTo("Not a Sendblue message"));
                Assert.That((string?)problem["detail"], Does.StartWith(reason));
                Assert.That((int?)problem["status"], Is.EqualTo(400));
                Assert.That(received, Is.Empty);
            });
        }

        [Test]
        public async Task AGet_IsNotTheWebhook()
        {
            var received = new ConcurrentQueue<MessageContent>();
            await using var app = await StartAsync(received);

            using var response = await app.Http.GetAsync("hooks/sendblue");

            Assert.That((int)response.StatusCode, Is.EqualTo(405));
        }

        [Test]
        public void WithoutASecret_MappingFails_NamingTheKeyToSet()
        {
            var ex = Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new ConcurrentQueue<MessageContent>(), secret: null));

            Assert.That(ex!.Message, Is.EqualTo(
                "MapSendblueWebhook(\"/hooks/sendblue\") needs the webhook secret you set in the Sendblue dashboard: set the configuration key Sendblue:WebhookSecret "
                + "(environment variable Sendblue__WebhookSecret), or SendblueWebhookOptions.WebhookSecret with services.Configure<SendblueWebhookOptions>(...)."));
        }

        [Test]
        public async Task ConfiguredOptions_WinOverTheConfigurationKey_AndAHandlerCanTakeTheRequest()
        {
            var services = new ConcurrentQueue<string>();
            await using var app = await KestrelApp.StartAsync(
                builder =>
                {
                    builder.Configuration["Sendblue:WebhookSecret"] = "whsec-from-configuration";
                    builder.Services.Configure<SendblueWebhookOptions>(o => o.WebhookSecret = Secret);
                    builder.Services.AddSingleton(new Uri("https://example.com/"));
                },
                app => app.MapSendblueWebhook("/hooks/sendblue", (MessageContent message, HttpContext http) =>
                {
                    services.Enqueue($"{message.Status} {http.RequestServices.GetRequiredService<Uri>()}");
                    return Task.CompletedTask;
                }));

            using var fromConfiguration = await app.Http.SendAsync(Post(StatusCallback, "whsec-from-configuration"));
            using var fromOptions = await app.Http.SendAsync(Post(StatusCallback, Secret));

            Assert.Multiple(() =>
            {
                Assert.That(fromConfiguration.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(fromOptions.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(services, Is.EqualTo(new[] { "DELIVERED https://example.com/" }));
            });
        }

        [Test]
        public async Task AnAsyncHandler_IsAwaitedBeforeTheAnswer()
        {
            var done = new TaskCompletionSource<MessageContent>();
            await using var app = await KestrelApp.StartAsync(
                builder => builder.Configuration["Sendblue:WebhookSecret"] = Secret,
                app => app.MapSendblueWebhook("/hooks/sendblue", async (MessageContent message) =>
                {
                    await Task.Yield();
                    done.SetResult(message);
                }));

            using var response = await app.Http.SendAsync(Post(StatusCallback));

            Assert.Multiple(() =>
            {
                Assert.That(done.Task.IsCompleted, Is.True);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            });
        }

        [Test]
        public async Task TheEmulatorsStatusCallbacksAndInboundMessages_ReachTheHandler()
        {
            var received = new ConcurrentQueue<MessageContent>();
            await using var app = await StartAsync(received);
            var hook = new Uri(app.BaseUrl, "hooks/sendblue");
            await using var emulator = await SendblueEmulator.StartAsync(new SendblueEmulatorOptions { WebhookSecret = Secret, ReceiveWebhookUrl = hook });
            using var client = emulator.CreateClient();

            var sent = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = "+19998887777",
                FromNumber = "+16292925296",
                Content = "Your table is ready.",
                StatusCallback = hook.ToString(),
            });
            await emulator.CompleteAllAsync();
            var inbound = await emulator.SimulateInboundAsync("+19998887777", "+16292925296", "On my way!");

            Assert.Multiple(() =>
            {
                Assert.That(received.Select(m => $"{m.MessageHandle} {m.Status} {m.IsOutbound}"), Is.EqualTo(new[]
                {
                    $"{sent.MessageHandle} SENT True",
                    $"{sent.MessageHandle} DELIVERED True",
                    $"{inbound.MessageHandle} RECEIVED False",
                }));
                Assert.That(received.Last().Content, Is.EqualTo("On my way!"));
                Assert.That(emulator.WebhookDeliveries.Select(d => d.StatusCode), Is.All.EqualTo(200));
            });
        }

        [Test]
        public async Task TheEmulatorSigningWithAnotherSecret_Gets401()
        {
            var received = new ConcurrentQueue<MessageContent>();
            await using var app = await StartAsync(received);
            await using var emulator = await SendblueEmulator.StartAsync(new SendblueEmulatorOptions
            {
                WebhookSecret = "whsec-someone-else",
                ReceiveWebhookUrl = new Uri(app.BaseUrl, "hooks/sendblue"),
            });

            await emulator.SimulateInboundAsync("+19998887777", "+16292925296", "Hello?");

            Assert.Multiple(() =>
            {
                Assert.That(emulator.WebhookDeliveries.Single().StatusCode, Is.EqualTo(401));
                Assert.That(received, Is.Empty);
            });
        }

        [Test]
        public void TheOptions_DoNotPrintTheSecret()
        {
            Assert.That(new SendblueWebhookOptions { WebhookSecret = Secret }.ToString(), Is.EqualTo("SendblueWebhookOptions { WebhookSecret = (set) }"));
        }
    }
}
