using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sendblue.Serialization
{
    /// <summary>Reads one item of a JSON array (false at the array's end), or one value of a map.</summary>
    internal delegate bool JsonItemReader<T>(JsonReader reader, JsonSerializer serializer, out T item);

    /// <summary>
    /// The typed reads the generated model converters call (<c>build/templates/Class.liquid</c>). Each
    /// reads the next value from a reader that is on a property name (or inside an array, before an
    /// item), with the rules Newtonsoft's serializer applies to a property of that type under the
    /// SDK's settings: <c>null</c> is no value, a number in a text field keeps its text, <c>""</c>
    /// is no value for an enum-like, date or number. Where the SDK deliberately reads more than the
    /// serializer (an integer written <c>4001.0</c> or <c>"4001"</c>), the method says so. A value of
    /// the wrong kind throws a <see cref="JsonSerializationException"/> that names the field.
    /// </summary>
    internal static class JsonRead
    {
        /// <summary>Moves to the next token that is not a comment; false at the end of the input.</summary>
        public static bool MoveToValue(JsonReader reader)
        {
            do
            {
                if (!reader.Read())
                {
                    return false;
                }
            }
            while (reader.TokenType == JsonToken.Comment);

            return true;
        }

        private static void MoveToValueOrThrow(JsonReader reader)
        {
            if (!MoveToValue(reader))
            {
                throw new JsonReaderException($"The JSON ends where a value of '{reader.Path}' belongs.");
            }
        }

        /// <summary>
        /// Whether the reader is on no value: <c>null</c>, <c>undefined</c>, or <c>""</c>, which the
        /// serializer reads as no value where a number, date, enum-like, list or object belongs.
        /// </summary>
        internal static bool IsNoValue(JsonReader reader) => reader.TokenType switch
        {
            JsonToken.Null or JsonToken.Undefined => true,
            JsonToken.String => string.IsNullOrEmpty((string?)reader.Value),
            _ => false,
        };

        /// <summary>Text: a number or boolean keeps its text as written (<c>1e3</c> stays "1e3").</summary>
        public static string? String(JsonReader reader) => reader.ReadAsString();

        public static bool? Boolean(JsonReader reader) => reader.ReadAsBoolean();

        public static double? Double(JsonReader reader) => reader.ReadAsDouble();

        public static decimal? Decimal(JsonReader reader) => reader.ReadAsDecimal();

        /// <summary>
        /// A whole number: an integer, a number with no fraction (<c>4001.0</c>, <c>4.001e3</c>) or a
        /// string holding one (<c>"4001"</c>), as the API writes them; a fraction, an overflow or
        /// anything else names the field. (The serializer refuses <c>4001.0</c>; the API sends it.)
        /// </summary>
        public static int? Int32(JsonReader reader)
        {
            MoveToValueOrThrow(reader);
            return (int?)IntegerAt(reader, int.MinValue, int.MaxValue, Int32Name);
        }

        /// <inheritdoc cref="Int32"/>
        public static long? Int64(JsonReader reader)
        {
            MoveToValueOrThrow(reader);
            return IntegerAt(reader, long.MinValue, long.MaxValue, Int64Name);
        }

        private const string Int32Name = "a 32-bit whole number";
        private const string Int64Name = "a 64-bit whole number";
        private const string DateTimeName = "a date and time (ISO 8601)";
        private const string DateName = "a date (yyyy-MM-dd)";
        private const string DurationName = "a duration (ISO 8601, such as PT1H30M)";
        private const string OutOfRange = "it is out of range";

        private static long? IntegerAt(JsonReader reader, long min, long max, string what)
        {
            if (IsNoValue(reader) || reader.TokenType == JsonToken.EndArray)
            {
                return null;
            }

            switch (reader.TokenType)
            {
                case JsonToken.Integer when reader.Value is long integer:
                    return integer >= min && integer <= max ? integer : throw Wrong(reader, what, OutOfRange);
                case JsonToken.Integer when reader.Value is BigInteger:
                    throw Wrong(reader, what, OutOfRange);
                case JsonToken.Float when reader.Value is double d && !double.IsInfinity(d) && Math.Floor(d) == d:
                    // 2^63 compares equal to long.MaxValue as a double, but does not fit a long.
                    return d >= min && d <= max && d != 9223372036854775808d ? (long)d : throw Wrong(reader, what, OutOfRange);
                case JsonToken.Float when reader.Value is decimal m && decimal.Truncate(m) == m:
                    return m >= min && m <= max ? (long)m : throw Wrong(reader, what, OutOfRange);
                case JsonToken.Float:
                    throw Wrong(reader, what, "it has a fraction");
                case JsonToken.String:
                    var text = (string)reader.Value!;

                    // Every text long.TryParse takes, decimal takes with the same value.
                    var isNumber = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
                    if (isNumber && decimal.Truncate(number) != number)
                    {
                        throw Wrong(reader, what, "it has a fraction");
                    }

                    if (isNumber && number >= min && number <= max)
                    {
                        return (long)number;
                    }

                    // A whole number too large for a decimal ("1e30") is still a number, only too large.
                    var isLarge = isNumber || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var large) && !double.IsNaN(large));
                    throw Wrong(reader, what, isLarge ? OutOfRange : "it is not a number");
                default:
                    throw Wrong(reader, what, null);
            }
        }

        /// <summary>
        /// A date-time: the API's shape (<c>2024-05-14T18:03:11.512Z</c>) parsed directly, anything
        /// else exactly as Newtonsoft reads a date under <c>DateParseHandling.None</c>.
        /// </summary>
        public static DateTimeOffset? DateTimeOffset(JsonReader reader)
        {
            MoveToValueOrThrow(reader);
            if (IsNoValue(reader) || reader.TokenType == JsonToken.EndArray)
            {
                return null;
            }

            if (reader.TokenType == JsonToken.Date)
            {
                return reader.Value is DateTimeOffset offset ? offset : new DateTimeOffset((DateTime)reader.Value!);
            }

            if (reader.TokenType != JsonToken.String)
            {
                throw Wrong(reader, DateTimeName, null);
            }

            var text = (string)reader.Value!;
            return IsoInstant.TryParse(text, out var instant) ? instant : ParseAsNewtonsoft(reader, text);
        }

        // Off the API's shape: Newtonsoft's own conversion (its ISO parser, then DateTimeOffset.TryParse).
        private static DateTimeOffset? ParseAsNewtonsoft(JsonReader reader, string text)
        {
            try
            {
                using var single = new JsonTextReader(new StringReader(JsonConvert.ToString(text)))
                {
                    DateParseHandling = DateParseHandling.None,
                    Culture = reader.Culture,
                };
                return single.ReadAsDateTimeOffset();
            }
            catch (JsonReaderException)
            {
                throw Wrong(reader, DateTimeName, null);
            }
        }

        /// <summary>A date without a time (<c>format: date</c>): <c>yyyy-MM-dd</c>, read as a <see cref="DateTime"/> of unspecified kind.</summary>
        public static DateTime? Date(JsonReader reader)
        {
            MoveToValueOrThrow(reader);
            if (IsNoValue(reader) || reader.TokenType == JsonToken.EndArray)
            {
                return null;
            }

            if (reader.TokenType == JsonToken.Date)
            {
                // A reader with Newtonsoft's default DateParseHandling (your own JsonConvert call) has parsed a date-time already.
                return reader.Value is DateTimeOffset offset ? offset.Date : ((DateTime)reader.Value!).Date;
            }

            if (reader.TokenType == JsonToken.String)
            {
                var text = (string)reader.Value!;
                if (System.DateTime.TryParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                // A date-time where a date belongs: the calendar date as written.
                if (System.DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                {
                    return instant.Date;
                }
            }

            throw Wrong(reader, DateName, null);
        }

        /// <summary>
        /// A duration (<c>format: duration</c>): ISO 8601 (<c>PT1H30M</c>, <c>P1DT2H</c>), or the
        /// <c>hh:mm:ss</c> that Newtonsoft writes for a <see cref="TimeSpan"/>.
        /// </summary>
        public static TimeSpan? Duration(JsonReader reader)
        {
            MoveToValueOrThrow(reader);
            if (IsNoValue(reader) || reader.TokenType == JsonToken.EndArray)
            {
                return null;
            }

            if (reader.TokenType == JsonToken.String)
            {
                var text = (string)reader.Value!;
                if (text.Length > 0 && (text[0] == 'P' || (text.Length > 1 && text[0] == '-' && text[1] == 'P')))
                {
                    try
                    {
                        return System.Xml.XmlConvert.ToTimeSpan(text);
                    }
                    catch (FormatException)
                    {
                    }
                    catch (OverflowException)
                    {
                    }
                }
                else if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
                {
                    return span;
                }
            }

            throw Wrong(reader, DurationName, null);
        }

        /// <summary>
        /// The wire text of an enum-like value; null for <c>null</c> and <c>""</c> (the API's "no
        /// value"). A number or boolean keeps its text, as the serializer's enum converters do.
        /// </summary>
        public static string? EnumText(JsonReader reader)
        {
            MoveToValueOrThrow(reader);
            return EnumTextAt(reader);
        }

        /// <summary><see cref="EnumText"/> of the token the reader is on.</summary>
        public static string? EnumTextAt(JsonReader reader)
        {
            if (IsNoValue(reader))
            {
                return null;
            }

            return reader.TokenType switch
            {
                JsonToken.String => (string)reader.Value!,
                JsonToken.Integer or JsonToken.Float or JsonToken.Boolean => Convert.ToString(reader.Value, CultureInfo.InvariantCulture),
                _ => throw Wrong(reader, "a string", null),
            };
        }

        /// <summary>Any other type: the serializer reads the one value (its converters included).</summary>
        public static T? Value<T>(JsonReader reader, JsonSerializer serializer)
        {
            MoveToValueOrThrow(reader);
            return serializer.Deserialize<T>(reader);
        }

        /// <summary>
        /// A list. An existing list is added to, as the serializer populates a list property that
        /// already holds one (a body naming the field twice).
        /// </summary>
        public static IList<T>? List<T>(JsonReader reader, JsonSerializer serializer, IList<T>? existing, JsonItemReader<T> item)
        {
            MoveToValueOrThrow(reader);
            if (IsNoValue(reader))
            {
                return null;
            }

            if (reader.TokenType != JsonToken.StartArray)
            {
                throw Wrong(reader, "an array", null);
            }

            var list = existing ?? new List<T>();
            while (item(reader, serializer, out var value))
            {
                list.Add(value);
            }

            return list;
        }

        /// <summary>A map from names to values; an existing map is added to.</summary>
        public static IDictionary<string, T>? Map<T>(JsonReader reader, JsonSerializer serializer, IDictionary<string, T>? existing, JsonItemReader<T> value)
        {
            MoveToValueOrThrow(reader);
            if (IsNoValue(reader))
            {
                return null;
            }

            if (reader.TokenType != JsonToken.StartObject)
            {
                throw Wrong(reader, "an object", null);
            }

            var map = existing ?? new Dictionary<string, T>();
            while (MoveToValue(reader) && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                if (!value(reader, serializer, out var item))
                {
                    throw Wrong(reader, "a value", null);
                }

                map[name] = item;
            }

            if (reader.TokenType != JsonToken.EndObject)
            {
                throw new JsonReaderException($"The JSON ends inside the object of '{reader.Path}'.");
            }

            return map;
        }

        // Item readers of the primitive types, for List and Map. Each value read returns null at
        // an array's end as for a null item; the token then tells the two apart. A null text item
        // stays null, as the serializer keeps it; a null number, boolean or date is refused, as
        // a list of a value type cannot hold it.
        public static readonly JsonItemReader<string> StringItem = (JsonReader r, JsonSerializer s, out string item) =>
        {
            item = r.ReadAsString()!;
            return r.TokenType != JsonToken.EndArray;
        };

        public static readonly JsonItemReader<bool> BooleanItem = Item(Boolean, "a boolean");

        public static readonly JsonItemReader<double> DoubleItem = Item(Double, "a number");

        public static readonly JsonItemReader<int> Int32Item = Item(Int32, Int32Name);

        public static readonly JsonItemReader<long> Int64Item = Item(Int64, Int64Name);

        public static readonly JsonItemReader<DateTimeOffset> DateTimeOffsetItem = Item(DateTimeOffset, DateTimeName);

        public static readonly JsonItemReader<DateTime> DateItem = Item(Date, DateName);

        private static JsonItemReader<T> Item<T>(Func<JsonReader, T?> read, string what)
            where T : struct
        {
            return (JsonReader r, JsonSerializer s, out T item) =>
            {
                var value = read(r);
                item = value.GetValueOrDefault();
                if (r.TokenType == JsonToken.EndArray)
                {
                    return false;
                }

                return value.HasValue ? true : throw Wrong(r, what, "null is not allowed in this list");
            };
        }

        /// <summary>An item of any other type, read by the serializer.</summary>
        public static bool ValueItem<T>(JsonReader reader, JsonSerializer serializer, out T item)
        {
            item = default!;
            if (!MoveToItem(reader))
            {
                return false;
            }

            item = serializer.Deserialize<T>(reader)!;
            return true;
        }

        /// <summary>Moves to the next item of an array (or value of a map); false at the array's end.</summary>
        public static bool MoveToItem(JsonReader reader)
        {
            MoveToValueOrThrow(reader);
            return reader.TokenType != JsonToken.EndArray;
        }

        /// <summary>
        /// A value of a field the model does not declare, kept as the serializer keeps extension
        /// data: a string, long, double, bool or null as such, an object or array as a JToken tree
        /// (when a name repeats inside it, the last one wins and moves to the end).
        /// </summary>
        public static object? ExtensionValue(JsonReader reader)
        {
            MoveToValueOrThrow(reader);
            return reader.TokenType switch
            {
                JsonToken.StartObject or JsonToken.StartArray => Tree(reader),
                JsonToken.Null or JsonToken.Undefined => null,
                JsonToken.String or JsonToken.Integer or JsonToken.Float or JsonToken.Boolean or JsonToken.Date or JsonToken.Bytes => reader.Value,
                _ => throw Wrong(reader, "a JSON value", null),
            };
        }

        private static JToken Tree(JsonReader reader)
        {
            if (reader.TokenType == JsonToken.StartArray)
            {
                var array = new JArray();
                while (MoveToValue(reader) && reader.TokenType != JsonToken.EndArray)
                {
                    array.Add(Token(reader));
                }

                return array;
            }

            var obj = new JObject();
            while (MoveToValue(reader) && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                MoveToValueOrThrow(reader);
                var value = Token(reader);
                obj.Remove(name);
                obj.Add(name, value);
            }

            if (reader.TokenType != JsonToken.EndObject)
            {
                throw new JsonReaderException($"The JSON ends inside the object of '{reader.Path}'.");
            }

            return obj;
        }

        // new JValue(value) takes its type from the value: null, a string, a number, a boolean.
        private static JToken Token(JsonReader reader) => reader.TokenType switch
        {
            JsonToken.StartObject or JsonToken.StartArray => Tree(reader),
            JsonToken.Undefined => JValue.CreateUndefined(),
            _ => new JValue(reader.Value),
        };

        internal static JsonSerializationException Wrong(JsonReader reader, string expected, string? why)
        {
            var found = reader.TokenType switch
            {
                JsonToken.String => "the string " + Quote(reader.Value as string),
                JsonToken.Integer or JsonToken.Float => "the number " + Convert.ToString(reader.Value, CultureInfo.InvariantCulture),
                JsonToken.Boolean => "the boolean " + ((bool)reader.Value! ? "true" : "false"),
                JsonToken.StartObject => "an object",
                JsonToken.StartArray => "an array",
                JsonToken.Null => "null",
                _ => reader.TokenType.ToString(),
            };
            return new JsonSerializationException($"'{reader.Path}' must be {expected}; it is {found}{(why is null ? string.Empty : ", and " + why)}.");
        }

        private static string Quote(string? text) =>
            text is null ? "null" : "\"" + (text.Length > 60 ? text.Substring(0, 60) + "..." : text) + "\"";
    }
}
