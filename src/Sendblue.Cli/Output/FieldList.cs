using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Sendblue.Cli.Output
{
    /// <summary>One message as aligned <c>name  value</c> lines: easy to read, easy to grep.</summary>
    internal static class FieldList
    {
        public static void Write(TextWriter output, MessageResponse m) => Write(output, new (string, object?)[]
        {
            ("message_handle", m.MessageHandle),
            ("status", m.Status),
            ("number", m.Number),
            ("from_number", m.FromNumber),
            ("is_outbound", m.IsOutbound),
            ("content", m.Content),
            ("media_url", m.MediaUrl),
            ("send_style", m.SendStyle),
            ("message_type", m.MessageType),
            ("reply_to", Reply(m.ReplyTo)),
            ("thread_originator", Thread(m.ThreadOriginator)),
            ("location", Place(m.Location)),
            ("app_card", m.AppCard?.AppName),
            ("error_code", m.ErrorCode),
            ("error_message", m.ErrorMessage),
            ("date_created", m.DateCreated),
            ("date_updated", m.DateUpdated),
            ("account_email", m.AccountEmail),
            ("seat_id", m.SeatId),
            ("sender_email", m.SenderEmail),
        });

        public static void Write(TextWriter output, Message m) => Write(output, new (string, object?)[]
        {
            ("message_handle", m.MessageHandle),
            ("status", m.Status),
            ("service", m.Service),
            ("is_outbound", m.IsOutbound),
            ("from_number", m.FromNumber),
            ("to_number", m.ToNumber),
            ("number", m.Number),
            ("sendblue_number", m.SendblueNumber),
            ("content", m.Content),
            ("media_url", m.MediaUrl),
            ("send_style", m.SendStyle),
            ("message_type", m.MessageType),
            ("group_id", m.GroupId),
            ("group_display_name", m.GroupDisplayName),
            ("participants", m.Participants is { Count: > 0 } p ? string.Join(", ", p) : null),
            ("reply_to", Reply(m.ReplyTo)),
            ("thread_originator", Thread(m.ThreadOriginator)),
            ("location", Place(m.Location)),
            ("was_downgraded", m.WasDowngraded),
            ("opted_out", m.OptedOut),
            ("error_code", m.ErrorCode),
            ("error_message", m.ErrorMessage),
            ("error_reason", m.ErrorReason),
            ("error_detail", m.ErrorDetail),
            ("date_sent", m.DateSent),
            ("date_updated", m.DateUpdated),
            ("plan", m.Plan),
            ("account_email", m.AccountEmail),
            ("seat_id", m.SeatId),
            ("sender_email", m.SenderEmail),
        });

        public static void Write(TextWriter output, Contact c) => Write(output, new (string, object?)[]
        {
            ("phone", c.Phone),
            ("contact_id", c.ContactId),
            ("first_name", c.FirstName),
            ("last_name", c.LastName),
            ("company_name", c.CompanyName),
            ("tags", c.Tags is { Count: > 0 } tags ? string.Join(", ", tags) : null),
            ("custom_variables", c.CustomVariables is { Count: > 0 } variables ? string.Join(", ", variables.Select(v => $"{v.Key}={v.Value}")) : null),
            ("sendblue_number", c.SendblueNumber),
            ("assigned_to_email", c.AssignedToEmail),
            ("opt_out", c.OptOut),
            ("verified", c.Verified),
            ("created_at", c.CreatedAt),
        });

        public static void Write(TextWriter output, LookupNumberResponse l) => Write(output, new (string, object?)[]
        {
            ("number", l.Number),
            ("service", l.Service),
        });

        public static void Write(TextWriter output, SendTypingIndicatorResponse t) => Write(output, new (string, object?)[]
        {
            ("number", t.Number),
            ("status", t.Status),
            ("error_message", t.ErrorMessage),
        });

        /// <summary>A value as the field lists and tables show it: dates as UTC instants, flags as true/false; null when there is nothing to show.</summary>
        public static string? Format(object? value) => value switch
        {
            null => null,
            string s => s.Length == 0 ? null : s,
            bool b => b ? "true" : "false",
            DateTimeOffset d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() is { Length: > 0 } text ? text : null,
        };

        private static void Write(TextWriter output, IReadOnlyList<(string Name, object? Value)> fields)
        {
            var shown = fields.Select(f => (f.Name, Text: Format(f.Value))).Where(f => f.Text is not null).ToList();
            var width = shown.Count == 0 ? 0 : shown.Max(f => f.Name.Length);
            foreach (var (name, text) in shown)
            {
                output.WriteLine($"{name.PadRight(width)}  {text}");
            }
        }

        // The parent of an inline reply, and which part of it when the API says.
        private static string? Reply(ReplyTo? r) =>
            r?.MessageHandle is not { Length: > 0 } handle ? null : r.PartIndex is int part ? $"{handle} (part {part.ToString(CultureInfo.InvariantCulture)})" : handle;

        private static string? Thread(ThreadOriginator? t) =>
            t?.MessageHandle is not { Length: > 0 } handle ? null : t.Part is { Length: > 0 } part ? $"{handle} (part {part})" : handle;

        private static string? Place(MessageLocation? l) =>
            l?.Latitude is double latitude && l.Longitude is double longitude
                ? string.Create(CultureInfo.InvariantCulture, $"{latitude}, {longitude}")
                : null;
    }
}
