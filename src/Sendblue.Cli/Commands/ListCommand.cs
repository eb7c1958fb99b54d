using System;
using System.Collections.Generic;
using System.Linq;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Sendblue.Cli.QueryOptions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands
{
    /// <summary><c>list</c>: one page of messages, or every page with <c>--all</c>.</summary>
    internal sealed class ListCommand : ApiCommand<ListCommand.Settings>
    {
        public ListCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, Settings settings, CancellationToken cancellationToken)
        {
            var messages = client.Messages;
            var query = settings.Query;
            if (settings.All)
            {
                var all = await Walk.ReadAllAsync(Host, messages.ListAllAsync(query, cancellationToken), "messages", cancellationToken).ConfigureAwait(false);
                if (settings.Json)
                {
                    JsonOutput.Write(Host.Out, all);
                }
                else
                {
                    WriteTable(all);
                    Host.Out.WriteLine(all.Count == 1 ? "1 message." : $"{all.Count} messages.");
                }

                return ExitCodes.Ok;
            }

            var page = await messages.ListAsync(query, cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                JsonOutput.Write(Host.Out, page);
                return ExitCodes.Ok;
            }

            var data = page.Data ?? new List<Message>();
            WriteTable(data);
            var first = (page.Pagination?.Offset ?? query.Offset ?? 0) + 1;
            var last = first + data.Count - 1;
            var summary = data.Count == 0
                ? $"No messages from offset {first - 1}"
                : $"Messages {first}-{last}";
            summary += page.Pagination?.Total is int total ? $" of {total}." : ".";
            if (page.Pagination?.HasMore == true)
            {
                summary += $" More with --offset {last}, or --all.";
            }

            Host.Out.WriteLine(summary);
            return ExitCodes.Ok;
        }

        private void WriteTable(IList<Message> messages)
        {
            if (messages.Count > 0)
            {
                Host.OutConsole.Write(MessageTable.Listing(messages.ToList(), Host.OutConsole));
            }
        }

        /// <summary>
        /// <c>--all</c> and the options every API command has; the filters are the properties of
        /// <see cref="MessageListQuery"/>, found at run time (see <see cref="QueryOptionSet"/>), so a
        /// filter the spec adds is an option here with no edit.
        /// </summary>
        internal sealed class Settings : ApiSettings, IQueryOptionsSettings
        {
            /// <summary>The filters of <c>list</c>: one option per property of <see cref="MessageListQuery"/>.</summary>
            public static QueryOptionSet Filters { get; } = QueryOptionSet.For(typeof(MessageListQuery));

            [CommandOption("--all")]
            [Description("Walks every page from --offset on (--limit is then the page size).")]
            public bool All { get; set; }

            /// <summary>The query the filters asked for; their ranges are the SDK's to check, when it is sent.</summary>
            public MessageListQuery Query { get; private set; } = new();

            QueryOptionSet IQueryOptionsSettings.QueryOptions => Filters;

            object IQueryOptionsSettings.Query
            {
                set => Query = (MessageListQuery)value;
            }
        }
    }
}
