using System.Collections.Generic;
using System.Linq;
using Spectre.Console;

namespace Sendblue.Cli.Output
{
    /// <summary>Contacts as a table, one row each: the phone number to pass to <c>contacts get</c> comes first.</summary>
    internal static class ContactTable
    {
        public static Table Listing(IEnumerable<Contact> contacts)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn(new TableColumn("Phone").NoWrap());
            table.AddColumn(new TableColumn("Name"));
            table.AddColumn(new TableColumn("Company"));
            table.AddColumn(new TableColumn("Tags"));
            table.AddColumn(new TableColumn("Line").NoWrap());
            table.AddColumn(new TableColumn("Opted out"));
            table.AddColumn(new TableColumn("Verified"));
            foreach (var c in contacts)
            {
                var name = string.Join(" ", new[] { c.FirstName, c.LastName }.Where(n => !string.IsNullOrEmpty(n)));
                // Text, not Markup: names and tags are the account's data, and "[red]" in them is not ours to render.
                table.AddRow(
                    new Text(c.Phone ?? ""),
                    new Text(name),
                    new Text(c.CompanyName ?? ""),
                    new Text(c.Tags is { Count: > 0 } tags ? string.Join(", ", tags) : ""),
                    new Text(c.SendblueNumber ?? ""),
                    new Text(FieldList.Format(c.OptOut) ?? ""),
                    new Text(FieldList.Format(c.Verified) ?? ""));
            }

            return table;
        }
    }
}
