using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Cli.Commands.Webhooks
{
    /// <summary><c>webhooks remove &lt;url&gt;</c>: removes one webhook URL from its event type.</summary>
    internal sealed class WebhooksRemoveCommand : ApiCommand<WebhookSettings>
    {
        public WebhooksRemoveCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, WebhookSettings settings, CancellationToken cancellationToken)
        {
            var type = settings.WebhookType;
            var removed = await client.Webhooks.DeleteAsync(new DeleteWebhooksRequest { Type = type, Webhooks = new[] { settings.Url } }, cancellationToken).ConfigureAwait(false);
            return Show(settings, removed, output => output.WriteLine($"Removed {settings.Url} from the {type} webhooks."));
        }
    }
}
