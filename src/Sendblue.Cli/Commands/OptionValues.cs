using System;
using System.Collections.Generic;
using System.Globalization;
using Spectre.Console;

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

        /// <summary>
        /// A declared option that takes a whole number, read here rather than by Spectre, whose
        /// message for a malformed value ("Failed to convert 'x' to Nullable`1") names neither the
        /// option nor what it takes.
        /// </summary>
        /// <returns>Success when <paramref name="text"/> is absent or a whole number; else an error naming <paramref name="option"/>.</returns>
        public static ValidationResult WholeNumber(string option, string? text, string example)
        {
            if (text is null || TryParseWholeNumber(text, out _))
            {
                return ValidationResult.Success();
            }

            return ValidationResult.Error($"{option} must be a whole number, such as {example}; it is '{text}'.");
        }

        /// <summary>The value of an option <see cref="WholeNumber"/> accepted, or null when it is absent.</summary>
        public static int? WholeNumber(string? text) =>
            text is not null && TryParseWholeNumber(text, out var value) ? value : null;

        private static bool TryParseWholeNumber(string text, out int value) =>
            int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

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
