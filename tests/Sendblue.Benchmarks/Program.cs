using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using Sendblue.Benchmarks.Loopback;

namespace Sendblue.Benchmarks
{
    public static class Program
    {
        /// <summary>
        /// <c>loopback-server</c> and <c>loopback</c> are the pieces of build/loopback-benchmark.sh;
        /// anything else goes to BenchmarkDotNet (<c>--filter '*' --job short</c>).
        /// </summary>
        public static async Task<int> Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "loopback-server")
            {
                return await LoopbackServer.RunAsync(args[1..]).ConfigureAwait(false);
            }

            if (args.Length > 0 && args[0] == "loopback")
            {
                return await LoopbackDriver.RunAsync(args[1..]).ConfigureAwait(false);
            }

            if (args.Length > 0 && args[0] == "quick")
            {
                return await Quick.RunAsync(args[1..]).ConfigureAwait(false);
            }

            if (args.Length > 0 && args[0] == "smoke")
            {
                return await Smoke.RunAsync().ConfigureAwait(false);
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
