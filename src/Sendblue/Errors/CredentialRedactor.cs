using System;
using System.Collections.Generic;
using System.Linq;

namespace Sendblue.Errors
{
    /// <summary>
    /// Replaces the API key and secret wherever a string from the server would reach an exception:
    /// its message, a response body or header kept on it, the reason phrase, a redirect's target,
    /// the text of an inner exception. A server or proxy echoing a request back must not put
    /// credentials in a log.
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

        public bool Finds(string? text)
        {
            if (text is null)
            {
                return false;
            }

            foreach (var value in _values)
            {
                if (text.IndexOf(value, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        public string Scrub(string text)
        {
            foreach (var value in _values)
            {
                text = text.Replace(value, Mask);
            }

            return text;
        }

        public IReadOnlyDictionary<string, IEnumerable<string>> Scrub(IReadOnlyDictionary<string, IEnumerable<string>> headers) =>
            headers.Any(h => Finds(h.Key) || h.Value.Any(Finds))
                ? headers
                    .GroupBy(h => Scrub(h.Key), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => (IEnumerable<string>)g.SelectMany(h => h.Value).Select(Scrub).ToArray(), StringComparer.OrdinalIgnoreCase)
                : headers;

        /// <summary>
        /// The exception itself when no credential appears anywhere in it (its message, its inner
        /// exceptions: all that its ToString() prints); otherwise a stand-in chain with the same type
        /// names and scrubbed messages. The stand-in drops the original stack traces: they are ours,
        /// but the original object must not stay reachable through InnerException.
        /// </summary>
        public Exception? Scrub(Exception? exception)
        {
            if (exception is null || _values.Length == 0 || !Finds(exception.ToString()))
            {
                return exception;
            }

            return new ScrubbedException(
                Scrub(exception.GetType().FullName + ": " + exception.Message),
                Scrub(exception.InnerException));
        }
    }
}
