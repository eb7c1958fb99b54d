using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>
    /// Reads query parameters as the API judges them, collecting every problem, so that one 400
    /// names each bad parameter (<see cref="ThrowIfInvalid"/>).
    /// </summary>
    internal sealed class QueryReader
    {
        private readonly IQueryCollection _query;
        private readonly List<string> _problems = new();

        public QueryReader(IQueryCollection query)
        {
            _query = query;
        }

        public string? Text(string name) => _query[name].ToString() is { Length: > 0 } text ? text : null;

        public int? Int(string name, int min, int max)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                _problems.Add(max == int.MaxValue
                    ? $"{name} must be an integer of at least {min}; it is '{text}'."
                    : $"{name} must be an integer from {min} to {max}; it is '{text}'.");
                return null;
            }

            return value;
        }

        public DateTimeOffset? Date(string name)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                _problems.Add($"{name} must be an ISO 8601 date-time; it is '{text}'.");
                return null;
            }

            return value;
        }

        public string? OneOf(string name, IEnumerable<string> allowed)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            var values = allowed.ToList();
            if (!values.Contains(text, StringComparer.Ordinal))
            {
                _problems.Add($"{name} must be one of {string.Join(", ", values)}; it is '{text}'.");
                return null;
            }

            return text;
        }

        public void ThrowIfInvalid()
        {
            if (_problems.Count > 0)
            {
                throw Rejection.BadRequest(string.Join(" ", _problems));
            }
        }
    }
}
