using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands
{
    /// <summary><c>get &lt;messageId&gt;</c>: one message with every field the API has on it.</summary>
    internal sealed class GetCommand : ApiCommand<GetCommand.Settings>
    {
        public GetCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, Settings settings, CancellationToken cancellationToken)
        {
            var messages = client.Messages;
            var found = await messages.GetAsync(settings.MessageId, cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                JsonOutput.Write(Host.Out, found);
            }
            else if (found.Data is { } message)
            {
                FieldList.Write(Host.Out, message);
            }
            else
            {
                Host.Error.WriteLine($"error: the API answered without the message (status {found.Status ?? "none"}).");
                return ExitCodes.ApiError;
            }

            return ExitCodes.Ok;
        }

        internal sealed class Settings : ApiSettings
        {
            [CommandArgument(0, "<messageId>")]
            [Description("The message's id: its message_handle.")]
            public string MessageId { get; set; } = "";
        }
    }
}
