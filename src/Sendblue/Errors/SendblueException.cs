using System;

namespace Sendblue
{
    /// <summary>
    /// The base of every exception the SDK throws about the Sendblue API or the transport to it:
    /// an error response, a response body that cannot be read, a connection failure or a timeout.
    /// </summary>
    public class SendblueException : Exception
    {
        /// <summary>Creates an exception with a message.</summary>
        /// <param name="message">What went wrong.</param>
        public SendblueException(string message)
            : base(message)
        {
        }

        /// <summary>Creates an exception with a message and the exception that caused it.</summary>
        /// <param name="message">What went wrong.</param>
        /// <param name="innerException">The cause.</param>
        public SendblueException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }
}
