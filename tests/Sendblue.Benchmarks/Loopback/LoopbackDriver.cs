using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Benchmarks.Baseline;
using Sendblue.Benchmarks.Workload;

namespace Sendblue.Benchmarks.Loopback
{
    /// <summary>
    /// One client doing one workload against the loopback server, as its own process (the script
    /// measures the process). <c>loopback &lt;sdk|baseline&gt; &lt;status|listall|listall-memory&gt; &lt;base-url&gt; [count] [concurrency]</c>;
    /// prints one JSON line with what was done, so a run that did less work is caught.
    /// <c>listall-memory</c> walks like <c>listall</c> and, on the last message, measures the live
    /// heap after a full collection: what the walk retains (not timed; collections perturb).
    /// </summary>
    public static class LoopbackDriver
    {
        public static async Task<int> RunAsync(string[] args)
        {
            if (args.Length < 3)
            {
                Console.Error.WriteLine("usage: loopback <sdk|baseline> <status|listall|listall-memory> <base-url> [count] [concurrency]");
                return 2;
            }

            var client = args[0];
            var workload = args[1];
            var baseUrl = new Uri(args[2]);
            var count = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20_000;
            var concurrency = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 16;

            var clock = Stopwatch.StartNew();
            // listall-memory: measured at the last message of an account of `count` messages.
            var measureAt = workload == "listall-memory" ? Canned.Handle(count - 1) : null;
            long done;
            long retained = 0;
            if (client == "sdk")
            {
                using var sdk = new SendblueClient(new SendblueClientOptions { ApiKey = Canned.ApiKey, ApiSecret = Canned.ApiSecret, BaseUrl = baseUrl });
                (done, retained) = workload == "status"
                    ? (await StatusCallsAsync(count, concurrency, async h => (await sdk.Messages.GetStatusAsync(h).ConfigureAwait(false)).Status == MessageStatus.Delivered).ConfigureAwait(false), 0)
                    : await WalkSdkAsync(sdk, measureAt).ConfigureAwait(false);
            }
            else if (client == "baseline")
            {
                using var http = new HttpClient();
                var baseline = new BaselineClient(http, baseUrl, Canned.ApiKey, Canned.ApiSecret);
                done = workload == "status"
                    ? await StatusCallsAsync(count, concurrency, async h => (await baseline.GetStatusAsync(h).ConfigureAwait(false)).Status == "DELIVERED").ConfigureAwait(false)
                    : await WalkBaselineAsync(baseline).ConfigureAwait(false);
            }
            else
            {
                Console.Error.WriteLine($"unknown client '{client}'");
                return 2;
            }

            Console.WriteLine(FormattableString.Invariant(
                $"{{\"client\":\"{client}\",\"workload\":\"{workload}\",\"done\":{done},\"elapsedMs\":{clock.Elapsed.TotalMilliseconds:0.0},\"retainedBytes\":{retained}}}"));
            return 0;
        }

        /// <summary><paramref name="count"/> calls, <paramref name="concurrency"/> in flight at any time.</summary>
        private static async Task<long> StatusCallsAsync(int count, int concurrency, Func<string, Task<bool>> call)
        {
            var next = -1;
            long ok = 0;
            var handle = Canned.Handle(1);
            var workers = new Task[concurrency];
            for (var w = 0; w < concurrency; w++)
            {
                workers[w] = Task.Run(async () =>
                {
                    while (Interlocked.Increment(ref next) < count)
                    {
                        if (await call(handle).ConfigureAwait(false))
                        {
                            Interlocked.Increment(ref ok);
                        }
                    }
                });
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
            return ok;
        }

        /// <summary>The walk; with <paramref name="measureAt"/>, also the bytes it retains when it reaches that handle.</summary>
        private static async Task<(long Done, long Retained)> WalkSdkAsync(SendblueClient sdk, string? measureAt)
        {
            long n = 0;
            long retained = 0;
            var before = measureAt is null ? 0 : GC.GetTotalMemory(forceFullCollection: true);
            await foreach (var message in sdk.Messages.ListAllAsync(new MessageListQuery { Limit = Canned.PageSize }).ConfigureAwait(false))
            {
                if (message.MessageHandle is not null)
                {
                    n++;
                }

                if (measureAt is not null && message.MessageHandle == measureAt)
                {
                    // Inside the walk, at its last message: the walk's state (the page in hand, the
                    // handles seen) is alive, everything it is done with is garbage.
                    retained = GC.GetTotalMemory(forceFullCollection: true) - before;
                }
            }

            return (n, retained);
        }

        private static async Task<long> WalkBaselineAsync(BaselineClient baseline)
        {
            long n = 0;
            await foreach (var message in baseline.ListAllAsync(Canned.PageSize).ConfigureAwait(false))
            {
                if (message.MessageHandle is not null)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
