using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands.Typing
{
    /// <summary>What <c>typing start</c> and <c>typing stop</c> share: the conversation, by its two numbers.</summary>
    internal class TypingSettings : ApiSettings
    {
        [CommandArgument(0, "<number>")]
        [Description("The recipient's phone number, E.164 (+19998887777): the other side of a one-to-one conversation.")]
        public string Number { get; set; } = "";

        [CommandOption("--from <NUMBER>")]
        [Description("The Sendblue number the conversation is on (the one you send from), E.164. Required.")]
        public string? From { get; set; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(From))
            {
                return ValidationResult.Error("--from is required: the Sendblue number the conversation is on, such as +16292925296.");
            }

            return base.Validate();
        }
    }
}
