using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Cli
{
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            using var cancellation = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                // The first Ctrl+C cancels the running call cleanly; a second one kills the process.
                e.Cancel = !cancellation.IsCancellationRequested;
                cancellation.Cancel();
            };

            return await SendblueCli.RunAsync(args, CliHost.ForProcessConsole(), cancellation.Token).ConfigureAwait(false);
        }
    }
}
