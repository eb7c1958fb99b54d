using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Sendblue.Benchmarks
{
    /// <summary>
    /// <c>quick [filter] [seconds]</c>: the benchmarks of <see cref="MessagesBenchmarks"/> in plain
    /// loops, for the edit-measure loop of tuning (the numbers to publish come from BenchmarkDotNet).
    /// The cases of a category run interleaved in short slices, so a machine whose load drifts
    /// slows them alike and the ratio to the baseline stays meaningful; time, CPU time and
    /// allocation per operation are printed with that ratio, and the median (and quartiles) of the
    /// ratio of each round, which drift between rounds does not move.
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

            foreach (var category in cases.Where(c => c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).GroupBy(c => c.Name.Split('_')[0]))
            {
                var members = category.ToArray();
                var stats = members.ToDictionary(m => m.Name, _ => new Stat());

                // Warm up: tiered JIT reaches its optimized code.
                foreach (var (_, run) in members)
                {
                    var warm = Stopwatch.StartNew();
                    while (warm.Elapsed.TotalSeconds < 0.5)
                    {
                        await run();
                    }
                }

                var slice = TimeSpan.FromMilliseconds(50);
                var rounds = Math.Max(1, (int)(seconds / slice.TotalSeconds));
                for (var round = 0; round < rounds; round++)
                {
                    foreach (var (name, run) in members)
                    {
                        var s = stats[name];
                        var allocated = GC.GetTotalAllocatedBytes(precise: false);
                        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                        var clock = Stopwatch.StartNew();
                        long n = 0;
                        do
                        {
                            await run();
                            n++;
                        }
                        while (clock.Elapsed < slice);
                        s.Count += n;
                        s.Rounds.Add(clock.Elapsed.TotalMilliseconds * 1000 / n);
                        s.Wall += clock.Elapsed;
                        s.Cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
                        s.Bytes += GC.GetTotalAllocatedBytes(precise: false) - allocated;
                    }
                }

                var baseline = stats[members[0].Name];
                foreach (var (name, _) in members)
                {
                    var s = stats[name];
                    // The ratio of each round (both cases ran within ~100 ms of each other): its median
                    // and quartiles say how much of a difference is the machine's drift.
                    var ratios = s.Rounds.Select((us, i) => us / baseline.Rounds[i]).OrderBy(r => r).ToArray();
                    Console.WriteLine(FormattableString.Invariant(
                        $"{name,-32} {s.WallUs,12:0.00} us {s.CpuUs,12:0.00} cpu-us {s.BytesPerOp,12:0} B   x{s.WallUs / baseline.WallUs:0.00} time  x{s.CpuUs / baseline.CpuUs:0.00} cpu  x{s.BytesPerOp / baseline.BytesPerOp:0.00} alloc   round ratio median x{Quantile(ratios, 0.5):0.00} (quartiles x{Quantile(ratios, 0.25):0.00}-x{Quantile(ratios, 0.75):0.00}, {ratios.Length} rounds)"));
                }
            }

            b.Cleanup();
            return 0;
        }

        private static double Quantile(double[] sorted, double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];

        private sealed class Stat
        {
            public readonly List<double> Rounds = new();
            public long Count;
            public TimeSpan Wall;
            public TimeSpan Cpu;
            public long Bytes;

            public double WallUs => Wall.TotalMilliseconds * 1000 / Count;
            public double CpuUs => Cpu.TotalMilliseconds * 1000 / Count;
            public double BytesPerOp => (double)Bytes / Count;
        }
    }
}
