using System;
using System.Collections.Generic;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sendblue.Cli.Output
{
    /// <summary>Messages as a table, one row each, for a person to read.</summary>
    internal static class MessageTable
    {
        /// <summary>The demo's view: who said what, when, and how it went.</summary>
        public static Table Conversation(IEnumerable<Message> messages)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn(new TableColumn("Time").NoWrap());
            table.AddColumn(new TableColumn("Direction").NoWrap());
            table.AddColumn(new TableColumn("From").NoWrap());
            table.AddColumn(new TableColumn("To").NoWrap());
            table.AddColumn(new TableColumn("Service").NoWrap());
            table.AddColumn(new TableColumn("Status").NoWrap());
            table.AddColumn(new TableColumn("Style").NoWrap());
            table.AddColumn(new TableColumn("Content"));
            foreach (var m in messages)
            {
                table.AddRow(
                    Plain(Time(m.DateSent ?? m.DateUpdated, "HH:mm:ss.fff")),
                    Plain(Direction(m)),
                    Plain(m.FromNumber),
                    Plain(m.ToNumber),
                    Plain(m.Service?.ToString()),
                    Status(m.Status),
                    Plain(m.SendStyle?.ToString()),
                    Plain(m.Content ?? m.MediaUrl));
            }

            return table;
        }

        /// <summary>The list command's view: the handle to pass to <c>get</c> or <c>status</c> comes first.</summary>
        public static Table Listing(IEnumerable<Message> messages)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn(new TableColumn("Handle").NoWrap());
            table.AddColumn(new TableColumn("Sent").NoWrap());
            table.AddColumn(new TableColumn("Direction").NoWrap());
            table.AddColumn(new TableColumn("Number").NoWrap());
            table.AddColumn(new TableColumn("Service").NoWrap());
            table.AddColumn(new TableColumn("Status").NoWrap());
            table.AddColumn(new TableColumn("Content"));
            foreach (var m in messages)
            {
                table.AddRow(
                    Plain(m.MessageHandle),
                    Plain(Time(m.DateSent ?? m.DateUpdated, "yyyy-MM-dd HH:mm:ss")),
                    Plain(Direction(m)),
                    Plain(m.Number),
                    Plain(m.Service?.ToString()),
                    Status(m.Status),
                    Plain(m.Content ?? m.MediaUrl));
            }

            return table;
        }

        private static string Direction(Message m) => m.IsOutbound switch
        {
            true => "sent",
            false => "received",
            null => "",
        };

        private static string? Time(DateTimeOffset? value, string format) =>
            value?.ToLocalTime().ToString(format, CultureInfo.InvariantCulture);

        // Text, not Markup: message content is the sender's, and "[red]" in it is not ours to render.
        private static IRenderable Plain(string? value) => new Text(value ?? "");

        private static IRenderable Status(MessageStatus? status)
        {
            var text = status?.ToString() ?? "";
            var style = status == MessageStatus.Delivered || status == MessageStatus.Received
                ? new Style(Color.Green)
                : status == MessageStatus.Error || status == MessageStatus.Declined
                    ? new Style(Color.Red)
                    : Style.Plain;
            return new Text(text, style);
        }
    }
}
