using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Http
{
    /// <summary>
    /// Retry-After is a floor on the wait between attempts (in seconds or as an HTTP date), and a
    /// wait over 60 s is handed to the caller instead of being sat out. The bounds below are
    /// floors the server asked for, never performance expectations.
    /// </summary>
    public class RetryAfterTests
    {
        private const string Handle = "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55";

        // A little under the asked-for second, for timer granularity between two clocks.
        private static readonly TimeSpan AlmostOneSecond = TimeSpan.FromMilliseconds(900);

        [Test]
        public async Task GetStatusAsync_On429WithRetryAfterSeconds_WaitsAtLeastThatLong_ThenSucceeds()
        {
            var arrivals = new Arrivals();
            await using var server = new LoopbackServer(arrivals.Record((_, i) =>
                i == 0 ? Loopback.Error(429).With("Retry-After", "1") : Loopback.Ok()));
            using var client = Loopback.Client(server);

            var result = await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
                Assert.That(arrivals.Gap(0, 1), Is.GreaterThanOrEqualTo(AlmostOneSecond));
            });
        }

        [Test]
        public async Task GetStatusAsync_On503WithRetryAfterHttpDate_WaitsUntilThatDate_ThenSucceeds()
        {
            // The date has whole seconds, so "now + 2 s" asks for a wait of more than one second.
            var arrivals = new Arrivals();
            await using var server = new LoopbackServer(arrivals.Record((_, i) =>
                i == 0
                    ? Loopback.Error(503).With("Retry-After", DateTimeOffset.UtcNow.AddSeconds(2).ToString("r", CultureInfo.InvariantCulture))
                    : Loopback.Ok()));
            using var client = Loopback.Client(server);

            var result = await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
                Assert.That(arrivals.Gap(0, 1), Is.GreaterThanOrEqualTo(AlmostOneSecond));
            });
        }

        [Test]
        public async Task SendAsync_On429WithRetryAfterSeconds_WaitsAtLeastThatLong_BeforeTheSecondPost()
        {
            var arrivals = new Arrivals();
            await using var server = new LoopbackServer(arrivals.Record((_, i) =>
                i == 0 ? Loopback.Error(429).With("Retry-After", "1") : Loopback.Ok()));
            using var client = Loopback.Client(server);

            var sent = await client.Messages.SendAsync(Loopback.Send());

            Assert.Multiple(() =>
            {
                Assert.That(sent.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
                Assert.That(arrivals.Gap(0, 1), Is.GreaterThanOrEqualTo(AlmostOneSecond));
            });
        }

        [Test]
        public async Task GetStatusAsync_RetryAfterInThePast_RetriesWithoutWaitingForIt()
        {
            await using var server = new LoopbackServer((_, i) =>
                i == 0 ? Loopback.Error(429).With("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT") : Loopback.Ok());
            using var client = Loopback.Client(server);

            var result = await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
            });
        }

        [TestCase(false)]
        [TestCase(true)]
        public async Task RetryAfterOverSixtySeconds_IsNotWaitedOut_ThrowsRateLimitExceptionAfterOneRequest(bool send)
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(429, "daily limit reached").With("Retry-After", "120"));
            using var client = Loopback.Client(server, maxRetries: 2);
            var clock = Stopwatch.StartNew();

            var ex = Assert.ThrowsAsync<SendblueRateLimitException>(() => send
                ? client.Messages.SendAsync(Loopback.Send())
                : client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 429 Too Many Requests: daily limit reached"));
                // Sanity bound only: it certainly did not sit out two minutes.
                Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
            });
        }

        [Test]
        public async Task RetryAfterOverSixtySeconds_AsHttpDate_ThrowsRateLimitExceptionWithTheWait()
        {
            await using var server = new LoopbackServer(_ =>
                Loopback.Error(429).With("Retry-After", DateTimeOffset.UtcNow.AddMinutes(10).ToString("r", CultureInfo.InvariantCulture)));
            using var client = Loopback.Client(server);

            var ex = Assert.ThrowsAsync<SendblueRateLimitException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.RetryAfter, Is.InRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10)));
            });
        }

        [Test]
        public async Task RetryAfterOfExactlySixtySeconds_IsStillWaited_TheCallerCanCancelIt()
        {
            // 60 s is the largest wait the client sits out by itself: it retries rather than throwing.
            await using var server = new LoopbackServer(_ => Loopback.Error(429).With("Retry-After", "60"));
            using var client = Loopback.Client(server);
            using var cts = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            Assert.CatchAsync<OperationCanceledException>(() => client.Messages.GetStatusAsync(Handle, cts.Token));

            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }
    }
}
