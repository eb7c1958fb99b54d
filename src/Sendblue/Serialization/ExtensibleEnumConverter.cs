using System;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using Newtonsoft.Json;

namespace Sendblue.Serialization
{
    /// <summary>
    /// Reads and writes the extensible enum structs (<see cref="SendStyle"/>,
    /// <see cref="MessageStatus"/> and the others) as their wire strings. Non-generic so that one
    /// attribute on each struct covers the struct and its <see cref="Nullable{T}"/>: null and
    /// <c>""</c> read as null, an unknown value is kept, a number or boolean is kept as its text.
    /// </summary>
    internal sealed class ExtensibleEnumConverter : JsonConverter
    {
        private static readonly ConcurrentDictionary<Type, Func<string, object>> Factories = new();

        /// <inheritdoc />
        public override bool CanConvert(Type objectType)
        {
            var type = Nullable.GetUnderlyingType(objectType) ?? objectType;
            return type.IsValueType && type.GetConstructor(new[] { typeof(string) }) != null;
        }

        /// <inheritdoc />
        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            var underlying = Nullable.GetUnderlyingType(objectType);
            var type = underlying ?? objectType;
            while (reader.TokenType == JsonToken.Comment && reader.Read())
            {
            }

            string? text;
            switch (reader.TokenType)
            {
                case JsonToken.Null:
                case JsonToken.Undefined:
                    text = null;
                    break;
                case JsonToken.String:
                    text = (string?)reader.Value;
                    break;
                case JsonToken.Integer:
                case JsonToken.Float:
                case JsonToken.Boolean:
                    text = Convert.ToString(reader.Value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new JsonSerializationException(
                        $"Expected a string for {type.Name} at '{reader.Path}', got {reader.TokenType}.");
            }

            if (string.IsNullOrEmpty(text))
            {
                // "" is how the API says "no value" for enum fields; it reads as null.
                return underlying != null ? null : Activator.CreateInstance(type);
            }

            return Factories.GetOrAdd(type, CreateFactory)(text!);
        }

        /// <inheritdoc />
        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is null)
            {
                writer.WriteNull();
                return;
            }

            writer.WriteValue(value.ToString());
        }

        private static Func<string, object> CreateFactory(Type type)
        {
            var constructor = type.GetConstructor(new[] { typeof(string) })
                ?? throw new JsonSerializationException($"{type.Name} has no constructor from a string.");
            var parameter = Expression.Parameter(typeof(string), "value");
            var body = Expression.Convert(Expression.New(constructor, parameter), typeof(object));
            return Expression.Lambda<Func<string, object>>(body, parameter).Compile();
        }
    }
}
