using System;

namespace Sendblue.Http
{
    /// <summary>
    /// A body is larger than <c>MaxResponseBytes</c>: thrown by <see cref="BufferedContent"/>,
    /// which knows nothing of the request, and turned into the caller's
    /// <see cref="SendblueException"/> by <see cref="TimeoutHandler"/>, which does (and which
    /// writes the message: this exception never leaves it).
    /// </summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        public ResponseTooLargeException(long? announced)
        {
            Announced = announced;
        }

        /// <summary>The Content-Length, when that alone was over the limit; null when the body itself ran past it.</summary>
        public long? Announced { get; }
    }
}
