namespace Sendblue.Cli.Commands.Typing
{
    /// <summary><c>typing stop &lt;number&gt;</c>: takes the typing bubble away.</summary>
    internal sealed class TypingStopCommand : TypingCommand<TypingSettings>
    {
        public TypingStopCommand(CliHost host)
            : base(host)
        {
        }

        protected override SendTypingIndicatorRequest ToRequest(TypingSettings settings) => new()
        {
            Number = settings.Number,
            FromNumber = settings.From,
            State = TypingIndicatorState.Stop,
        };
    }
}
