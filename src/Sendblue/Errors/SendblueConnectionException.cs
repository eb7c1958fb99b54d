using System;

namespace Sendblue
{
    /// <summary>
    /// No response came back from the API: the connection was refused or reset, the name did not
    /// resolve, or (see <see cref="SendblueTimeoutException"/>) an attempt took too long.
    /// </summary>
    public class SendblueConnectionException : SendblueException
    {
        /// <summary>Creates an exception with a message and its cause.</summary>
        /// <param name="message">What went wrong.</param>
        /// <param name="innerException">The cause.</param>
        public SendblueConnectionException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }
    }
}
