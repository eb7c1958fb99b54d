using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;

namespace Sendblue.Cli.Commands.Contacts
{
    /// <summary><c>contacts get &lt;number&gt;</c>: one contact with every field the API has on it.</summary>
    internal sealed class ContactsGetCommand : ApiCommand<ContactSettings>
    {
        public ContactsGetCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, ContactSettings settings, CancellationToken cancellationToken)
        {
            var found = await client.Contacts.GetAsync(settings.Number, cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                JsonOutput.Write(Host.Out, found);
            }
            else if (found.Contact is { } contact)
            {
                FieldList.Write(Host.Out, contact);
            }
            else
            {
                Host.Error.WriteLine($"error: the API answered without the contact (status {found.Status ?? "none"}).");
                return ExitCodes.ApiError;
            }

            return ExitCodes.Ok;
        }
    }
}
