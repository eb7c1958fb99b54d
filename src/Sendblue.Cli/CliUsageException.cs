using System;

namespace Sendblue.Cli
{
    /// <summary>The command line asks for something that cannot be done as given: exit code 2.</summary>
    internal sealed class CliUsageException : Exception
    {
        public CliUsageException(string message)
            : base(message)
        {
        }

        /// <param name="message">What is wrong.</param>
        /// <param name="helpCommand">The command whose <c>--help</c> shows how to say it right, as for Spectre's own parse errors.</param>
        public CliUsageException(string message, string? helpCommand)
            : base(message)
        {
            HelpCommand = helpCommand;
        }

        public CliUsageException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        /// <summary>The command whose help the error message points to, or null for none.</summary>
        public string? HelpCommand { get; }
    }
}
