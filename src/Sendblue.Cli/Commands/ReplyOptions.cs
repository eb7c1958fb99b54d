using Spectre.Console;

namespace Sendblue.Cli.Commands
{
    /// <summary>What <c>send</c> and <c>group send</c> share for inline replies and seats: the words and the rules.</summary>
    internal static class ReplyOptions
    {
        public const string ReplyTo = "--reply-to <HANDLE>";
        public const string ReplyToDescription = "Sends an inline reply: the message_handle of the message it answers (same conversation and line).";

        public const string ReplyPart = "--reply-part <INDEX>";
        public const string ReplyPartDescription = "With --reply-to: which part of a multipart message is answered. Advanced; leave it out in normal replies (the API assumes 0).";

        public const string Seat = "--seat <SEAT_ID>";
        public const string SeatDescription = "Sends on behalf of a seat (a user of the account), by seat id; Sendblue fills sender_email on the message.";

        public static ValidationResult Validate(string? replyTo, string? replyPart)
        {
            if (OptionValues.WholeNumber("--reply-part", replyPart, "1") is { Successful: false } malformed)
            {
                return malformed;
            }

            if (replyTo is not null && string.IsNullOrWhiteSpace(replyTo))
            {
                return ValidationResult.Error("--reply-to needs the message_handle of the message to answer.");
            }

            if (replyPart is not null && replyTo is null)
            {
                return ValidationResult.Error("--reply-part needs --reply-to: the message_handle of the message whose part it answers.");
            }

            return ValidationResult.Success();
        }

        /// <summary>The <c>reply_to</c> of the request, or null when the message is no reply.</summary>
        public static global::Sendblue.ReplyTo? Build(string? replyTo, string? replyPart) =>
            replyTo is null ? null : new global::Sendblue.ReplyTo { MessageHandle = replyTo, PartIndex = OptionValues.WholeNumber(replyPart) };
    }
}
