using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace Sendblue.Benchmarks
{
    /// <summary>
    /// <c>quick [filter] [seconds]</c>: each benchmark of <see cref="MessagesBenchmarks"/> in a plain
    /// loop, printing time and allocation per operation. Rough (no pilot, no statistics), for the
    /// edit-measure loop of tuning; the numbers to publish come from BenchmarkDotNet.
    /// </summary>
    public static class Quick
    {
        public static async Task<int> RunAsync(string[] args)
        {
            var filter = args.Length > 0 ? args[0] : string.Empty;
            var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1.0;
            var b = new MessagesBenchmarks();
            b.Setup();
            var cases = new List<(string Name, Func<Task> Run)>
            {
                ("Send_Baseline", () => b.Send_Baseline()),
                ("Send_Sdk", () => b.Send_Sdk()),
                ("GetStatus_Baseline", () => b.GetStatus_Baseline()),
                ("GetStatus_Sdk", () => b.GetStatus_Sdk()),
                ("GetStatus_SdkBroughtHttpClient", () => b.GetStatus_SdkBroughtHttpClient()),
                ("Get_Baseline", () => b.Get_Baseline()),
                ("Get_Sdk", () => b.Get_Sdk()),
                ("List_Baseline", () => b.List_Baseline()),
                ("List_Sdk", () => b.List_Sdk()),
                ("ListAll_Baseline", () => b.ListAll_Baseline()),
                ("ListAll_Sdk", () => b.ListAll_Sdk()),
                ("Webhook_Baseline", () => { b.Webhook_Baseline(); return Task.CompletedTask; }),
                ("Webhook_Sdk", () => { b.Webhook_Sdk(); return Task.CompletedTask; }),
            };

            foreach (var (name, run) in cases)
            {
                if (!name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // Warm up (tiered JIT reaches its optimized code), then measure for the time asked.
                var warm = Stopwatch.StartNew();
                while (warm.Elapsed.TotalSeconds < Math.Min(1.0, seconds))
                {
                    await run();
                }

                GC.Collect();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var gen0 = GC.CollectionCount(0);
                long n = 0;
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed.TotalSeconds < seconds)
                {
                    await run();
                    n++;
                }

                clock.Stop();
                var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)n;
                Console.WriteLine(FormattableString.Invariant(
                    $"{name,-32} {clock.Elapsed.TotalMilliseconds * 1000 / n,12:0.00} us/op {bytes,14:0} B/op  gen0 {GC.CollectionCount(0) - gen0}"));
            }

            b.Cleanup();
            return 0;
        }
    }
}
