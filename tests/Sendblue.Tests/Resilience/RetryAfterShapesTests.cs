using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// Retry-After (and retry-after-ms) of any shape: a value the client cannot read is ignored (the
    /// backoff decides), one over 60 s is not waited out, and nothing makes a call hang, throw
    /// another type or make more than MaxRetries + 1 attempts.
    /// </summary>
    public class RetryAfterShapesTests
    {
        private const int MaxRetries = 2;
        private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

        public sealed record Shape(string Name, string[] HeaderLines, int Attempts, TimeSpan? RetryAfter, TimeSpan? AtLeast = null, bool FarFuture = false)
        {
            public override string ToString() => Name;
        }

        public static IEnumerable<TestCaseData> Shapes()
        {
            var ignored = new[] { "-5", "-0.5", "soon", "NaN", "Infinity", "-Infinity", "1e3", "0x10", "5, 6", "" };
            foreach (var value in ignored)
            {
                yield return Case(new Shape($"Retry-After '{value}'", new[] { "Retry-After: " + value }, MaxRetries + 1, null));
            }

            yield return Case(new Shape("Retry-After overflowing", new[] { "Retry-After: 99999999999999999999999999" }, 1, TimeSpan.MaxValue));
            yield return Case(new Shape("Retry-After 61", new[] { "Retry-After: 61" }, 1, TimeSpan.FromSeconds(61)));
            yield return Case(new Shape("Retry-After past date", new[] { "Retry-After: Wed, 21 Oct 2015 07:28:00 GMT" }, MaxRetries + 1, TimeSpan.Zero));
            yield return Case(new Shape("Retry-After far-future date", new[] { "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT" }, 1, null, FarFuture: true));
            yield return Case(new Shape("Retry-After not a date", new[] { "Retry-After: Wed, 99 Foo 2015 07:28:00 GMT" }, MaxRetries + 1, null));
            yield return Case(new Shape("retry-after-ms '-1'", new[] { "retry-after-ms: -1" }, MaxRetries + 1, null));
            yield return Case(new Shape("retry-after-ms 'abc'", new[] { "retry-after-ms: abc" }, MaxRetries + 1, null));
            yield return Case(new Shape("retry-after-ms 'NaN'", new[] { "retry-after-ms: NaN" }, MaxRetries + 1, null));
            yield return Case(new Shape("retry-after-ms overflowing", new[] { "retry-after-ms: 99999999999999999999999999" }, 1, TimeSpan.MaxValue));
            yield return Case(new Shape("retry-after-ms 120000", new[] { "retry-after-ms: 120000" }, 1, TimeSpan.FromSeconds(120)));
            yield return Case(new Shape("retry-after-ms 300 over Retry-After 120", new[] { "Retry-After: 120", "retry-after-ms: 300" }, MaxRetries + 1, TimeSpan.FromMilliseconds(300), AtLeast: TimeSpan.FromMilliseconds(2 * 250)));
            yield return Case(new Shape("retry-after-ms unreadable, Retry-After 0", new[] { "Retry-After: 0", "retry-after-ms: never" }, MaxRetries + 1, TimeSpan.Zero));

            static TestCaseData Case(Shape shape) => new TestCaseData(shape).SetArgDisplayNames(shape.Name);
        }

        [TestCaseSource(nameof(Shapes))]
        public async Task A429WithAnyRetryAfter_NeverHangs_NorExceedsTheAttempts(Shape shape)
        {
            await using var server = new HostileServer(x => x.RespondAsync(429, """{"error_message":"slow down"}""", shape.HeaderLines));
            using var client = Hostile.Client(server, MaxRetries);
            var clock = Stopwatch.StartNew();

            var ex = Assert.CatchAsync<Exception>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            var elapsed = clock.Elapsed;
            var attempts = server.Requests.Count;
            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.InstanceOf<SendblueRateLimitException>(), ex!.ToString());
                Assert.That(attempts, Is.EqualTo(shape.Attempts), $"attempts: {attempts}");
                var retryAfter = (ex as SendblueRateLimitException)?.RetryAfter;
                if (shape.FarFuture)
                {
                    Assert.That(retryAfter, Is.GreaterThan(TimeSpan.FromDays(365 * 7000)));
                }
                else
                {
                    Assert.That(retryAfter, Is.EqualTo(shape.RetryAfter));
                }

                Assert.That(elapsed, Is.LessThan(Bound), $"ended after {elapsed.TotalSeconds:0.00} s");
                if (shape.AtLeast is TimeSpan floor)
                {
                    Assert.That(elapsed, Is.GreaterThanOrEqualTo(floor), $"ended after {elapsed.TotalMilliseconds:0} ms: the server asked for the floor");
                }
            });
        }

        [TestCase("NaN")]
        [TestCase("-Infinity")]
        [TestCase("99999999999999999999999999")]
        public async Task ASendAnswered429WithAnUnusableRetryAfter_EndsAsARateLimit(string value)
        {
            await using var server = new HostileServer(x => x.RespondAsync(429, """{"error_message":"slow down"}""", "Retry-After: " + value));
            using var client = Hostile.Client(server, MaxRetries);

            var ex = Assert.CatchAsync<Exception>(() => client.Messages.SendAsync(Http.Loopback.Send()));

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.InstanceOf<SendblueRateLimitException>(), ex!.ToString());
                Assert.That(server.Requests.Count, Is.LessThanOrEqualTo(MaxRetries + 1), $"attempts: {server.Requests.Count}");
                Assert.That(server.Requests.Select(r => r.Method), Is.All.EqualTo("POST"));
            });
        }
    }
}
