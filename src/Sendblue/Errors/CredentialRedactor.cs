using System;
using System.Collections.Generic;
using System.Linq;

namespace Sendblue.Errors
{
    /// <summary>
    /// Replaces the API key and secret wherever they would reach an exception message, a response
    /// body kept on an exception, or a header value: a server or proxy echoing a request back must
    /// not put credentials in a log.
    /// </summary>
    internal sealed class CredentialRedactor
    {
        public const string Mask = "[redacted]";

        // Shorter values are not real credentials (a test's "k"), and masking every "k" in a
        // message would only garble it.
        private const int MinimumLength = 6;

        private readonly string[] _values;

        public CredentialRedactor(params string?[] values)
        {
            _values = values
                .Where(v => v is not null && v.Length >= MinimumLength)
                .Select(v => v!)
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(v => v.Length)
                .ToArray();
        }

        public static CredentialRedactor None { get; } = new();

        public bool Finds(string? text) => text is not null && _values.Any(v => text.IndexOf(v, StringComparison.Ordinal) >= 0);

        public string Scrub(string text)
        {
            foreach (var value in _values)
            {
                text = text.Replace(value, Mask);
            }

            return text;
        }

        public IReadOnlyDictionary<string, IEnumerable<string>> Scrub(IReadOnlyDictionary<string, IEnumerable<string>> headers) =>
            headers.Values.Any(values => values.Any(Finds))
                ? headers.ToDictionary(h => h.Key, h => (IEnumerable<string>)h.Value.Select(Scrub).ToArray(), StringComparer.OrdinalIgnoreCase)
                : headers;
    }
}
