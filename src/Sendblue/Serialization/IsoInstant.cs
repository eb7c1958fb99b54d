using System;

namespace Sendblue.Serialization
{
    /// <summary>
    /// Parses the one date shape the API sends, <c>2024-05-14T18:03:11.512Z</c> (or with a
    /// <c>±hh:mm</c> offset; 0 to 7 fraction digits), without the culture-aware machinery of
    /// <see cref="DateTimeOffset.TryParseExact(string, string, IFormatProvider, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>
    /// that Newtonsoft falls back to under DateParseHandling.None. It accepts only strings that
    /// Newtonsoft's own reading (<c>yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK</c>, then its ISO parser)
    /// accepts, with the same value; anything else (another shape, an hour of 24, an offset past
    /// 14 hours, no offset at all, which means local time) is declined and left to Newtonsoft.
    /// </summary>
    internal static class IsoInstant
    {
        public static bool TryParse(string s, out DateTimeOffset value)
        {
            value = default;
            var n = s.Length;
            if (n < 20 || n > 33
                || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
                || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
                || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
            {
                return false;
            }

            var i = 19;
            long fraction = 0;
            if (s[i] == '.')
            {
                var digits = 0;
                i++;
                while (i < n && s[i] >= '0' && s[i] <= '9')
                {
                    if (++digits > 7)
                    {
                        return false;
                    }

                    fraction = (fraction * 10) + (s[i] - '0');
                    i++;
                }

                if (digits == 0)
                {
                    return false;
                }

                for (var pad = digits; pad < 7; pad++)
                {
                    fraction *= 10;
                }
            }

            TimeSpan offset;
            if (i == n - 1 && s[i] == 'Z')
            {
                offset = TimeSpan.Zero;
            }
            else if (i == n - 6 && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':'
                && Digits(s, i + 1, 2, out var offsetHours) && Digits(s, i + 4, 2, out var offsetMinutes)
                && offsetMinutes < 60 && (offsetHours < 14 || (offsetHours == 14 && offsetMinutes == 0)))
            {
                offset = new TimeSpan(offsetHours, offsetMinutes, 0);
                if (s[i] == '-')
                {
                    offset = offset.Negate();
                }
            }
            else
            {
                return false;
            }

            if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
            var utcTicks = local.Ticks - offset.Ticks;
            if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            value = new DateTimeOffset(local, offset);
            return true;
        }

        private static bool Digits(string s, int start, int count, out int value)
        {
            value = 0;
            for (var i = start; i < start + count; i++)
            {
                var c = s[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }
    }
}
