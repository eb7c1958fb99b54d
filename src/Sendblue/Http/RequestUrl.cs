using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Sendblue.Http
{
    /// <summary>
    /// Builds an operation's URL the way the generated methods describe it: the base URL, the path
    /// with its parameters escaped, and the query parameters that are set, each in its wire form
    /// (booleans <c>true</c>/<c>false</c>, enum-likes as their wire value, date-times as UTC
    /// instants, dates as <c>yyyy-MM-dd</c>). Unset parameters are not sent.
    /// </summary>
    internal sealed class RequestUrl
    {
        private const string InstantFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";
        private const string DateFormat = "yyyy'-'MM'-'dd";

        private readonly StringBuilder _text;
        private bool _hasQuery;

        public RequestUrl(string baseUrl, string path)
        {
            _text = new StringBuilder(baseUrl.Length + path.Length + 64).Append(baseUrl).Append(path);
        }

        public RequestUrl Path(string literal)
        {
            _text.Append(literal);
            return this;
        }

        /// <summary>A path parameter, escaped so that a <c>/</c>, <c>?</c> or <c>#</c> in it stays inside its segment.</summary>
        public RequestUrl PathValue(string value)
        {
            _text.Append(Uri.EscapeDataString(value));
            return this;
        }

        /// <summary>A path parameter of another type (a number, a uuid, a date, an enum-like) in its wire form.</summary>
        public RequestUrl PathValue<T>(T value)
            where T : struct => PathValue(Text(value));

        public RequestUrl Query(string name, string? value) => value is null ? this : Append(name, value);

        /// <summary>
        /// A value of another type by its wire text (<see cref="Text{T}"/>): a boolean, a number, a
        /// date-time as the UTC instant it names, a date, an enum-like, a uuid. Null sends none.
        /// </summary>
        public RequestUrl Query<T>(string name, T? value)
            where T : struct =>
            value is T v ? Append(name, Text(v)) : this;

        /// <summary>A required parameter of any other struct type, by its wire text.</summary>
        public RequestUrl Query<T>(string name, T value)
            where T : struct => Append(name, Text(value));

        /// <summary>An array as the parameter repeated (<c>a=1&amp;a=2</c>), OpenAPI's default form; a null item is left out.</summary>
        public RequestUrl Query<T>(string name, IEnumerable<T>? values)
        {
            if (values != null)
            {
                foreach (var value in values)
                {
                    if (value is not null)
                    {
                        Append(name, Text(value));
                    }
                }
            }

            return this;
        }

        /// <summary>
        /// An array as one parameter, its items joined by commas (<c>a=1,2</c>): OpenAPI's
        /// <c>explode: false</c>. A comma inside an item is escaped; a null item is left out, and
        /// an empty list sends nothing.
        /// </summary>
        public RequestUrl QueryJoined<T>(string name, IEnumerable<T>? values)
        {
            var first = true;
            foreach (var value in values ?? Array.Empty<T>())
            {
                if (value is null)
                {
                    continue;
                }

                if (first)
                {
                    Append(name, string.Empty);
                    first = false;
                }
                else
                {
                    _text.Append(',');
                }

                _text.Append(Uri.EscapeDataString(Text(value)));
            }

            return this;
        }

        /// <summary>
        /// The wire text of a value, culture-invariant: booleans <c>true</c>/<c>false</c>, date-times
        /// as UTC instants (<c>2024-01-31T23:59:59Z</c>, whatever their offset), dates as
        /// <c>yyyy-MM-dd</c>, numbers as the invariant culture writes them (doubles round-trip).
        /// </summary>
        private static string Text<T>(T value) => value switch
        {
            string text => text,
            bool b => b ? "true" : "false",
            DateTimeOffset d => d.ToUniversalTime().ToString(InstantFormat, CultureInfo.InvariantCulture),
            DateTime d => d.ToString(DateFormat, CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? string.Empty,
        };

        private RequestUrl Append(string name, string value)
        {
            _text.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            _hasQuery = true;
            return this;
        }

        public override string ToString() => _text.ToString();
    }
}
