using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Http
{
    /// <summary>
    /// No (whole) response: a connection dropped after the request arrived, a response cut off
    /// part way, or a connection refused before a byte left. Reads retry all of them; a send
    /// retries only the refusal, since a dropped send may have been delivered.
    /// </summary>
    public class ConnectionFailureTests
    {
        private const string Handle = "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55";

        [Test]
        public async Task GetStatusAsync_ConnectionDroppedOnce_IsSentAgain_AndSucceeds()
        {
            // Closed before a byte of the response: .NET's own handler may resend a bodiless GET
            // itself before the SDK's retry sees the failure; either way exactly one more request.
            await using var server = new LoopbackServer((_, i) => i == 0 ? new LoopbackResponse { DropConnection = true } : Loopback.Ok());
            using var client = Loopback.Client(server);

            var result = await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
            });
        }

        [Test]
        public async Task GetStatusAsync_ResponseCutOffOnce_IsRetriedByTheSdk_AndSucceeds()
        {
            await using var server = new LoopbackServer((_, i) => i == 0 ? new LoopbackResponse { DropMidResponse = true } : Loopback.Ok());
            using var client = Loopback.Client(server, maxRetries: 1);

            var result = await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
            });
        }

        [TestCase(0)]
        [TestCase(2)]
        public async Task GetStatusAsync_ResponseCutOffEveryTime_MakesMaxRetriesPlusOneAttempts_ThenThrowsConnectionException(int maxRetries)
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { DropMidResponse = true });
            using var client = Loopback.Client(server, maxRetries);

            var ex = Assert.ThrowsAsync<SendblueConnectionException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(maxRetries + 1));
                Assert.That(ex!.Message, Does.StartWith($"Could not get a response from the Sendblue API for GET {server.BaseUrl}api/status: "));
                Assert.That(ex.Message, Does.Not.Contain(MockHttp.Secret));
            });
        }

        [Test]
        public async Task SendAsync_ResponseCutOff_IsNotRetried_AndThrowsConnectionException()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { DropMidResponse = true });
            using var client = Loopback.Client(server, maxRetries: 2);

            var ex = Assert.ThrowsAsync<SendblueConnectionException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.Message, Does.StartWith($"Could not get a response from the Sendblue API for POST {server.BaseUrl}api/send-message: "));
            });
        }

        [Test]
        public async Task SendAsync_ConnectionDropped_IsNotRetried_AndThrowsConnectionException()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { DropConnection = true });
            using var client = Loopback.Client(server, maxRetries: 2);

            var ex = Assert.ThrowsAsync<SendblueConnectionException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(server.Requests[0].Method, Is.EqualTo("POST"));
                Assert.That(ex, Is.Not.InstanceOf<SendblueTimeoutException>());
                Assert.That(ex!.Message, Does.StartWith($"Could not get a response from the Sendblue API for POST {server.BaseUrl}api/send-message"));
            });
        }

        [TestCase(false)]
        [TestCase(true)]
        public void ConnectionRefused_ThrowsConnectionException_NotATimeout(bool send)
        {
            var baseUrl = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}");
            using var client = new SendblueClient(Loopback.Options(baseUrl, maxRetries: 2));

            var ex = Assert.ThrowsAsync<SendblueConnectionException>(() => send
                ? client.Messages.SendAsync(Loopback.Send())
                : client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.Not.InstanceOf<SendblueTimeoutException>());
                Assert.That(ex!.Message, Does.StartWith("Could not get a response from the Sendblue API for " + (send ? "POST" : "GET")));
                Assert.That(SocketErrors.Find(ex), Is.EqualTo(SocketError.ConnectionRefused));
            });
        }

        [TestCase(false)]
        [TestCase(true)]
        public void ConnectionRefused_IsRetried_EvenForASend_BackingOffBetweenAttempts(bool send)
        {
            // A refused connection is instant and leaves no trace on a server, so the retries are
            // seen through the backoff they wait: with base B and two retries the waits are at
            // least B/2 + B (equal jitter), while no retries would wait nothing at all.
            var baseUrl = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}");
            var options = Loopback.Options(baseUrl, maxRetries: 2);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(300);
            using var client = new SendblueClient(options);
            var clock = Stopwatch.StartNew();

            Assert.ThrowsAsync<SendblueConnectionException>(() => send
                ? client.Messages.SendAsync(Loopback.Send())
                : client.Messages.GetStatusAsync(Handle));

            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400)));
        }

        [Test]
        public void ConnectionRefused_WithMaxRetriesZero_DoesNotWait()
        {
            // The counterpart of the test above: the same backoff base, no retries, no waiting.
            var baseUrl = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}");
            var options = Loopback.Options(baseUrl, maxRetries: 0);
            options.RetryBaseDelay = TimeSpan.FromSeconds(30);
            using var client = new SendblueClient(options);
            var clock = Stopwatch.StartNew();

            Assert.ThrowsAsync<SendblueConnectionException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
        }
    }
}
