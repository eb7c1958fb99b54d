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
            var measureRetained = workload == "listall-memory";
            LastHandle = measureRetained ? Canned.Handle(count - 1) : null;
            long done;
            if (client == "sdk")
            {
                using var sdk = new SendblueClient(new SendblueClientOptions { ApiKey = Canned.ApiKey, ApiSecret = Canned.ApiSecret, BaseUrl = baseUrl });
                done = workload == "status"
                    ? await StatusCallsAsync(count, concurrency, async h => (await sdk.Messages.GetStatusAsync(h).ConfigureAwait(false)).Status == MessageStatus.Delivered).ConfigureAwait(false)
                    : await WalkSdkAsync(sdk, measureRetained).ConfigureAwait(false);
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
                $"{{\"client\":\"{client}\",\"workload\":\"{workload}\",\"done\":{done},\"elapsedMs\":{clock.Elapsed.TotalMilliseconds:0.0},\"retainedBytes\":{_retained}}}"));
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

        private static long _retained;

        private static async Task<long> WalkSdkAsync(SendblueClient sdk, bool measureRetained)
        {
            long n = 0;
            var before = measureRetained ? GC.GetTotalMemory(forceFullCollection: true) : 0;
            await foreach (var message in sdk.Messages.ListAllAsync(new MessageListQuery { Limit = Canned.PageSize }).ConfigureAwait(false))
            {
                if (message.MessageHandle is not null)
                {
                    n++;
                }

                if (measureRetained && message.MessageHandle == LastHandle)
                {
                    // Inside the walk, at its last message: the walk's state (the page in hand, the
                    // handles seen) is alive, everything it is done with is garbage.
                    _retained = GC.GetTotalMemory(forceFullCollection: true) - before;
                }
            }

            return n;
        }

        /// <summary>The handle of the last message of the account the walk is over (set by the caller).</summary>
        internal static string? LastHandle { get; set; }

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
