using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands.Typing
{
    /// <summary><c>typing start &lt;number&gt;</c>: shows the recipient the typing bubble.</summary>
    internal sealed class TypingStartCommand : TypingCommand<TypingStartCommand.Settings>
    {
        public TypingStartCommand(CliHost host)
            : base(host)
        {
        }

        protected override SendTypingIndicatorRequest ToRequest(Settings settings) => new()
        {
            Number = settings.Number,
            FromNumber = settings.From,
            State = TypingIndicatorState.Start,
            MaxDurationMs = OptionValues.WholeNumber(settings.MaxDurationMs),
        };

        internal sealed class Settings : TypingSettings
        {
            [CommandOption("--max-duration-ms <MS>")]
            [Description("How long the bubble may show before it stops by itself, in milliseconds: 1 to 300000 (the API's default is one minute).")]
            public string? MaxDurationMs { get; set; }

            public override ValidationResult Validate() =>
                OptionValues.WholeNumber("--max-duration-ms", MaxDurationMs, "120000") is { Successful: false } malformed ? malformed : base.Validate();
        }
    }
}
