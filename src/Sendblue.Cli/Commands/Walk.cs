using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace Sendblue.Cli.Commands
{
    /// <summary><c>--all</c> of a list command: every item of an SDK walk (<c>ListAllAsync</c>), read into memory.</summary>
    internal static class Walk
    {
        /// <summary>
        /// Reads <paramref name="items"/> to the end. On a terminal, a live count on stderr shows
        /// that a long walk is moving; stdout stays data only, and a log file or a pipe gets none.
        /// </summary>
        /// <param name="plural">What is read, for the count: "messages".</param>
        public static async Task<List<T>> ReadAllAsync<T>(CliHost host, IAsyncEnumerable<T> items, string plural, CancellationToken cancellationToken)
        {
            var all = new List<T>();
            if (!host.ShowProgress)
            {
                await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    all.Add(item);
                }

                return all;
            }

            await host.ErrorConsole.Progress()
                .AutoClear(true)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Reading {plural}").IsIndeterminate();
                    await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        all.Add(item);
                        task.Description = $"Read {all.Count} {plural}";
                    }

                    task.StopTask();
                })
                .ConfigureAwait(false);
            host.Error.WriteLine($"Read {all.Count} {plural}.");
            return all;
        }
    }
}
