using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.Http;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Calls
{
    /// <summary>
    /// SendblueRequestOptions, over real HTTP on 127.0.0.1: a call's own timeout, retries and extra
    /// headers, and the status and headers of its answer (rate-limit and request-id headers).
    /// </summary>
    public class PerCallOptionsTests
    {
        [Test]
        public async Task ExtraHeaders_GoOnTheWire_AndTheAnswersStatusAndHeadersAreReadable()
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok().With("x-request-id", "req-42").With("x-ratelimit-remaining", "99"));
            using var client = Loopback.Client(server);
            var options = new SendblueRequestOptions();
            options.Headers["x-correlation-id"] = "order-A-42";

            var sent = await client.Messages.SendAsync(Loopback.Send(), options);

            Assert.Multiple(() =>
            {
                Assert.That(sent.MessageHandle, Is.Not.Null);
                Assert.That(server.Requests.Single().Header("x-correlation-id"), Is.EqualTo("order-A-42"));
                Assert.That(options.RawResponse!.StatusCode, Is.EqualTo(200));
                Assert.That(options.RawResponse.Header("x-request-id"), Is.EqualTo("req-42"));
                Assert.That(options.RawResponse.Header("X-RateLimit-Remaining"), Is.EqualTo("99"), "names ignore case");
            });
        }

        [Test]
        public async Task MaxRetries_OfTheCall_OverridesTheClients()
        {
            await using var server = new LoopbackServer((_, _) => Loopback.Error(503));
            using var client = Loopback.Client(server, maxRetries: 2);

            Assert.ThrowsAsync<SendblueServerException>(() => client.Messages.GetStatusAsync("h-1", new SendblueRequestOptions { MaxRetries = 0 }));
            Assert.That(server.Requests, Has.Count.EqualTo(1), "MaxRetries = 0 on the call: one attempt");

            Assert.ThrowsAsync<SendblueServerException>(() => client.Messages.GetStatusAsync("h-1"));
            Assert.That(server.Requests, Has.Count.EqualTo(4), "the client's own MaxRetries = 2: three more attempts");
        }

        [Test]
        public async Task Timeout_OfTheCall_OverridesTheClients_AndTheMessageSaysWhichOne()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Body = Payloads.MessageResponse, Delay = TimeSpan.FromSeconds(5) });
            using var client = Loopback.Client(server, maxRetries: 0, timeout: TimeSpan.FromSeconds(30));

            var ex = Assert.ThrowsAsync<SendblueTimeoutException>(() => client.Messages.GetStatusAsync("h-1", new SendblueRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) }))!;

            Assert.That(ex.Message, Does.Contain("within 0.2 s (SendblueRequestOptions.Timeout)"));
        }

        [TestCase("sb-api-key-id")]
        [TestCase("SB-API-SECRET-KEY")]
        [TestCase("Host")]
        [TestCase("Content-Type")]
        public async Task AHeaderTheSdkOwns_IsRefusedBeforeSending(string name)
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            using var client = Loopback.Client(server);
            var options = new SendblueRequestOptions();
            options.Headers[name] = "x";

            var ex = Assert.ThrowsAsync<ArgumentException>(() => client.Messages.SendAsync(Loopback.Send(), options))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.ParamName, Is.EqualTo("options"));
                Assert.That(ex.Message, Does.StartWith($"SendblueRequestOptions.Headers cannot set {name}: the SDK sets it."));
                Assert.That(server.Requests, Is.Empty);
            });
        }

        [Test]
        public async Task ANegativeRetryCountOrTimeout_IsRefusedBeforeSending()
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            using var client = Loopback.Client(server);

            Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Messages.GetStatusAsync("h-1", new SendblueRequestOptions { MaxRetries = -1 }));
            Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Messages.GetStatusAsync("h-1", new SendblueRequestOptions { Timeout = TimeSpan.Zero }));
            Assert.That(server.Requests, Is.Empty);
        }

        [Test]
        public async Task AWalk_CarriesTheOptionsOnEveryPage_AndTheRawResponseIsTheLastPages()
        {
            await using var server = new LoopbackServer((_, index) => LoopbackResponse.Json(index == 0
                ? Payloads.Page(0, 3, 2, true, "h-1", "h-2")
                : Payloads.Page(2, 3, 2, false, "h-3")).With("x-page", index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            using var client = Loopback.Client(server);
            var options = new SendblueRequestOptions();
            options.Headers["x-walk"] = "w-1";

            var handles = new System.Collections.Generic.List<string?>();
            await foreach (var message in client.Messages.ListAllAsync(new MessageListQuery { Limit = 2 }, options))
            {
                handles.Add(message.MessageHandle);
            }

            Assert.Multiple(() =>
            {
                Assert.That(handles, Is.EqualTo(new[] { "h-1", "h-2", "h-3" }));
                Assert.That(server.Requests.Select(r => r.Header("x-walk")), Is.EqualTo(new[] { "w-1", "w-1" }));
                Assert.That(options.RawResponse!.Header("x-page"), Is.EqualTo("1"));
            });
        }
    }
}
