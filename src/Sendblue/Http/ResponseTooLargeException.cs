using System;

namespace Sendblue.Http
{
    /// <summary>
    /// A body is larger than <c>MaxResponseBytes</c>: thrown by <see cref="BufferedContent"/>,
    /// which knows nothing of the request, and turned into the caller's
    /// <see cref="SendblueException"/> by <see cref="TimeoutHandler"/>, which does.
    /// </summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        public ResponseTooLargeException(long limit, long? announced)
            : base(announced is long n ? $"The body announces {n} bytes, more than the limit of {limit}." : $"The body goes on past the limit of {limit} bytes.")
        {
            Limit = limit;
            Announced = announced;
        }

        public long Limit { get; }

        /// <summary>The Content-Length, when that alone was over the limit; null when the body itself ran past it.</summary>
        public long? Announced { get; }
    }
}
