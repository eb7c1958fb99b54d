using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>
    /// Reads the fields of a JSON request body as the API judges them: a field of the wrong type, a
    /// missing required one, or an integer out of range is a <see cref="Rejection"/> whose message
    /// names the field by its path (<c>app_card.url</c>, <c>contacts[1].phone</c>). A JSON <c>null</c>
    /// reads as absent. Older spellings the API also takes are passed as aliases.
    /// </summary>
    internal sealed class JsonBody
    {
        private readonly string _prefix;

        private JsonBody(JObject value, string prefix)
        {
            Value = value;
            _prefix = prefix;
        }

        /// <summary>The object as it arrived.</summary>
        public JObject Value { get; }

        public static JsonBody Parse(string text)
        {
            JToken token;
            bool more;
            using (var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None })
            {
                try
                {
                    token = JToken.ReadFrom(reader);
                }
                catch (JsonException)
                {
                    throw Rejection.BadRequest("The body must be a JSON object.");
                }

                // JSON.parse, as the API reads bodies, refuses text after the value; ReadFrom stops at its end.
                try
                {
                    more = reader.Read();
                }
                catch (JsonException)
                {
                    more = true;
                }
            }

            if (more)
            {
                throw Rejection.BadRequest("The body must be one JSON object; it goes on after the object.");
            }

            return token is JObject value ? new JsonBody(value, string.Empty) : throw Rejection.BadRequest("The body must be a JSON object.");
        }

        /// <summary>A field's name as an error message shows it: with the path of the object it is in.</summary>
        public string Name(string field) => _prefix + field;

        public bool Has(string name, params string[] aliases) => Find(name, aliases, out _) is not null;

        public string? String(string name, params string[] aliases)
        {
            var token = Find(name, aliases, out var used);
            if (token is null)
            {
                return null;
            }

            return token.Type == JTokenType.String ? (string)token! : throw Rejection.BadRequest($"{Name(used)} must be a string.");
        }

        /// <summary>A string field that must be there and not be empty.</summary>
        public string Required(string name, params string[] aliases) =>
            String(name, aliases) is { Length: > 0 } value ? value : throw Rejection.BadRequest($"{Name(name)} is required.");

        public bool? Bool(string name, params string[] aliases)
        {
            var token = Find(name, aliases, out var used);
            if (token is null)
            {
                return null;
            }

            return token.Type == JTokenType.Boolean ? (bool)token : throw Rejection.BadRequest($"{Name(used)} must be true or false.");
        }

        public long? Integer(string name, long min, long max)
        {
            var token = Find(name, System.Array.Empty<string>(), out var used);
            if (token is null)
            {
                return null;
            }

            var range = max == long.MaxValue ? $"of at least {min}" : $"from {min} to {max}";
            if (token.Type != JTokenType.Integer)
            {
                throw Rejection.BadRequest($"{Name(used)} must be an integer {range}; it is {token.ToString(Formatting.None)}.");
            }

            // A whole number past the range of a long is a BigInteger here; a cast to long would throw.
            if (((JValue)token).Value is System.Numerics.BigInteger)
            {
                throw Rejection.BadRequest($"{Name(used)} must be an integer {range}; it is {token.ToString(Formatting.None)}.");
            }

            var value = (long)token;
            return value >= min && value <= max
                ? value
                : throw Rejection.BadRequest($"{Name(used)} must be an integer {range}; it is {value.ToString(CultureInfo.InvariantCulture)}.");
        }

        public JArray? Array(string name)
        {
            var token = Find(name, System.Array.Empty<string>(), out var used);
            if (token is null)
            {
                return null;
            }

            return token as JArray ?? throw Rejection.BadRequest($"{Name(used)} must be an array.");
        }

        public IReadOnlyList<string>? Strings(string name)
        {
            var array = Array(name);
            if (array is null)
            {
                return null;
            }

            return array.Select((item, i) => item.Type == JTokenType.String ? (string)item! : throw Rejection.BadRequest($"{Name(name)}[{i}] must be a string.")).ToList();
        }

        /// <summary>An object of string values, such as <c>custom_variables</c>.</summary>
        public IReadOnlyDictionary<string, string>? StringMap(string name)
        {
            var value = Object(name);
            if (value is null)
            {
                return null;
            }

            return value.Value.Properties().ToDictionary(
                p => p.Name,
                p => p.Value.Type == JTokenType.String ? (string)p.Value! : throw Rejection.BadRequest($"{Name(name)}.{p.Name} must be a string."));
        }

        public JsonBody? Object(string name, params string[] aliases)
        {
            var token = Find(name, aliases, out var used);
            if (token is null)
            {
                return null;
            }

            return token is JObject value ? new JsonBody(value, Name(used) + ".") : throw Rejection.BadRequest($"{Name(used)} must be an object.");
        }

        /// <summary>An item of an array field as an object, named <c>field[index]</c> in errors.</summary>
        public JsonBody Item(string arrayName, int index, JToken item) =>
            item is JObject value ? new JsonBody(value, $"{Name(arrayName)}[{index}].") : throw Rejection.BadRequest($"{Name(arrayName)}[{index}] must be an object.");

        private JToken? Find(string name, string[] aliases, out string used)
        {
            foreach (var candidate in new[] { name }.Concat(aliases))
            {
                if (Value.TryGetValue(candidate, out var token) && token.Type != JTokenType.Null)
                {
                    used = candidate;
                    return token;
                }
            }

            used = name;
            return null;
        }
    }
}
