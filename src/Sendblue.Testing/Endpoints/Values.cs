using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>The formats the API judges (phone numbers, addresses, URLs, enum values), with the 400 that names the field.</summary>
    internal static class Values
    {
        private static readonly Regex E164 = new("^\\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant);
        private static readonly Regex Email = new("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", RegexOptions.CultureInvariant);

        public static bool IsPhone(string value) => E164.IsMatch(value);

        public static bool IsEmail(string value) => Email.IsMatch(value);

        public static string Phone(string value, string field) =>
            IsPhone(value) ? value : throw Rejection.BadRequest($"{field} must be a phone number in E.164 format, such as +19998887777; it is '{value}'.");

        public static string PhoneOrEmail(string value, string field) =>
            IsPhone(value) || IsEmail(value) ? value : throw Rejection.BadRequest($"{field} must be a phone number in E.164 format or an email address; it is '{value}'.");

        public static string HttpUrl(string value, string field) =>
            Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? value
                : throw Rejection.BadRequest($"{field} must be an absolute http or https URL; it is '{value}'.");

        public static string OneOf(string value, string field, IEnumerable<string> allowed)
        {
            var values = allowed.ToList();
            return values.Contains(value, StringComparer.Ordinal)
                ? value
                : throw Rejection.BadRequest($"{field} '{value}' is not one of: {string.Join(", ", values)}.");
        }

        /// <summary>Refuses a <c>from_number</c> that is not one of <see cref="SendblueEmulatorOptions.SendblueNumbers"/> (when any are set).</summary>
        public static string Line(string value, SendblueEmulatorOptions options, string field = "from_number") =>
            options.SendblueNumbers.Count == 0 || options.SendblueNumbers.Contains(value)
                ? value
                : throw Rejection.BadRequest($"{field} {value} is not one of this account's Sendblue numbers.");
    }
}
