using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Spectre.Console;

namespace Sendblue.Cli.Output
{
    /// <summary>
    /// An account's webhooks as a table, one row per webhook, by event type. Secrets are shown as
    /// <c>set</c>, not printed: a terminal's scrollback is no place for them (<c>--json</c> has them).
    /// </summary>
    internal static class WebhookTable
    {
        // The models' own converters (from their attributes), so an entry reads the same whether the API sent a URL or an object.
        private static readonly JsonSerializer Serializer = JsonSerializer.Create();

        /// <summary>
        /// The webhooks of every event type, types in the order of <see cref="WebhookType.KnownValues"/>
        /// (receive first) and then the ones the SDK does not know yet, each type's webhooks in the API's order.
        /// </summary>
        public static IReadOnlyList<(string Type, WebhookEntry Entry)> Entries(AccountWebhooks webhooks)
        {
            var entries = new List<(string, WebhookEntry)>();
            foreach (var property in JObject.FromObject(webhooks, Serializer).Properties())
            {
                if (property.Value is not JArray items)
                {
                    continue;
                }

                foreach (var item in items)
                {
                    var entry = item.Type switch
                    {
                        JTokenType.String => new WebhookEntry { Url = (string?)item },
                        JTokenType.Object => item.ToObject<WebhookEntry>(Serializer),
                        _ => null,
                    };
                    if (entry is not null)
                    {
                        entries.Add((property.Name, entry));
                    }
                }
            }

            var known = WebhookType.KnownValues.Select(t => t.ToString()).ToList();
            return entries
                .OrderBy(e => known.IndexOf(e.Item1) is var i and >= 0 ? i : known.Count)
                .ToList();
        }

        public static Table Listing(IEnumerable<(string Type, WebhookEntry Entry)> entries)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn(new TableColumn("Type").NoWrap());
            table.AddColumn(new TableColumn("URL"));
            table.AddColumn(new TableColumn("Secret").NoWrap());
            table.AddColumn(new TableColumn("Lines"));
            foreach (var (type, entry) in entries)
            {
                table.AddRow(
                    new Text(type),
                    new Text(entry.Url ?? ""),
                    new Text(string.IsNullOrEmpty(entry.Secret) ? "" : "set"),
                    new Text(entry.SendblueNumbers is { Count: > 0 } numbers ? string.Join(", ", numbers) : ""));
            }

            return table;
        }

        /// <summary>The table, or a line saying there is none, then whether a global secret is set.</summary>
        public static void Write(CliHost host, AccountWebhooks? webhooks)
        {
            var entries = webhooks is null ? new List<(string, WebhookEntry)>() : Entries(webhooks);
            if (entries.Count == 0)
            {
                host.Out.WriteLine("No webhooks.");
            }
            else
            {
                host.OutConsole.Write(Listing(entries));
            }

            if (!string.IsNullOrEmpty(webhooks?.GlobalSecret))
            {
                host.Out.WriteLine("A global secret is set.");
            }
        }
    }
}
