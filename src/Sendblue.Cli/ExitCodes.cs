namespace Sendblue.Cli
{
    /// <summary>What the process returns; scripts rely on these.</summary>
    internal static class ExitCodes
    {
        public const int Ok = 0;

        /// <summary>The API answered with an error, or could not be reached (a SendblueException).</summary>
        public const int ApiError = 1;

        /// <summary>A bad or missing option or argument, an unknown command, missing credentials.</summary>
        public const int UsageError = 2;

        /// <summary>Ctrl+C, as shells report a SIGINT.</summary>
        public const int Cancelled = 130;
    }
}
