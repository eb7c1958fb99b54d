using System.ComponentModel;
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
    }
}
