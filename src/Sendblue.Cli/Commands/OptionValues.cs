using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sendblue.Cli.Commands
{
    /// <summary>Turns option text into the SDK's types.</summary>
    internal static class OptionValues
    {
        /// <summary>
        /// A known value matched without case (<c>delivered</c> is <c>DELIVERED</c>, <c>sms</c> is
        /// <c>SMS</c>); any other text goes to the API as typed, since these types are open and the
        /// API may know values this version does not.
        /// </summary>
        public static T? Extensible<T>(string? text, IReadOnlyList<T> known, Func<string, T> create)
            where T : struct
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var trimmed = text.Trim();
            foreach (var value in known)
            {
                if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            return create(trimmed);
        }

        /// <summary>An ISO 8601 instant; without an offset it is taken as UTC.</summary>
        public static bool TryParseInstant(string text, out DateTimeOffset value) =>
            DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out value);

        public static bool TryParseBool(string text, out bool value)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true":
                case "yes":
                case "1":
                    value = true;
                    return true;
                case "false":
                case "no":
                case "0":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }
    }
}
