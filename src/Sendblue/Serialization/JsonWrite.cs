using System;
using System.Collections;
using System.Globalization;
using Newtonsoft.Json;

namespace Sendblue.Serialization
{
    /// <summary>The writes the generated model converters call where the serializer would write a value in another shape than the spec's.</summary>
    internal static class JsonWrite
    {
        /// <summary>
        /// A map or a list of lists holding dates (<c>format: date</c>): each date as <c>yyyy-MM-dd</c>,
        /// as a date field and a list of dates are written, at any depth; anything else as the serializer writes it.
        /// </summary>
        public static void Dates(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            switch (value)
            {
                case null:
                    writer.WriteNull();
                    return;
                case DateTime day:
                    writer.WriteValue(day.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture));
                    return;
                case IDictionary map:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                        Dates(writer, entry.Value, serializer);
                    }

                    writer.WriteEndObject();
                    return;
                case IEnumerable items when value is not string:
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        Dates(writer, item, serializer);
                    }

                    writer.WriteEndArray();
                    return;
                default:
                    serializer.Serialize(writer, value);
                    return;
            }
        }

        /// <summary>A duration (<c>format: duration</c>) in ISO 8601, such as <c>PT1H30M</c>.</summary>
        public static void Duration(JsonWriter writer, TimeSpan value) => writer.WriteValue(System.Xml.XmlConvert.ToString(value));
    }
}
