using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// A send that may have arrived is never sent again: after a reset once the body was read, a
    /// 500/502/503/504, a response cut short or a timeout, exactly one POST reached the server, on a
    /// fresh connection and on a kept-alive one (where .NET's own handler may quietly resend a
    /// request that got no answer), alone and under concurrency.
    /// </summary>
    public class SendFaultTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);
        private static readonly Regex ContentField = new("\"content\":\"(?<c>[^\"]*)\"", RegexOptions.Compiled);

        public enum Fault
        {
            ResetAfterBody,
            CutAfterStatusLine,
            Status500,
            Status502,
            Status503,
            Status504,
            Timeout,
        }

        [Test]
        public async Task AFaultedSend_ReachesTheServerExactlyOnce([Values] Fault fault, [Values(false, true)] bool onAKeptAliveConnection)
        {
            await using var server = new HostileServer(x => x.Index == 0 && onAKeptAliveConnection
                ? x.RespondAsync(200, Http.Loopback.Ok().Body)
                : AnswerAsync(x, fault));
            using var client = Hostile.Client(server, maxRetries: 2, timeout: Timeout);
            if (onAKeptAliveConnection)
            {
                await client.Messages.SendAsync(Http.Loopback.Send());
            }

            var request = Http.Loopback.Send();
            request.Content = "the faulted one";
            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.SendAsync(request));

            var faulted = server.Requests.Count(r => r.Body.Contains("the faulted one"));
            Assert.Multiple(() =>
            {
                Assert.That(faulted, Is.EqualTo(1), $"POSTs of the faulted send that reached the server: {faulted}");
                Assert.That(server.Requests, Has.Count.EqualTo(onAKeptAliveConnection ? 2 : 1));
                Assert.That(ex, Is.InstanceOf(ExpectedException(fault)), ex!.ToString());
            });
        }

        [Test]
        [Category("Soak")]
        public async Task AThousandSends_AtConcurrency32_AgainstAServerFaulting20Percent_EachReachesItOnce()
        {
            var sends = 1000 * Hostile.SoakScale;
            const int concurrency = 32;
            var faults = Enum.GetValues<Fault>();
            var arrivals = new ConcurrentDictionary<string, int>();
            await using var server = new HostileServer(x =>
            {
                var content = ContentField.Match(x.Request.Body).Groups["c"].Value;
                arrivals.AddOrUpdate(content, 1, (_, n) => n + 1);
                return FaultOf(content) is Fault fault ? AnswerAsync(x, fault) : x.RespondAsync(200, Http.Loopback.Ok().Body);
            });
            using var client = Hostile.Client(server, maxRetries: 2, timeout: Timeout);
            var outcomes = new ConcurrentDictionary<string, Type>();
            var next = -1;
            var clock = Stopwatch.StartNew();

            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < sends; i = Interlocked.Increment(ref next))
                {
                    var request = Http.Loopback.Send();
                    request.Content = $"send-{i}";
                    try
                    {
                        await client.Messages.SendAsync(request);
                        outcomes[request.Content] = typeof(void);
                    }
                    catch (Exception ex)
                    {
                        outcomes[request.Content] = ex.GetType();
                    }
                }
            })));

            var elapsed = clock.Elapsed;
            var duplicates = arrivals.Where(a => a.Value > 1).Select(a => $"{a.Key} x{a.Value}").ToList();
            var received = arrivals.Values.Sum();
            var faulted = outcomes.Count(o => o.Value != typeof(void));
            var mismatched = outcomes
                .Where(o => o.Value != (FaultOf(o.Key) is Fault f ? ExpectedException(f) : typeof(void)))
                .Select(o => $"{o.Key}: {o.Value.Name}")
                .Take(10)
                .ToList();
            var figures = $"{sends} sends, {faulted} faulted, {received} POSTs received, {duplicates.Count} duplicated, {elapsed.TotalSeconds:0.0} s";
            TestContext.Out.WriteLine(figures);
            Assert.Multiple(() =>
            {
                Assert.That(outcomes, Has.Count.EqualTo(sends), figures);
                Assert.That(received, Is.EqualTo(sends), "server-side POSTs == client-side attempts (one per send): " + figures);
                Assert.That(duplicates, Is.Empty, figures);
                Assert.That(faulted, Is.EqualTo(sends / 5), figures);
                Assert.That(mismatched, Is.Empty, "each send's outcome is its own fault's: " + figures);
            });
        }

        // Every fifth send faults, the faults taking turns: by the send's own content, so that
        // each caller knows which outcome is its own whatever the order of arrival.
        private static Fault? FaultOf(string content)
        {
            var i = int.Parse(content.Substring("send-".Length));
            var faults = Enum.GetValues<Fault>();
            return i % 5 == 0 ? faults[i / 5 % faults.Length] : null;
        }

        private static Type ExpectedException(Fault fault) => fault switch
        {
            Fault.ResetAfterBody or Fault.CutAfterStatusLine => typeof(SendblueConnectionException),
            Fault.Timeout => typeof(SendblueTimeoutException),
            _ => typeof(SendblueServerException),
        };

        private static Task AnswerAsync(HostileExchange x, Fault fault)
        {
            switch (fault)
            {
                case Fault.ResetAfterBody:
                    x.Reset();
                    return Task.CompletedTask;
                case Fault.CutAfterStatusLine:
                    return CutAsync(x);
                case Fault.Timeout:
                    return x.HangAsync();
                default:
                    var status = int.Parse(fault.ToString().Substring("Status".Length));
                    return x.RespondAsync(status, """{"status":"ERROR","error_message":"upstream trouble"}""");
            }

            static async Task CutAsync(HostileExchange x)
            {
                await x.WriteAsync("HTTP/1.1 200 OK\r\n");
                await x.Stream.FlushAsync(x.Stopping);
                x.Close();
            }
        }
    }
}
