using System;

namespace Sendblue
{
    /// <summary>
    /// An attempt took longer than <see cref="SendblueClientOptions.Timeout"/>. A cancelled
    /// <see cref="System.Threading.CancellationToken"/> is never reported this way: it surfaces as
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public class SendblueTimeoutException : SendblueConnectionException
    {
        /// <summary>Creates an exception with a message and its cause.</summary>
        /// <param name="message">What went wrong.</param>
        /// <param name="innerException">The cause.</param>
        public SendblueTimeoutException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }
    }
}
