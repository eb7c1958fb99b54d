using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace Sendblue.Http
{
    /// <summary>Reads a <c>Retry-After</c> header in either of its forms.</summary>
    internal static class RetryAfter
    {
        public static TimeSpan? Parse(HttpResponseMessage response, DateTimeOffset now)
        {
            if (!response.Headers.TryGetValues("Retry-After", out var values))
            {
                return null;
            }

            return Parse(values.FirstOrDefault(), now);
        }

        /// <summary>
        /// Delta-seconds (<c>120</c>) or an HTTP date (<c>Wed, 21 Oct 2015 07:28:00 GMT</c>); a date
        /// in the past means no wait. Anything else is ignored rather than guessed at.
        /// </summary>
        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var text = value!.Trim();
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            {
                return seconds > TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }
    }
}
