using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands
{
    /// <summary><c>status &lt;handle&gt;</c>: where a sent message is now.</summary>
    internal sealed class StatusCommand : ApiCommand<StatusCommand.Settings>
    {
        public StatusCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, Settings settings, CancellationToken cancellationToken)
        {
            var messages = client.Messages;
            var status = await messages.GetStatusAsync(settings.Handle, cancellationToken).ConfigureAwait(false);
            return Show(settings, status, output => FieldList.Write(output, status));
        }

        internal sealed class Settings : ApiSettings
        {
            [CommandArgument(0, "<handle>")]
            [Description("The message_handle a send returned.")]
            public string Handle { get; set; } = "";
        }
    }
}
