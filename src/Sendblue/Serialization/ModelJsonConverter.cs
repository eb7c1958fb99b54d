using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace Sendblue.Serialization
{
    /// <summary>
    /// The part of every model's converter that is the same for all of them: walking the object,
    /// names matched exactly and then ignoring case (as the serializer matches them), unknown fields
    /// kept in <c>AdditionalProperties</c>, and writing only what is set. The part that differs per
    /// model (one <c>switch</c> over its fields with a typed read each, and its writes) is generated
    /// from the spec by <c>build/templates/Class.liquid</c>.
    /// </summary>
    internal abstract class ModelJsonConverter<T> : JsonConverter
        where T : class
    {
        /// <summary>
        /// Every name the generated switch answers, in the order of the spec (aliases last). This
        /// and <see cref="ReadField"/> and <see cref="WriteFields"/> are internal too: a string-form
        /// converter reads and writes its base model's fields with the base model's converter.
        /// </summary>
        protected internal abstract string[] FieldNames { get; }

        protected abstract T Create();

        /// <summary>Reads the value of field <paramref name="name"/> into the model; false when the model does not declare it.</summary>
        protected internal abstract bool ReadField(T model, string name, JsonReader reader, JsonSerializer serializer);

        protected internal abstract void WriteFields(JsonWriter writer, T model, JsonSerializer serializer);

        /// <summary>The model's unknown fields; null when it has none and <paramref name="create"/> is false.</summary>
        protected abstract IDictionary<string, object>? AdditionalProperties(T model, bool create);

        /// <summary>
        /// The field a plain JSON string stands for, when the spec says the model may be written
        /// that way (<c>x-sendblue-string-form</c>: a webhook as its URL alone); null otherwise.
        /// </summary>
        protected virtual string? StringForm => null;

        /// <summary>
        /// The field whose value says which derived model an object is (the spec's
        /// <c>discriminator</c>); null for a model without one.
        /// </summary>
        protected virtual string? Discriminator => null;

        /// <summary>
        /// The reader of the derived model a discriminator value names; null for a value the spec
        /// does not map, which is read as this model with the value kept in <c>AdditionalProperties</c>.
        /// </summary>
        protected virtual Func<JsonReader, JsonSerializer, T>? Derived(string value) => null;

        /// <summary>Writes the model as its plain string when only that field is set (no unknown field either); false otherwise.</summary>
        protected virtual bool TryWriteStringForm(JsonWriter writer, T model, JsonSerializer serializer) => false;

        /// <summary>Whether <paramref name="field"/> is the one field of <paramref name="model"/> that would be written.</summary>
        internal bool WritesOnly(T model, string field, JsonSerializer serializer)
        {
            if (AdditionalProperties(model, create: false) is { Count: > 0 })
            {
                return false;
            }

            using var probe = new Newtonsoft.Json.Linq.JTokenWriter();
            probe.WriteStartObject();
            WriteFields(probe, model, serializer);
            probe.WriteEndObject();
            var written = (Newtonsoft.Json.Linq.JObject)probe.Token!;
            return written.Count == 1 && written.Property(field) != null;
        }

        public override bool CanConvert(Type objectType) => objectType == typeof(T);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            if (reader.TokenType == JsonToken.None || reader.TokenType == JsonToken.Comment)
            {
                JsonRead.MoveToValue(reader);
            }

            return ReadAt(reader, serializer, existingValue as T);
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            if (value is not T model)
            {
                writer.WriteNull();
                return;
            }

            if (TryWriteStringForm(writer, model, serializer))
            {
                return;
            }

            writer.WriteStartObject();
            WriteFields(writer, model, serializer);
            var additional = AdditionalProperties(model, create: false);
            if (additional != null)
            {
                foreach (var field in additional)
                {
                    writer.WritePropertyName(field.Key);
                    serializer.Serialize(writer, field.Value);
                }
            }

            writer.WriteEndObject();
        }

        /// <summary>
        /// A whole body: one JSON object and nothing after it. <c>null</c>, an array or a scalar
        /// where the object belongs names what came instead.
        /// </summary>
        public T ReadBody(JsonReader reader, JsonSerializer serializer)
        {
            if (!JsonRead.MoveToValue(reader))
            {
                throw new JsonSerializationException($"The body is empty where a {typeof(T).Name} object belongs.");
            }

            if (reader.TokenType != JsonToken.StartObject)
            {
                throw JsonRead.Wrong(reader, $"a {typeof(T).Name} object", null);
            }

            var model = ReadAt(reader, serializer, null)!;
            if (JsonRead.MoveToValue(reader))
            {
                throw new JsonSerializationException($"The body goes on after its {typeof(T).Name} object ({reader.TokenType} at line {LineOf(reader)}).");
            }

            return model;
        }

        /// <summary>A field's value: null (keeping <paramref name="existing"/>, as the serializer does) or an object, into <paramref name="existing"/> when there is one.</summary>
        public T? Read(JsonReader reader, JsonSerializer serializer, T? existing)
        {
            JsonRead.MoveToValue(reader);
            return ReadAt(reader, serializer, existing) ?? existing;
        }

        /// <summary>
        /// An object (the reader on its StartObject) as exactly this model: the one a base model's
        /// discriminator chose, so its own is not asked again (the object is read once).
        /// </summary>
        public T ReadChosen(JsonReader reader, JsonSerializer serializer)
        {
            var model = Create();
            ReadFields(reader, serializer, model);
            return model;
        }

        /// <summary>An item of a list of this model (false at the end of the list).</summary>
        public bool ReadItem(JsonReader reader, JsonSerializer serializer, out T item)
        {
            item = null!;
            if (!JsonRead.MoveToItem(reader))
            {
                return false;
            }

            item = ReadAt(reader, serializer, null)!;
            return true;
        }

        private T? ReadAt(JsonReader reader, JsonSerializer serializer, T? existing)
        {
            if (JsonRead.IsNoValue(reader))
            {
                return null;
            }

            switch (reader.TokenType)
            {
                case JsonToken.String when StringForm is string field:
                    // The plain string is the value of that one field: read it as the field's value.
                    var shorthand = existing ?? Create();
                    using (var value = SendblueJson.CreateReader(new System.IO.StringReader(JsonConvert.ToString((string)reader.Value!))))
                    {
                        ReadField(shorthand, field, value, serializer);
                    }

                    return shorthand;
                case JsonToken.StartObject when Discriminator is string discriminator:
                    // Which model the object is can be said by any of its fields, the last too: the
                    // object is read into a tree once, and the model from the tree.
                    var tree = Newtonsoft.Json.Linq.JObject.Load(reader);
                    var kind = (tree.Property(discriminator) ?? tree.Property(discriminator, StringComparison.OrdinalIgnoreCase))?.Value;
                    using (var buffered = tree.CreateReader())
                    {
                        buffered.Read();
                        if (kind is { Type: Newtonsoft.Json.Linq.JTokenType.String } && Derived((string)kind!) is { } derived)
                        {
                            return derived(buffered, serializer);
                        }

                        var plain = existing ?? Create();
                        ReadFields(buffered, serializer, plain);
                        return plain;
                    }

                case JsonToken.StartObject:
                    var model = existing ?? Create();
                    ReadFields(reader, serializer, model);
                    return model;
                default:
                    throw JsonRead.Wrong(reader, $"a {typeof(T).Name} object", null);
            }
        }

        /// <summary>
        /// Reads the fields of the object the reader is on (its StartObject) into <paramref name="model"/>
        /// and returns how many of them the model declares.
        /// </summary>
        public int ReadFields(JsonReader reader, JsonSerializer serializer, T model)
        {
            var declared = 0;
            while (JsonRead.MoveToValue(reader))
            {
                if (reader.TokenType == JsonToken.EndObject)
                {
                    return declared;
                }

                var name = (string)reader.Value!;
                if (ReadField(model, name, reader, serializer) || ReadFieldIgnoringCase(model, name, reader, serializer))
                {
                    declared++;
                }
                else
                {
                    AdditionalProperties(model, create: true)![name] = JsonRead.ExtensionValue(reader)!;
                }
            }

            throw new JsonReaderException($"The JSON ends inside a {typeof(T).Name} object at '{reader.Path}'.");
        }

        private bool ReadFieldIgnoringCase(T model, string name, JsonReader reader, JsonSerializer serializer)
        {
            foreach (var field in FieldNames)
            {
                if (string.Equals(field, name, StringComparison.OrdinalIgnoreCase))
                {
                    return ReadField(model, field, reader, serializer);
                }
            }

            return false;
        }

        private static int LineOf(JsonReader reader) => reader is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
    }
}
