using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands
{
    /// <summary><c>lookup &lt;number&gt;</c>: whether a number or address can receive iMessage.</summary>
    internal sealed class LookupCommand : ApiCommand<LookupCommand.Settings>
    {
        public LookupCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, Settings settings, CancellationToken cancellationToken)
        {
            var found = await client.Lookups.LookupNumberAsync(settings.Number, cancellationToken).ConfigureAwait(false);
            return Show(settings, found, output => FieldList.Write(output, found));
        }

        internal sealed class Settings : ApiSettings
        {
            [CommandArgument(0, "<number>")]
            [Description("The phone number to look up, E.164 (+19998887777), or an email address.")]
            public string Number { get; set; } = "";
        }
    }
}
