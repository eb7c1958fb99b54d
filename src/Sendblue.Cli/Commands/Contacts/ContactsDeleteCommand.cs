using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Cli.Commands.Contacts
{
    /// <summary><c>contacts delete &lt;number&gt;</c>: deletes one contact.</summary>
    internal sealed class ContactsDeleteCommand : ApiCommand<ContactSettings>
    {
        public ContactsDeleteCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, ContactSettings settings, CancellationToken cancellationToken)
        {
            var deleted = await client.Contacts.DeleteAsync(settings.Number, cancellationToken).ConfigureAwait(false);
            return Show(settings, deleted, output => output.WriteLine($"Deleted the contact {settings.Number}."));
        }
    }
}
