using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Sendblue.Serialization
{
    /// <summary>
    /// The SDK's reading fast path: fills the models from a <see cref="JsonReader"/> exactly as
    /// <see cref="JsonSerializer"/> would with <see cref="SendblueJson.Settings"/>, without its
    /// per-value overheads (boxing every number, date and enum-like through object-typed setters,
    /// a reflection call per OnDeserialized callback, contract look-ups per property, the enum
    /// converter's type inspection per value).
    /// <para>
    /// Exactness is by construction rather than by imitation of every corner: a model is read here
    /// only when its Newtonsoft contract uses nothing but what this reader reproduces (properties
    /// of the shapes below, default null/default-value/creation handling, extension data, OnDeserialized
    /// callbacks), and any input off the common path (a metadata property such as <c>$id</c>, a token
    /// of an unexpected kind, a comment where a value belongs, anything that throws) makes
    /// <see cref="TryRead"/> return false: the caller then reads the same text again with the
    /// serializer, which produces the result or the exception it always did.
    /// </para>
    /// The rules reproduced, from Newtonsoft's JsonSerializerInternalReader: a property is found by
    /// exact name, then ignoring case; a JSON null on a property with NullValueHandling.Ignore is
    /// skipped; a null that a converter returns (an enum-like sent as <c>""</c>) is not set and the
    /// raw value goes to the extension data under the name as sent; unknown and ignored properties go
    /// to the extension data; an object or list property that already holds a value is populated,
    /// not replaced; OnDeserialized callbacks run after each object.
    /// </summary>
    internal static class ModelReader
    {
        private static readonly object Gate = new();
        private static readonly Dictionary<Type, ModelShape?> Shapes = new();

        /// <summary>Property names of the prepared models: a reader given this table allocates no string for them.</summary>
        public static readonly DefaultJsonNameTable Names = new();

        static ModelReader()
        {
            // Everything is prepared once, up front, so the name table is never written while read.
            foreach (var root in new[] { typeof(MessageResponse), typeof(MessageRetrieveResponse), typeof(MessageListResponse), typeof(MessageContent), typeof(ErrorResponse) })
            {
                Prepare(root, SendblueJson.Serializer);
            }
        }

        /// <summary>Whether <typeparamref name="T"/> is read by the fast path.</summary>
        public static bool Handles<T>() => Shapes.TryGetValue(typeof(T), out var shape) && shape != null;

        /// <summary>
        /// Reads one <paramref name="type"/> from <paramref name="reader"/> (before its first token).
        /// False when the input is off the fast path or cannot be read: read it again with the serializer.
        /// </summary>
        public static bool TryRead(JsonReader reader, JsonSerializer serializer, out object? value, Type type)
        {
            value = null;
            if (!Shapes.TryGetValue(type, out var shape) || shape is null)
            {
                return false;
            }

            try
            {
                if (!ReadAndMoveToContent(reader) || reader.TokenType != JsonToken.StartObject)
                {
                    return false;
                }

                return shape.TryReadObject(reader, serializer.Context, out value);
            }
            catch (Exception)
            {
                // Whatever went wrong, the serializer reads the text again and decides.
                return false;
            }
        }

        /// <summary>JsonReader.ReadAndMoveToContent: the next token that is not a comment.</summary>
        internal static bool ReadAndMoveToContent(JsonReader reader)
        {
            if (!reader.Read())
            {
                return false;
            }

            while (reader.TokenType == JsonToken.None || reader.TokenType == JsonToken.Comment)
            {
                if (!reader.Read())
                {
                    return false;
                }
            }

            return true;
        }

        internal static ModelShape? Prepare(Type type, JsonSerializer serializer)
        {
            lock (Gate)
            {
                return PrepareLocked(type, serializer);
            }
        }

        private static ModelShape? PrepareLocked(Type type, JsonSerializer serializer)
        {
            if (Shapes.TryGetValue(type, out var known))
            {
                return known;
            }

            // A type being prepared (a cycle) is left to the serializer: conservative and simple.
            Shapes[type] = null;
            ModelShape? shape = null;
            if (type.IsClass && !type.IsAbstract && serializer.ContractResolver.ResolveContract(type) is JsonObjectContract contract && SerializerIsPlain(serializer))
            {
                var candidate = (ModelShape)Activator.CreateInstance(typeof(ModelShape<>).MakeGenericType(type), nonPublic: true)!;
                if (candidate.Build(contract, serializer, child => PrepareLocked(child, serializer)))
                {
                    shape = candidate;
                    foreach (var name in candidate.PropertyNames)
                    {
                        Names.Add(name);
                    }
                }
            }

            Shapes[type] = shape;
            return shape;
        }

        /// <summary>Settings the fast path assumes (those of <see cref="SendblueJson.Settings"/> and Newtonsoft's defaults).</summary>
        private static bool SerializerIsPlain(JsonSerializer s) =>
            s.Converters.Count == 0
            && s.MissingMemberHandling == MissingMemberHandling.Ignore
            && s.MetadataPropertyHandling == MetadataPropertyHandling.Default
            && s.TypeNameHandling == TypeNameHandling.None
            && s.PreserveReferencesHandling == PreserveReferencesHandling.None
            && s.ObjectCreationHandling == ObjectCreationHandling.Auto
            && s.DefaultValueHandling == DefaultValueHandling.Include
            && s.ConstructorHandling == ConstructorHandling.Default
            && s.TraceWriter is null;
    }

    /// <summary>How one model type is read.</summary>
    internal abstract class ModelShape
    {
        public abstract IEnumerable<string> PropertyNames { get; }

        public abstract bool Build(JsonObjectContract contract, JsonSerializer serializer, Func<Type, ModelShape?> prepare);

        /// <summary>A new model read from the object <paramref name="reader"/> is on (its StartObject).</summary>
        public abstract bool TryReadObject(JsonReader reader, StreamingContext context, out object? value);
    }

    internal sealed class ModelShape<TModel> : ModelShape
        where TModel : class
    {
        private const int MaxRememberedNames = 256;

        private readonly Dictionary<string, Slot<TModel>> _exact = new(StringComparer.Ordinal);
        private readonly Dictionary<JsonProperty, Slot<TModel>> _byProperty = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Slot<TModel>?> _closest = new(StringComparer.Ordinal);
        private JsonObjectContract _contract = null!;
        private Func<object> _create = null!;
        private Action<TModel, StreamingContext>[] _onDeserialized = Array.Empty<Action<TModel, StreamingContext>>();
        private ExtensionDataSetter? _extension;

        public override IEnumerable<string> PropertyNames => _exact.Keys;

        public TModel Create() => (TModel)_create();

        public override bool TryReadObject(JsonReader reader, StreamingContext context, out object? value)
        {
            var model = Create();
            value = model;
            return ReadBody(model, reader, context);
        }

        public override bool Build(JsonObjectContract contract, JsonSerializer serializer, Func<Type, ModelShape?> prepare)
        {
            _contract = contract;
            if (contract.Converter != null
                || contract.OverrideCreator != null
                || contract.CreatorParameters.Count > 0
                || contract.DefaultCreator is null
                || contract.DefaultCreatorNonPublic
                || contract.OnDeserializingCallbacks.Count > 0
                || contract.OnErrorCallbacks.Count > 0
                || contract.ItemRequired != null
                || contract.ItemNullValueHandling != null
                || contract.ItemConverter != null
                || contract.ItemTypeNameHandling != null
                || contract.ItemIsReference != null
                || contract.IsReference != null
                || (contract.MissingMemberHandling ?? MissingMemberHandling.Ignore) != MissingMemberHandling.Ignore
                || (contract.ExtensionDataSetter != null && contract.ExtensionDataValueType != typeof(object)))
            {
                return false;
            }

            _create = contract.DefaultCreator;
            _extension = contract.ExtensionDataSetter;

            var callbacks = OnDeserializedMethods(typeof(TModel));
            if (callbacks is null || callbacks.Count != contract.OnDeserializedCallbacks.Count)
            {
                return false;
            }

            _onDeserialized = callbacks
                .Select(m => (Action<TModel, StreamingContext>)Delegate.CreateDelegate(typeof(Action<TModel, StreamingContext>), m))
                .ToArray();

            foreach (var property in contract.Properties)
            {
                if (property.Ignored)
                {
                    // Read like an unknown field (extension data), which is what Newtonsoft does.
                    continue;
                }

                var slot = CreateSlot(property, serializer, prepare);
                if (slot is null)
                {
                    return false;
                }

                _exact[property.PropertyName!] = slot;
                _byProperty[property] = slot;
            }

            return true;
        }

        /// <summary>Reads the members of an object, <paramref name="reader"/> on its StartObject; false to fall back.</summary>
        public bool ReadBody(TModel model, JsonReader reader, StreamingContext context)
        {
            if (!reader.Read())
            {
                return false;
            }

            // Metadata properties ($id, $ref, $type, $values) are only looked for first; leave them to the serializer.
            if (reader.TokenType == JsonToken.PropertyName && reader.Value is string first && first.Length > 0 && first[0] == '$')
            {
                return false;
            }

            do
            {
                switch (reader.TokenType)
                {
                    case JsonToken.PropertyName:
                        var name = (string)reader.Value!;
                        var slot = Find(name);
                        if (slot is null)
                        {
                            if (!reader.Read() || !ReadUnknown(model, reader, name))
                            {
                                return false;
                            }
                        }
                        else if (!slot.Read(model, reader, name, this, context))
                        {
                            return false;
                        }

                        break;
                    case JsonToken.EndObject:
                        foreach (var callback in _onDeserialized)
                        {
                            callback(model, context);
                        }

                        return true;
                    case JsonToken.Comment:
                        break;
                    default:
                        return false;
                }
            }
            while (reader.Read());

            return false;
        }

        /// <summary>The raw value of a field the model does not declare (or declares but was not set), into the extension data.</summary>
        internal bool ToExtensionData(TModel model, string name, object? value)
        {
            _extension?.Invoke(model, name, value);
            return true;
        }

        private bool ReadUnknown(TModel model, JsonReader reader, string name)
        {
            if (_extension is null)
            {
                reader.Skip();
                return true;
            }

            switch (reader.TokenType)
            {
                case JsonToken.String:
                case JsonToken.Integer:
                case JsonToken.Float:
                case JsonToken.Boolean:
                case JsonToken.Date:
                case JsonToken.Bytes:
                case JsonToken.Null:
                case JsonToken.Undefined:
                    _extension(model, name, reader.Value);
                    return true;
                case JsonToken.StartObject:
                {
                    // CreateObject: one read, metadata looked for, then CreateJObject from there.
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonToken.PropertyName && reader.Value is string first && first.Length > 0 && first[0] == '$')
                    {
                        return false;
                    }

                    var token = ReadJObject(reader);
                    if (token is null)
                    {
                        return false;
                    }

                    _extension(model, name, token);
                    return true;
                }

                case JsonToken.StartArray:
                {
                    using var writer = new Newtonsoft.Json.Linq.JTokenWriter();
                    writer.WriteToken(reader);
                    _extension(model, name, writer.Token);
                    return true;
                }

                default:
                    return false;
            }
        }

        /// <summary>Newtonsoft's CreateJObject, from the token after the StartObject.</summary>
        private static Newtonsoft.Json.Linq.JToken? ReadJObject(JsonReader reader)
        {
            using var writer = new Newtonsoft.Json.Linq.JTokenWriter();
            writer.WriteStartObject();
            do
            {
                if (reader.TokenType == JsonToken.PropertyName)
                {
                    var propertyName = (string)reader.Value!;
                    do
                    {
                        if (!reader.Read())
                        {
                            break;
                        }
                    }
                    while (reader.TokenType == JsonToken.Comment);

                    writer.WritePropertyName(propertyName);
                    var container = reader.TokenType == JsonToken.StartObject || reader.TokenType == JsonToken.StartArray;
                    writer.WriteToken(reader, true);
                    if (container && HasComment(((Newtonsoft.Json.Linq.JObject)writer.Token!).Last))
                    {
                        // Newtonsoft leaves comments out of these values; the public WriteToken keeps them.
                        return null;
                    }
                }
                else if (reader.TokenType != JsonToken.Comment)
                {
                    writer.WriteEndObject();
                    return writer.Token;
                }
            }
            while (reader.Read());

            return null;
        }

        private static bool HasComment(Newtonsoft.Json.Linq.JToken? property) =>
            property is Newtonsoft.Json.Linq.JProperty { Value: Newtonsoft.Json.Linq.JContainer value }
            && value.DescendantsAndSelf().Any(t => t.Type == Newtonsoft.Json.Linq.JTokenType.Comment);

        private Slot<TModel>? Find(string name)
        {
            if (_exact.TryGetValue(name, out var slot))
            {
                return slot;
            }

            if (_closest.TryGetValue(name, out slot))
            {
                return slot;
            }

            // Newtonsoft's own rule: exact match first, then the first match ignoring case.
            var property = _contract.Properties.GetClosestMatchProperty(name);
            slot = property is null || property.Ignored ? null : _byProperty[property];
            if (_closest.Count < MaxRememberedNames)
            {
                _closest.TryAdd(name, slot);
            }

            return slot;
        }

        private static List<MethodInfo>? OnDeserializedMethods(Type type)
        {
            var hierarchy = new List<Type>();
            for (var t = type; t != null && t != typeof(object); t = t.BaseType)
            {
                hierarchy.Insert(0, t);
            }

            var methods = new List<MethodInfo>();
            foreach (var t in hierarchy)
            {
                foreach (var method in t.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!method.IsDefined(typeof(OnDeserializedAttribute), false))
                    {
                        continue;
                    }

                    var parameters = method.GetParameters();
                    if (method.ReturnType != typeof(void) || parameters.Length != 1 || parameters[0].ParameterType != typeof(StreamingContext) || method.ContainsGenericParameters)
                    {
                        return null;
                    }

                    methods.Add(method);
                }
            }

            return methods;
        }

        private static Slot<TModel>? CreateSlot(JsonProperty property, JsonSerializer serializer, Func<Type, ModelShape?> prepare)
        {
            var type = property.PropertyType;
            if (type is null
                || !property.Writable
                || property.ShouldDeserialize != null
                || property.SetIsSpecified != null
                || property.Required != Required.Default
                || property.DefaultValue != null
                || (property.DefaultValueHandling ?? DefaultValueHandling.Include) != DefaultValueHandling.Include
                || property.TypeNameHandling != null
                || property.IsReference != null
                || property.ItemConverter != null
                || property.ItemIsReference != null
                || property.ItemTypeNameHandling != null
                || property.ItemReferenceLoopHandling != null
                || property.DeclaringType is null
                || property.UnderlyingName is null)
            {
                return null;
            }

            var member = property.DeclaringType.GetProperty(property.UnderlyingName, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
            var setter = member?.GetSetMethod(nonPublic: true);
            if (member is null || setter is null || member.PropertyType != type || member.GetIndexParameters().Length != 0)
            {
                return null;
            }

            var getter = property.Readable ? member.GetGetMethod(nonPublic: true) : null;
            var reuse = (property.ObjectCreationHandling ?? ObjectCreationHandling.Auto) != ObjectCreationHandling.Replace && getter != null;
            var ignoreNull = (property.NullValueHandling ?? serializer.NullValueHandling) == NullValueHandling.Ignore;
            var propertyContract = serializer.ContractResolver.ResolveContract(type);
            var converter = property.Converter ?? propertyContract.Converter ?? propertyContract.InternalConverter;
            var info = new SlotInfo(ignoreNull);

            if (converter != null)
            {
                var underlying = Nullable.GetUnderlyingType(type);
                var fromString = underlying?.GetMethod("op_Implicit", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null);
                if (converter is not ExtensibleEnumConverter || underlying is null || fromString is null || fromString.ReturnType != underlying)
                {
                    return null;
                }

                return (Slot<TModel>)Activator.CreateInstance(
                    typeof(EnumSlot<,>).MakeGenericType(typeof(TModel), underlying),
                    info,
                    Delegate.CreateDelegate(typeof(Action<,>).MakeGenericType(typeof(TModel), type), setter),
                    Delegate.CreateDelegate(typeof(Func<,>).MakeGenericType(typeof(string), underlying), fromString))!;
            }

            if (type == typeof(string))
            {
                return new StringSlot<TModel>(info, Setter<string?>(setter));
            }

            if (type == typeof(int?))
            {
                return new Int32Slot<TModel>(info, Setter<int?>(setter));
            }

            if (type == typeof(bool?))
            {
                return new BooleanSlot<TModel>(info, Setter<bool?>(setter));
            }

            if (type == typeof(DateTimeOffset?))
            {
                return new DateTimeOffsetSlot<TModel>(info, Setter<DateTimeOffset?>(setter));
            }

            if (propertyContract is JsonArrayContract array && array.CreatedType is { } created
                && created.IsGenericType && created.GetGenericTypeDefinition() == typeof(List<>)
                && array.OverrideCreator is null && !array.HasParameterizedCreator && array.ItemConverter is null)
            {
                var item = array.CollectionItemType;
                var listGetter = reuse ? getter : null;
                if (item == typeof(string))
                {
                    return new StringListSlot<TModel>(info, Setter<IList<string?>?>(setter), listGetter is null ? null : Getter<IList<string?>?>(listGetter));
                }

                if (item != null && serializer.ContractResolver.ResolveContract(item) is JsonObjectContract itemContract && itemContract.Converter is null && prepare(item) is { } itemShape)
                {
                    return (Slot<TModel>?)Activator.CreateInstance(
                        typeof(ObjectListSlot<,>).MakeGenericType(typeof(TModel), item),
                        info,
                        itemShape,
                        Delegate.CreateDelegate(typeof(Action<,>).MakeGenericType(typeof(TModel), type), setter),
                        listGetter is null ? null : Delegate.CreateDelegate(typeof(Func<,>).MakeGenericType(typeof(TModel), type), listGetter));
                }

                return null;
            }

            if (propertyContract is JsonObjectContract && type.IsClass && prepare(type) is { } childShape)
            {
                return (Slot<TModel>?)Activator.CreateInstance(
                    typeof(ObjectSlot<,>).MakeGenericType(typeof(TModel), type),
                    info,
                    childShape,
                    Delegate.CreateDelegate(typeof(Action<,>).MakeGenericType(typeof(TModel), type), setter),
                    reuse ? Delegate.CreateDelegate(typeof(Func<,>).MakeGenericType(typeof(TModel), type), getter!) : null);
            }

            return null;
        }

        private static Action<TModel, T> Setter<T>(MethodInfo setter) =>
            (Action<TModel, T>)Delegate.CreateDelegate(typeof(Action<TModel, T>), setter);

        private static Func<TModel, T> Getter<T>(MethodInfo getter) =>
            (Func<TModel, T>)Delegate.CreateDelegate(typeof(Func<TModel, T>), getter);
    }

    /// <summary>What every slot needs to know about its property.</summary>
    internal sealed class SlotInfo
    {
        public SlotInfo(bool ignoreNull)
        {
            IgnoreNull = ignoreNull;
        }

        /// <summary>NullValueHandling.Ignore: a JSON null is skipped, a null from a converter is not set.</summary>
        public bool IgnoreNull { get; }
    }

    /// <summary>Reads one property's value (the reader on its PropertyName) into the model; false to fall back.</summary>
    internal abstract class Slot<TModel>
        where TModel : class
    {
        protected Slot(SlotInfo info)
        {
            Info = info;
        }

        protected SlotInfo Info { get; }

        public abstract bool Read(TModel model, JsonReader reader, string name, ModelShape<TModel> shape, StreamingContext context);
    }

    internal sealed class StringSlot<TModel> : Slot<TModel>
        where TModel : class
    {
        private readonly Action<TModel, string?> _set;

        public StringSlot(SlotInfo info, Action<TModel, string?> set)
            : base(info)
        {
            _set = set;
        }

        public override bool Read(TModel model, JsonReader reader, string name, ModelShape<TModel> shape, StreamingContext context)
        {
            var value = reader.ReadAsString();
            switch (reader.TokenType)
            {
                case JsonToken.String:
                    _set(model, value);
                    return true;
                case JsonToken.Null:
                    if (!Info.IgnoreNull)
                    {
                        _set(model, null);
                    }

                    return true;
                default:
                    return false;
            }
        }
    }

    internal sealed class Int32Slot<TModel> : Slot<TModel>
        where TModel : class
    {
        private readonly Action<TModel, int?> _set;

        public Int32Slot(SlotInfo info, Action<TModel, int?> set)
            : base(info)
        {
            _set = set;
        }

        public override bool Read(TModel model, JsonReader reader, string name, ModelShape<TModel> shape, StreamingContext context)
        {
            var value = reader.ReadAsInt32();
            switch (reader.TokenType)
            {
                case JsonToken.Integer:
                    _set(model, value);
                    return true;
                case JsonToken.Null:
                    if (!Info.IgnoreNull)
                    {
                        _set(model, null);
                    }

                    return true;
                default:
                    return false;
            }
        }
    }

    internal sealed class BooleanSlot<TModel> : Slot<TModel>
        where TModel : class
    {
        private readonly Action<TModel, bool?> _set;

        public BooleanSlot(SlotInfo info, Action<TModel, bool?> set)
            : base(info)
        {
            _set = set;
        }

        public override bool Read(TModel model, JsonReader reader, string name, ModelShape<TModel> shape, StreamingContext context)
        {
            var value = reader.ReadAsBoolean();
            switch (reader.TokenType)
            {
                case JsonToken.Boolean:
                    _set(model, value);
                    return true;
                case JsonToken.Null:
                    if (!Info.IgnoreNull)
                    {
                        _set(model, null);
                    }

                    return true;
                default:
                    return false;
            }
        }
    }

    internal sealed class DateTimeOffsetSlot<TModel> : Slot<TModel>
        where TModel : class
    {
        private readonly Action<TModel, DateTimeOffset?> _set;

        public DateTimeOffsetSlot(SlotInfo info, Action<TModel, DateTimeOffset?> set)
            : base(info)
        {
            _set = set;
        }

        public override bool Read(TModel model, JsonReader reader, string name, ModelShape<TModel> shape, StreamingContext context)
        {
            // Under DateParseHandling.None (the SDK's setting, so that unknown fields keep their date
            // strings) JsonTextReader parses a date through DateTimeOffset.TryParseExact, culture
            // machinery and all. The API's own shape is parsed here instead; any other text is
            // declined, and the serializer reads it as it always did.
            var text = reader.ReadAsString();
            DateTimeOffset? value = null;
            if (reader.TokenType == JsonToken.String)
            {
                if (text!.Length == 0)
                {
                    // An empty string reads as a JSON null would.
                    if (!Info.IgnoreNull)
                    {
                        _set(model, null);
                    }

                    return true;
                }

                if (!IsoInstant.TryParse(text, out var parsed))
                {
                    return false;
                }

                value = parsed;
            }

            switch (reader.TokenType)
            {
                case JsonToken.String:
                    _set(model, value);
                    return true;
                case JsonToken.Null:
                    if (!Info.IgnoreNull)
                    {
                        _set(model, null);
                    }

                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>An extensible enum (a struct built from its wire string), as <see cref="ExtensibleEnumConverter"/> reads it.</summary>
    internal sealed class EnumSlot<TModel, TEnum> : Slot<TModel>
        where TModel : class
        where TEnum : struct
    {
        private readonly Action<TModel, TEnum?> _set;
        private readonly Func<string, TEnum> _fromString;

        public EnumSlot(SlotInfo info, Action<TModel, TEnum?> set, Func<string, TEnum> fromString)
            : base(info)
        {
            _set = set;
            _fromString = fromString;
        }

        public override bool Read(TModel model, JsonReader reader, string name, ModelShape<TModel> shape, StreamingContext context)
        {
            // A property with a converter is read token by token (JsonReader.ReadForType).
            if (!reader.Read())
            {
                return false;
            }

            string? text;
            switch (reader.TokenType)
            {
                case JsonToken.Null:
                    if (!Info.IgnoreNull)
                    {
                        _set(model, null);
                    }

                    return true;
                case JsonToken.Undefined:
                    return ConverterReturnedNull(model, name, shape, null);
                case JsonToken.String:
                    text = (string?)reader.Value;
                    if (string.IsNullOrEmpty(text))
                    {
                        return ConverterReturnedNull(model, name, shape, reader.Value);
                    }

                    break;
                case JsonToken.Integer:
                case JsonToken.Float:
                case JsonToken.Boolean:
                    text = Convert.ToString(reader.Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (string.IsNullOrEmpty(text))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }

            _set(model, _fromString(text!));
            return true;
        }

        // Not set under NullValueHandling.Ignore; the raw value is filed as extension data instead.
        private bool ConverterReturnedNull(TModel model, string name, ModelShape<TModel> shape, object? raw)
        {
            if (!Info.IgnoreNull)
            {
                _set(model, null);
                return true;
            }

            return shape.ToExtensionData(model, name, raw);
        }
    }

    internal sealed class StringListSlot<TModel> : Slot<TModel>
        where TModel : class
    {
        private readonly Action<TModel, IList<string?>?> _set;
        private readonly Func<TModel, IList<string?>?>? _get;

        public StringListSlot(SlotInfo info, Action<TModel, IList<string?>?> set, Func<TModel, IList<string?>?>? get)
            : base(info)
        {
            _set = set;
            _get = get;
        }

        public override bool Read(TModel model, JsonReader reader, string name, ModelShape<TModel> shape, StreamingContext context)
        {
            if (!ModelReader.ReadAndMoveToContent(reader))
            {
                return false;
            }

            if (reader.TokenType == JsonToken.Null)
            {
                if (!Info.IgnoreNull)
                {
                    _set(model, null);
                }

                return true;
            }

            if (reader.TokenType != JsonToken.StartArray)
            {
                return false;
            }

            // Auto creation handling: a list the property already holds is added to.
            var existing = _get?.Invoke(model);
            if (existing != null && existing is not List<string?>)
            {
                return false;
            }

            var list = existing ?? new List<string?>();
            while (true)
            {
                var value = reader.ReadAsString();
                switch (reader.TokenType)
                {
                    case JsonToken.EndArray:
                        if (existing is null)
                        {
                            _set(model, list);
                        }

                        return true;
                    case JsonToken.String:
                        list.Add(value);
                        break;
                    case JsonToken.Null:
                        list.Add(null);
                        break;
                    case JsonToken.Comment:
                        break;
                    default:
                        return false;
                }
            }
        }
    }

    internal sealed class ObjectSlot<TModel, TChild> : Slot<TModel>
        where TModel : class
        where TChild : class
    {
        private readonly ModelShape<TChild> _child;
        private readonly Action<TModel, TChild?> _set;
        private readonly Func<TModel, TChild?>? _get;

        public ObjectSlot(SlotInfo info, ModelShape child, Action<TModel, TChild?> set, Func<TModel, TChild?>? get)
            : base(info)
        {
            _child = (ModelShape<TChild>)child;
            _set = set;
            _get = get;
        }

        public override bool Read(TModel model, JsonReader reader, string name, ModelShape<TModel> shape, StreamingContext context)
        {
            if (!ModelReader.ReadAndMoveToContent(reader))
            {
                return false;
            }

            switch (reader.TokenType)
            {
                case JsonToken.Null:
                    if (!Info.IgnoreNull)
                    {
                        _set(model, null);
                    }

                    return true;
                case JsonToken.StartObject:
                    // Auto creation handling: an object the property already holds is populated.
                    var existing = _get?.Invoke(model);
                    if (existing != null && existing.GetType() != typeof(TChild))
                    {
                        return false;
                    }

                    var target = existing ?? _child.Create();
                    if (!_child.ReadBody(target, reader, context))
                    {
                        return false;
                    }

                    if (existing is null)
                    {
                        _set(model, target);
                    }

                    return true;
                default:
                    return false;
            }
        }
    }

    internal sealed class ObjectListSlot<TModel, TChild> : Slot<TModel>
        where TModel : class
        where TChild : class
    {
        private readonly ModelShape<TChild> _child;
        private readonly Action<TModel, IList<TChild>?> _set;
        private readonly Func<TModel, IList<TChild>?>? _get;

        public ObjectListSlot(SlotInfo info, ModelShape child, Action<TModel, IList<TChild>?> set, Func<TModel, IList<TChild>?>? get)
            : base(info)
        {
            _child = (ModelShape<TChild>)child;
            _set = set;
            _get = get;
        }

        public override bool Read(TModel model, JsonReader reader, string name, ModelShape<TModel> shape, StreamingContext context)
        {
            if (!ModelReader.ReadAndMoveToContent(reader))
            {
                return false;
            }

            if (reader.TokenType == JsonToken.Null)
            {
                if (!Info.IgnoreNull)
                {
                    _set(model, null);
                }

                return true;
            }

            if (reader.TokenType != JsonToken.StartArray)
            {
                return false;
            }

            var existing = _get?.Invoke(model);
            if (existing != null && existing is not List<TChild>)
            {
                return false;
            }

            var list = existing ?? new List<TChild>();
            while (true)
            {
                if (!ModelReader.ReadAndMoveToContent(reader))
                {
                    return false;
                }

                switch (reader.TokenType)
                {
                    case JsonToken.EndArray:
                        if (existing is null)
                        {
                            _set(model, list);
                        }

                        return true;
                    case JsonToken.Null:
                        list.Add(null!);
                        break;
                    case JsonToken.StartObject:
                        var item = _child.Create();
                        if (!_child.ReadBody(item, reader, context))
                        {
                            return false;
                        }

                        list.Add(item);
                        break;
                    default:
                        return false;
                }
            }
        }
    }
}
