using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Integration
{
    /// <summary>
    /// A machine whose environment names an HTTP proxy (<c>http_proxy</c>, as corporate networks and
    /// CI runners set it): the emulator lives on 127.0.0.1, so neither the SDK's client nor the
    /// emulator's own calls to the test's webhook receivers may be sent through that proxy.
    /// </summary>
    [NonParallelizable]
    public class EmulatorBehindAProxyTests
    {
        private IWebProxy _saved = null!;

        [SetUp]
        public void PointTheDefaultProxyAtNothing()
        {
            // What http_proxy=http://127.0.0.1:<closed port> makes HttpClient.DefaultProxy.
            _saved = HttpClient.DefaultProxy;
            HttpClient.DefaultProxy = new WebProxy(new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}"));
        }

        [TearDown]
        public void RestoreTheDefaultProxy() => HttpClient.DefaultProxy = _saved;

        [Test]
        public async Task TheEmulatorsClient_AndItsStatusCallbacks_GoStraightToLoopback()
        {
            await using var listener = new LoopbackServer(_ => new LoopbackResponse { Status = 200 });
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var sent = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = EmulatorFixture.To,
                FromNumber = EmulatorFixture.From,
                Content = "through no proxy",
                StatusCallback = new Uri(listener.BaseUrl, "hooks/status").ToString(),
            });
            await emulator.CompleteAllAsync();
            var status = await client.Messages.GetStatusAsync(sent.MessageHandle!);

            Assert.Multiple(() =>
            {
                Assert.That(status.Status, Is.EqualTo(MessageStatus.Delivered));
                Assert.That(emulator.WebhookDeliveries.Select(d => d.StatusCode), Is.EqualTo(new int?[] { 200, 200 }), string.Join(", ", emulator.WebhookDeliveries.Select(d => d.Error)));
                Assert.That(listener.Requests, Has.Count.EqualTo(2));
            });
        }

        [Test]
        public void ARemoteAddress_StillGoesThroughTheProxy()
        {
            using var client = new SendblueClient(new SendblueClientOptions
            {
                ApiKey = "key",
                ApiSecret = "secret",
                BaseUrl = new Uri("http://sendblue.invalid/"),
                MaxRetries = 0,
            });

            // The proxy (a closed port) refuses: the client tried it, not DNS for sendblue.invalid.
            var ex = Assert.ThrowsAsync<SendblueConnectionException>(() => client.Lines.GetStateAsync());
            Assert.Multiple(() =>
            {
                Assert.That(SocketErrors.Find(ex), Is.EqualTo(SocketError.ConnectionRefused), ex!.ToString());
                Assert.That(ex!.Message, Does.Contain("127.0.0.1:"), ex.ToString());
            });
        }
    }
}
