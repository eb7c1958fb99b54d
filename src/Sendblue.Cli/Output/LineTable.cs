using System.Collections.Generic;
using Spectre.Console;

namespace Sendblue.Cli.Output
{
    /// <summary>The account's lines as a table, one row each, with their health.</summary>
    internal static class LineTable
    {
        public static Table Listing(IEnumerable<LineState> lines)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in new[] { "Number", "Assignment", "Status", "Status changed", "Degraded since", "Effective until", "Worker" })
            {
                table.AddColumn(new TableColumn(header).NoWrap());
            }

            foreach (var line in lines)
            {
                table.AddRow(
                    new Text(line.SendblueNumber ?? ""),
                    new Text(line.Assignment?.ToString() ?? ""),
                    new Text(line.Status?.ToString() ?? "", StatusStyle(line.Status)),
                    new Text(FieldList.Format(line.StatusChangedAt) ?? ""),
                    new Text(FieldList.Format(line.DegradedSince) ?? ""),
                    new Text(FieldList.Format(line.EffectiveUntil) ?? ""),
                    new Text(line.WorkerId ?? ""));
            }

            return table;
        }

        private static Style StatusStyle(LineStatus? status) =>
            status == LineStatus.Online
                ? new Style(Color.Green)
                : status == LineStatus.Degraded
                    ? new Style(Color.Yellow)
                    : status == LineStatus.Offline
                        ? new Style(Color.Red)
                        : Style.Plain;
    }
}
