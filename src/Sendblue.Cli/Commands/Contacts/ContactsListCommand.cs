using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Sendblue.Cli.QueryOptions;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands.Contacts
{
    /// <summary><c>contacts list</c>: one page of contacts, or every page with <c>--all</c>.</summary>
    internal sealed class ContactsListCommand : ApiCommand<ContactsListCommand.Settings>
    {
        /// <summary>The page size the API uses when <c>--limit</c> is not given (the spec's default of <c>limit</c>).</summary>
        private const int ApiDefaultLimit = 100;

        public ContactsListCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, Settings settings, CancellationToken cancellationToken)
        {
            var query = settings.Query;
            if (settings.All)
            {
                var all = await Walk.ReadAllAsync(Host, client.Contacts.ListAllAsync(query, cancellationToken), "contacts", cancellationToken).ConfigureAwait(false);
                if (settings.Json)
                {
                    JsonOutput.Write(Host.Out, all);
                }
                else
                {
                    WriteTable(all);
                    Host.Out.WriteLine(all.Count == 1 ? "1 contact." : $"{all.Count} contacts.");
                }

                return ExitCodes.Ok;
            }

            var page = await client.Contacts.ListAsync(query, cancellationToken).ConfigureAwait(false) ?? new List<Contact>();
            if (settings.Json)
            {
                JsonOutput.Write(Host.Out, page);
                return ExitCodes.Ok;
            }

            WriteTable(page);
            var first = (query.Offset ?? 0) + 1;
            var last = first + page.Count - 1;
            // The API's page has no total: a full page may have more behind it, a shorter one is the last.
            var summary = page.Count == 0 ? $"No contacts from offset {first - 1}." : $"Contacts {first}-{last}.";
            if (page.Count > 0 && page.Count >= (query.Limit ?? ApiDefaultLimit))
            {
                summary += $" More may follow: --offset {last}, or --all.";
            }

            Host.Out.WriteLine(summary);
            return ExitCodes.Ok;
        }

        private void WriteTable(IList<Contact> contacts)
        {
            if (contacts.Count > 0)
            {
                Host.OutConsole.Write(ContactTable.Listing(contacts));
            }
        }

        /// <summary>
        /// <c>--all</c> and the options every API command has; the filters are the properties of
        /// <see cref="ContactListQuery"/>, found at run time as <c>list</c>'s are.
        /// </summary>
        internal sealed class Settings : ApiSettings, IQueryOptionsSettings
        {
            /// <summary>The filters of <c>contacts list</c>: one option per property of <see cref="ContactListQuery"/>.</summary>
            public static QueryOptionSet Filters { get; } = QueryOptionSet.For(typeof(ContactListQuery));

            [CommandOption("--all")]
            [Description("Walks every page from --offset on (--limit is then the page size).")]
            public bool All { get; set; }

            /// <summary>The query the filters asked for; their ranges are the SDK's to check, when it is sent.</summary>
            public ContactListQuery Query { get; private set; } = new();

            QueryOptionSet IQueryOptionsSettings.QueryOptions => Filters;

            object IQueryOptionsSettings.Query
            {
                set => Query = (ContactListQuery)value;
            }
        }
    }
}
