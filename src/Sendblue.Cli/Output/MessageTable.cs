using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sendblue.Cli.Output
{
    /// <summary>
    /// Messages as a table, one row each, for a person to read. Every column but the content keeps
    /// its values on one line (a phone number or a handle split over two lines is no use), so the
    /// widest layout that leaves the content room on the console is chosen: on an 80-column
    /// terminal a table of unwrappable columns wider than the screen would collapse to an ellipsis.
    /// </summary>
    internal static class MessageTable
    {
        private const int MinimumContentWidth = 20;

        /// <summary>The demo's view: who said what, when, and how it went.</summary>
        public static Table Conversation(IReadOnlyList<Message> messages, IAnsiConsole console)
        {
            var time = Column("Time", m => Time(m, "HH:mm:ss.fff"));
            var shortTime = Column("Time", m => Time(m, "HH:mm:ss"));
            var with = Column("With", m => With(m, console.Profile.Capabilities.Unicode));
            return Build(messages, console.Profile.Width, new[]
            {
                new[] { time, Dir, From, To, Service, Status, Style },
                new[] { shortTime, with, Service, Status, Style },
                new[] { shortTime, with, Status },
            });
        }

        /// <summary>The list command's view: the handle to pass to <c>get</c> or <c>status</c> comes first.</summary>
        public static Table Listing(IReadOnlyList<Message> messages, IAnsiConsole console)
        {
            var date = Column("Date", m => Time(m, "yyyy-MM-dd HH:mm:ss"));
            return Build(messages, console.Profile.Width, new[]
            {
                new[] { Handle, date, Dir, Number, Service, Status },
                new[] { Handle, Dir, Number, Status },
                new[] { Handle, Status },
            });
        }

        private static readonly MessageColumn Handle = Column("Handle", m => m.MessageHandle);
        private static readonly MessageColumn Dir = Column("Dir", m => m.IsOutbound switch { true => "out", false => "in", null => null });
        private static readonly MessageColumn From = Column("From", m => m.FromNumber);
        private static readonly MessageColumn To = Column("To", m => m.ToNumber);
        private static readonly MessageColumn Number = Column("Number", m => m.Number);
        private static readonly MessageColumn Service = Column("Service", m => m.Service?.ToString());
        private static readonly MessageColumn Style = Column("Style", m => m.SendStyle?.ToString());
        private static readonly MessageColumn Status = new("Status", m => m.Status?.ToString(), m => StatusStyle(m.Status));

        private static Table Build(IReadOnlyList<Message> messages, int width, IReadOnlyList<MessageColumn[]> layouts)
        {
            var columns = layouts.FirstOrDefault(l => Fits(l, messages, width)) ?? layouts[layouts.Count - 1];
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in columns)
            {
                table.AddColumn(new TableColumn(column.Header).NoWrap());
            }

            table.AddColumn(new TableColumn("Content"));
            foreach (var m in messages)
            {
                var cells = columns
                    .Select(c => (IRenderable)new Text(c.Value(m) ?? "", c.Style?.Invoke(m) ?? Spectre.Console.Style.Plain))
                    .Append(Plain(m.Content ?? m.MediaUrl));
                table.AddRow(cells);
            }

            return table;
        }

        /// <summary>Whether the columns on one line, plus some room for the content, fit in the width.</summary>
        private static bool Fits(IReadOnlyList<MessageColumn> columns, IReadOnlyList<Message> messages, int width)
        {
            var cells = columns.Sum(c => messages.Select(m => c.Value(m)?.Length ?? 0).Append(c.Header.Length).Max());
            var borders = (3 * (columns.Count + 1)) + 1; // "│ " and " " around each cell, content included
            var content = Math.Min(MinimumContentWidth, messages.Select(m => (m.Content ?? m.MediaUrl)?.Length ?? 0).DefaultIfEmpty(0).Max());
            return cells + borders + content <= width;
        }

        private static MessageColumn Column(string header, Func<Message, string?> value) => new(header, value, null);

        // A list item has no creation date: when it was sent, else when it last changed.
        private static string? Time(Message m, string format) =>
            (m.DateSent ?? m.DateUpdated)?.ToLocalTime().ToString(format, CultureInfo.InvariantCulture);

        private static string? With(Message m, bool unicode) => m.IsOutbound switch
        {
            true => (unicode ? "→ " : "-> ") + m.ToNumber,
            false => (unicode ? "← " : "<- ") + m.FromNumber,
            null => m.Number,
        };

        // Text, not Markup: message content is the sender's, and "[red]" in it is not ours to render.
        private static IRenderable Plain(string? value) => new Text(value ?? "");

        private static Style StatusStyle(MessageStatus? status) =>
            status == MessageStatus.Delivered || status == MessageStatus.Received
                ? new Style(Color.Green)
                : status == MessageStatus.Error || status == MessageStatus.Declined
                    ? new Style(Color.Red)
                    : Spectre.Console.Style.Plain;

        private sealed record MessageColumn(string Header, Func<Message, string?> Value, Func<Message, Style>? Style);
    }
}
