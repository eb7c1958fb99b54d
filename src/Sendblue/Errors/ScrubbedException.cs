using System;

namespace Sendblue.Errors
{
    /// <summary>
    /// Stands in for an exception whose text held a credential (a transport error quoting a header
    /// line the server sent, say): the original's type name and message, scrubbed.
    /// </summary>
    internal sealed class ScrubbedException : Exception
    {
        public ScrubbedException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }
}
