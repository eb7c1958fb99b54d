using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;

namespace Sendblue.Cli.Commands
{
    /// <summary><c>lines</c>: the account's lines now, and the health of each.</summary>
    internal sealed class LinesCommand : ApiCommand<ApiSettings>
    {
        public LinesCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, ApiSettings settings, CancellationToken cancellationToken)
        {
            var state = await client.Lines.GetStateAsync(cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                JsonOutput.Write(Host.Out, state);
                return ExitCodes.Ok;
            }

            var lines = state.Data ?? new List<LineState>();
            if (lines.Count > 0)
            {
                Host.OutConsole.Write(LineTable.Listing(lines));
            }

            var summary = lines.Count switch { 0 => "No lines", 1 => "1 line", _ => $"{lines.Count} lines" };
            Host.Out.WriteLine(FieldList.Format(state.SnapshotAt) is { } at ? $"{summary}, as of {at}." : $"{summary}.");
            return ExitCodes.Ok;
        }
    }
}
