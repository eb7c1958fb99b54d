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

        public CliUsageException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
