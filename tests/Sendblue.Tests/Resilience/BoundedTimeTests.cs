using System;
using System.Diagnostics;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// A server that stalls in any way ends each attempt within Timeout (plus a margin for the
    /// machine), as a SendblueTimeoutException; a read is retried up to MaxRetries, a send never.
    /// The bounds are behaviour ("does not hang"), with generous margins, not performance.
    /// </summary>
    public class BoundedTimeTests
    {
        private const int MaxRetries = 2;
        private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan Margin = TimeSpan.FromSeconds(4);

        public enum Stall
        {
            /// <summary>Headers, then the body a byte every 100 ms (2,000 bytes: over three minutes).</summary>
            DripBody,

            /// <summary>The request is read; not a byte comes back.</summary>
            NoHeaders,

            /// <summary>The status line, then the headers a byte every 100 ms, never the end of them.</summary>
            DripHeaders,

            /// <summary>The connection is accepted and never read from (a send's 32 MB body fills the socket buffers).</summary>
            NeverRead,
        }

        [Test]
        public async Task AStallingServer_EndsEachAttemptWithinTheTimeout_AReadRetries_ASendDoesNot([Values] Stall stall, [Values(false, true)] bool send)
        {
            await using var server = stall == Stall.NeverRead ? HostileServer.NeverReading() : new HostileServer(x => StallAsync(x, stall));
            using var client = Hostile.Client(server, MaxRetries, Timeout);
            var request = Http.Loopback.Send();
            if (stall == Stall.NeverRead && send)
            {
                request.Content = new string('x', 32 * 1024 * 1024);
            }

            var clock = Stopwatch.StartNew();
            var ex = Assert.CatchAsync<SendblueException>(() => send
                ? client.Messages.SendAsync(request)
                : client.Messages.GetStatusAsync(Hostile.Handle));
            var elapsed = clock.Elapsed;

            var expectedAttempts = send ? 1 : MaxRetries + 1;
            var attempts = server.ReadsRequests ? server.Requests.Count : server.Accepted;
            var bound = TimeSpan.FromTicks(Timeout.Ticks * expectedAttempts) + Margin;
            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.InstanceOf<SendblueTimeoutException>(), ex!.ToString());
                Assert.That(ex!.Message, Does.Contain("did not complete within 0.5 s (SendblueClientOptions.Timeout)"));
                Assert.That(attempts, Is.EqualTo(expectedAttempts), $"attempts seen by the server: {attempts}");
                Assert.That(elapsed, Is.LessThan(bound), $"ended after {elapsed.TotalSeconds:0.00} s; bound {bound.TotalSeconds:0.0} s for {expectedAttempts} attempt(s) of {Timeout.TotalSeconds} s");
            });
        }

        private static async Task StallAsync(HostileExchange x, Stall stall)
        {
            switch (stall)
            {
                case Stall.DripBody:
                    await x.WriteHeadAsync(200, "OK", "Content-Type: application/json", "Content-Length: 2000");
                    await DripAsync(x, "{\"status\":\"" + new string('x', 1990));
                    break;
                case Stall.DripHeaders:
                    await x.WriteAsync("HTTP/1.1 200 OK\r\n");
                    await DripAsync(x, "X-Slow: " + new string('x', 1990));
                    break;
            }

            await x.HangAsync();
        }

        private static async Task DripAsync(HostileExchange x, string text)
        {
            foreach (var c in text)
            {
                await x.WriteAsync(c.ToString());
                await x.Stream.FlushAsync(x.Stopping);
                await Task.Delay(100, x.Stopping);
            }
        }
    }
}
