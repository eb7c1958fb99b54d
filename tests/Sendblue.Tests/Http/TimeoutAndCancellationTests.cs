using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Http
{
    /// <summary>
    /// The per-attempt timeout (the body included) is a <see cref="SendblueTimeoutException"/>;
    /// the caller's own cancellation is an <see cref="OperationCanceledException"/>, promptly,
    /// wherever it lands. Elapsed-time bounds here are generous sanity bounds for "did not wait
    /// for the server", not performance expectations.
    /// </summary>
    public class TimeoutAndCancellationTests
    {
        private const string Handle = "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55";
        private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);
        private static readonly TimeSpan SlowServer = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(4);

        [Test]
        public async Task GetStatusAsync_ServerSlowerThanTimeout_ThrowsTimeoutException_Promptly()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Delay = SlowServer, Body = Payloads.MessageResponse });
            using var client = Loopback.Client(server, maxRetries: 0, timeout: ShortTimeout);
            var clock = Stopwatch.StartNew();

            var ex = Assert.ThrowsAsync<SendblueTimeoutException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(clock.Elapsed, Is.LessThan(Promptly));
                Assert.That(ex, Is.InstanceOf<SendblueConnectionException>());
                Assert.That(ex!.Message, Is.EqualTo(
                    $"The request to GET {server.BaseUrl}api/status did not complete within 0.3 s (SendblueClientOptions.Timeout)."));
                Assert.That(server.Requests, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public async Task GetStatusAsync_FirstAttemptTimesOut_IsRetried_AndSucceeds()
        {
            await using var server = new LoopbackServer((_, i) =>
                i == 0 ? new LoopbackResponse { Delay = TimeSpan.FromSeconds(2), Body = Payloads.MessageResponse } : Loopback.Ok());
            using var client = Loopback.Client(server, maxRetries: 2, timeout: ShortTimeout);

            var result = await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
            });
        }

        [Test]
        public async Task GetStatusAsync_EveryAttemptTimesOut_MakesMaxRetriesPlusOneAttempts_ThenThrowsTimeoutException()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Delay = SlowServer, Body = Payloads.MessageResponse });
            using var client = Loopback.Client(server, maxRetries: 2, timeout: ShortTimeout);

            Assert.ThrowsAsync<SendblueTimeoutException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.That(server.Requests, Has.Count.EqualTo(3));
        }

        [Test]
        public async Task SendAsync_Timeout_IsNotRetried_SendsOnePost_AndThrowsTimeoutException()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Delay = SlowServer, Body = Payloads.MessageResponse });
            using var client = Loopback.Client(server, maxRetries: 2, timeout: ShortTimeout);
            var clock = Stopwatch.StartNew();

            var ex = Assert.ThrowsAsync<SendblueTimeoutException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.Multiple(() =>
            {
                Assert.That(clock.Elapsed, Is.LessThan(Promptly));
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(server.Requests[0].Method, Is.EqualTo("POST"));
                Assert.That(ex!.Message, Does.StartWith($"The request to POST {server.BaseUrl}api/send-message did not complete within 0.3 s"));
            });
        }

        [Test]
        public async Task GetStatusAsync_HeadersThenStalledBody_IsATimeout()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { StallBody = SlowServer, Body = Payloads.MessageResponse });
            using var client = Loopback.Client(server, maxRetries: 0, timeout: ShortTimeout);
            var clock = Stopwatch.StartNew();

            var ex = Assert.ThrowsAsync<SendblueTimeoutException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(clock.Elapsed, Is.LessThan(Promptly));
                Assert.That(ex!.Message, Does.Contain("did not complete within 0.3 s"));
            });
        }

        [Test]
        public async Task GetStatusAsync_StalledBodyOnce_IsRetried_AndSucceeds()
        {
            await using var server = new LoopbackServer((_, i) =>
                i == 0 ? new LoopbackResponse { StallBody = SlowServer, Body = Payloads.MessageResponse } : Loopback.Ok());
            using var client = Loopback.Client(server, maxRetries: 1, timeout: ShortTimeout);

            var result = await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
            });
        }

        [Test]
        public async Task SendAsync_StalledBody_IsATimeout_AndNotRetried()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { StallBody = SlowServer, Body = Payloads.MessageResponse });
            using var client = Loopback.Client(server, maxRetries: 2, timeout: ShortTimeout);

            Assert.ThrowsAsync<SendblueTimeoutException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }

        [TestCase(false)]
        [TestCase(true)]
        public async Task CallerCancels_WhileTheServerDelays_ThrowsOperationCanceled_NotTimeout_Promptly(bool send)
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Delay = SlowServer, Body = Payloads.MessageResponse });
            using var client = Loopback.Client(server, maxRetries: 2, timeout: TimeSpan.FromSeconds(30));
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();

            Assert.CatchAsync<OperationCanceledException>(() => send
                ? client.Messages.SendAsync(Loopback.Send(), cts.Token)
                : client.Messages.GetStatusAsync(Handle, cts.Token));

            Assert.Multiple(() =>
            {
                Assert.That(clock.Elapsed, Is.LessThan(Promptly));
                Assert.That(server.Requests, Has.Count.EqualTo(1), "a cancelled call is not retried");
            });
        }

        [Test]
        public async Task CallerCancels_DuringTheRetryWait_ThrowsOperationCanceled_Promptly()
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(429).With("Retry-After", "30"));
            using var client = Loopback.Client(server, maxRetries: 2);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();

            Assert.CatchAsync<OperationCanceledException>(() => client.Messages.GetStatusAsync(Handle, cts.Token));

            Assert.Multiple(() =>
            {
                Assert.That(clock.Elapsed, Is.LessThan(Promptly));
                Assert.That(server.Requests, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public async Task SendAsync_CallerCancelsDuringTheRetryWaitAfter429_ThrowsOperationCanceled_AndDoesNotSendAgain()
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(429).With("Retry-After", "30"));
            using var client = Loopback.Client(server, maxRetries: 2);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            Assert.CatchAsync<OperationCanceledException>(() => client.Messages.SendAsync(Loopback.Send(), cts.Token));

            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }

        [TestCase(false)]
        [TestCase(true)]
        public async Task PreCancelledToken_ThrowsOperationCanceled_AndSendsNothing(bool send)
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            using var client = Loopback.Client(server);
            using var cts = new CancellationTokenSource();
            cts.Cancel();

            Assert.CatchAsync<OperationCanceledException>(() => send
                ? client.Messages.SendAsync(Loopback.Send(), cts.Token)
                : client.Messages.GetStatusAsync(Handle, cts.Token));

            // A later call goes through; had the cancelled one reached the server, it would show up first.
            await client.Messages.GetStatusAsync("after");
            Assert.That(server.Requests, Has.Count.EqualTo(1));
            Assert.That(server.Requests[0].Query, Is.EqualTo("handle=after"));
        }
    }
}
