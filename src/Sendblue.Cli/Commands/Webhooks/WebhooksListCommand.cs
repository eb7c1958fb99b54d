using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;

namespace Sendblue.Cli.Commands.Webhooks
{
    /// <summary><c>webhooks list</c>: the account's webhooks, by event type.</summary>
    internal sealed class WebhooksListCommand : ApiCommand<ApiSettings>
    {
        public WebhooksListCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, ApiSettings settings, CancellationToken cancellationToken)
        {
            var listed = await client.Webhooks.ListAsync(cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                JsonOutput.Write(Host.Out, listed);
            }
            else
            {
                WebhookTable.Write(Host, listed.Webhooks);
            }

            return ExitCodes.Ok;
        }
    }
}
