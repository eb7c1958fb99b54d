using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands.Webhooks
{
    /// <summary><c>webhooks add &lt;url&gt;</c>: adds one webhook to the ones of its event type.</summary>
    internal sealed class WebhooksAddCommand : ApiCommand<WebhooksAddCommand.Settings>
    {
        public WebhooksAddCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, Settings settings, CancellationToken cancellationToken)
        {
            var type = settings.WebhookType;
            var added = await client.Webhooks.CreateAsync(settings.ToRequest(), cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                JsonOutput.Write(Host.Out, added);
                return ExitCodes.Ok;
            }

            Host.Out.WriteLine($"Added {settings.Url} to the {type} webhooks.");
            if (added.Webhooks is { } webhooks)
            {
                Host.Out.WriteLine("The account's webhooks now:");
                WebhookTable.Write(Host, webhooks);
            }

            return ExitCodes.Ok;
        }

        internal sealed class Settings : WebhookSettings
        {
            [CommandOption("--secret <SECRET>")]
            [Description("A secret Sendblue sends with each call of this webhook (the sb-signing-secret header), to check that a call is Sendblue's.")]
            public string? Secret { get; set; }

            [CommandOption("--sendblue-number <NUMBER>")]
            [Description("Receive webhooks only: a Sendblue line whose inbound messages go to this webhook; repeat it for more. Without it, every line's do.")]
            public string[]? SendblueNumbers { get; set; }

            public CreateWebhooksRequest ToRequest() => new()
            {
                Type = WebhookType,
                Webhooks = new[]
                {
                    new WebhookEntry
                    {
                        Url = Url,
                        Secret = Secret,
                        SendblueNumbers = SendblueNumbers is { Length: > 0 } numbers ? numbers.ToList() : null,
                    },
                },
            };
        }
    }
}
