using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands
{
    /// <summary>The options <c>send</c> and <c>group send</c> share: the sender, the text or media, an inline reply, a seat.</summary>
    internal abstract class MessageSettings : ApiSettings
    {
        [CommandOption("--from <NUMBER>")]
        [Description("One of your Sendblue numbers to send from, E.164. Required.")]
        public string? From { get; set; }

        [CommandOption("--content <TEXT>")]
        [Description("The text. This or --media-url is required.")]
        public string? Content { get; set; }

        [CommandOption("--media-url <URL>")]
        [Description("A public URL of an image, video or file to attach.")]
        public string? MediaUrl { get; set; }

        [CommandOption(ReplyOptions.ReplyTo)]
        [Description(ReplyOptions.ReplyToDescription)]
        public string? ReplyTo { get; set; }

        [CommandOption(ReplyOptions.ReplyPart)]
        [Description(ReplyOptions.ReplyPartDescription)]
        public string? ReplyPart { get; set; }

        [CommandOption(ReplyOptions.Seat)]
        [Description(ReplyOptions.SeatDescription)]
        public string? Seat { get; set; }

        /// <summary>The checks of the shared options, after the command's own (which call this last).</summary>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(From))
            {
                return ValidationResult.Error("--from is required: one of your Sendblue numbers, such as +16292925296.");
            }

            if (string.IsNullOrWhiteSpace(Content) && string.IsNullOrWhiteSpace(MediaUrl))
            {
                return ValidationResult.Error("A message needs --content, --media-url, or both.");
            }

            if (ReplyOptions.Validate(ReplyTo, ReplyPart) is { Successful: false } reply)
            {
                return reply;
            }

            return base.Validate();
        }
    }
}
