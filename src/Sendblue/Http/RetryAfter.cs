using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace Sendblue.Http
{
    /// <summary>
    /// Reads how long a server asked to wait: <c>retry-after-ms</c> (milliseconds, what the
    /// Stainless-built Sendblue SDKs read first) when it holds a number, else <c>Retry-After</c>
    /// in either of its forms. A value of any other shape (negative, <c>NaN</c>, an exponent, a
    /// date that is not an HTTP date) is ignored rather than guessed at: the backoff decides. One
    /// too large for a <see cref="TimeSpan"/> reads as <see cref="TimeSpan.MaxValue"/>.
    /// </summary>
    internal static class RetryAfter
    {
        public const string MillisecondsHeader = "retry-after-ms";

        // The HTTP-date forms of RFC 9110: IMF-fixdate first, then the two obsolete ones.
        private static readonly string[] HttpDateFormats =
        {
            "r",
            "dddd, dd'-'MMM'-'yy HH':'mm':'ss 'GMT'",
            "ddd MMM d HH':'mm':'ss yyyy",
        };

        public static TimeSpan? Parse(HttpResponseMessage response, DateTimeOffset now)
        {
            if (response.Headers.TryGetValues(MillisecondsHeader, out var milliseconds)
                && FromNumber(milliseconds.FirstOrDefault(), secondsPerUnit: 0.001) is TimeSpan precise)
            {
                return precise;
            }

            return response.Headers.TryGetValues("Retry-After", out var values) ? Parse(values.FirstOrDefault(), now) : null;
        }

        /// <summary>
        /// Delta-seconds (<c>120</c>, a fraction tolerated) or an HTTP date
        /// (<c>Wed, 21 Oct 2015 07:28:00 GMT</c>); a date in the past means no wait.
        /// </summary>
        public static TimeSpan? Parse(string? value, DateTimeOffset now)
        {
            if (FromNumber(value, secondsPerUnit: 1) is TimeSpan delta)
            {
                return delta;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (DateTimeOffset.TryParseExact(value!.Trim(), HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        /// <summary>Digits with at most one decimal point, nothing else: no sign, exponent, NaN or infinity.</summary>
        private static TimeSpan? FromNumber(string? value, double secondsPerUnit)
        {
            if (value is null)
            {
                return null;
            }

            var text = value.Trim();
            var digits = 0;
            var points = 0;
            foreach (var c in text)
            {
                if (c >= '0' && c <= '9')
                {
                    digits++;
                    continue;
                }

                if (c != '.' || ++points > 1)
                {
                    return null;
                }
            }

            if (digits == 0 || !double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            var seconds = number * secondsPerUnit;
            return seconds >= TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
        }
    }
}
