using System;
using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Sendblue.Cli.Commands;

namespace Sendblue.Cli.QueryOptions
{
    /// <summary>
    /// How the text of an option becomes a value of a query property's type, and how help and
    /// errors describe what it takes. The types are those of the SDK's query objects: text, flags,
    /// whole numbers, numbers, instants, dates and the SDK's extensible enums.
    /// </summary>
    internal sealed class QueryValueType
    {
        private const string InstantExample = "2025-01-31T23:59:59Z";

        private readonly Parser _parse;

        private QueryValueType(Type type, string valueName, string expected, string? hint, Parser parse)
        {
            Type = type;
            ValueName = valueName;
            Expected = expected;
            Hint = hint;
            _parse = parse;
        }

        /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> may say more precisely than <see cref="Expected"/> what is wrong.</summary>
        private delegate bool Parser(string text, out object? value, out string? problem);

        /// <summary>The property's type, without <see cref="Nullable{T}"/>.</summary>
        public Type Type { get; }

        /// <summary>For a list property (an array filter of the spec), the type of its items; the option is given once per item.</summary>
        public Type? ItemType { get; private init; }

        /// <summary>The placeholder help shows after the option: <c>&lt;INSTANT&gt;</c>.</summary>
        public string ValueName { get; }

        /// <summary>What a value must be, for error messages: "true or false".</summary>
        public string Expected { get; }

        /// <summary>What help adds to the property's own description, or null.</summary>
        public string? Hint { get; }

        /// <summary>The value type of a property of type <paramref name="propertyType"/>.</summary>
        public static QueryValueType For(Type propertyType)
        {
            var type = Nullable.GetUnderlyingType(propertyType) ?? propertyType;

            if (ItemTypeOf(type) is { } itemType)
            {
                var item = For(itemType);
                var hint = (item.Hint is null ? string.Empty : item.Hint + " ") + "Give the option once per value.";
                return new QueryValueType(type, item.ValueName, item.Expected, hint, item._parse) { ItemType = itemType };
            }

            if (type == typeof(string))
            {
                return new QueryValueType(type, "TEXT", "text", null, (string text, out object? value, out string? problem) =>
                {
                    // As typed: the API judges text (phone numbers, emails, ids), not the SDK or the command line.
                    value = text;
                    problem = null;
                    return true;
                });
            }

            if (type == typeof(bool))
            {
                return new QueryValueType(type, "BOOL", "true or false", "Takes true or false.", (string text, out object? value, out string? problem) =>
                {
                    problem = null;
                    var ok = OptionValues.TryParseBool(text, out var flag);
                    value = flag;
                    return ok;
                });
            }

            if (type == typeof(int))
            {
                return Integer(type, int.MinValue, int.MaxValue, big => (int)big);
            }

            if (type == typeof(long))
            {
                return Integer(type, long.MinValue, long.MaxValue, big => (long)big);
            }

            if (type == typeof(double))
            {
                return new QueryValueType(type, "NUMBER", "a number, such as 2.5", "A number.", (string text, out object? value, out string? problem) =>
                {
                    problem = null;
                    var ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        && !double.IsNaN(number) && !double.IsInfinity(number);
                    value = number;
                    return ok;
                });
            }

            if (type == typeof(DateTimeOffset))
            {
                return new QueryValueType(
                    type,
                    "INSTANT",
                    $"an ISO 8601 instant, such as {InstantExample} (no offset means UTC)",
                    $"An ISO 8601 instant, such as {InstantExample}; no offset means UTC.",
                    (string text, out object? value, out string? problem) =>
                    {
                        problem = null;
                        var ok = OptionValues.TryParseInstant(text, out var instant);
                        value = instant;
                        return ok;
                    });
            }

            if (type == typeof(DateTime))
            {
                // The SDK's DateTime properties are dates without a time (OpenAPI format: date).
                return new QueryValueType(type, "DATE", "a date, yyyy-MM-dd, such as 2025-01-31", "A date, yyyy-MM-dd.", (string text, out object? value, out string? problem) =>
                {
                    problem = null;
                    var ok = DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
                    value = date;
                    return ok;
                });
            }

            if (ExtensibleEnum(type) is { } extensible)
            {
                return extensible;
            }

            // Not a type of today's query objects; a type converter (a C# enum, a Guid) still lets
            // a new filter work rather than vanish from the command line.
            var converter = TypeDescriptor.GetConverter(type);
            return new QueryValueType(type, "VALUE", $"a {type.Name} value", null, (string text, out object? value, out string? problem) =>
            {
                problem = null;
                value = null;
                if (!converter.CanConvertFrom(typeof(string)))
                {
                    problem = $"a {type.Name}, which the command line cannot read from text";
                    return false;
                }

                try
                {
                    value = converter.ConvertFromInvariantString(text);
                    return value is not null;
                }
                catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException)
                {
                    return false;
                }
            });
        }

        /// <summary>The item type of an array or a generic list or enumerable (not of a string); null for any other type.</summary>
        private static Type? ItemTypeOf(Type type)
        {
            if (type.IsArray)
            {
                return type.GetElementType();
            }

            if (!type.IsGenericType)
            {
                return null;
            }

            var definition = type.GetGenericTypeDefinition();
            return definition == typeof(System.Collections.Generic.IEnumerable<>) || definition == typeof(System.Collections.Generic.ICollection<>)
                || definition == typeof(System.Collections.Generic.IList<>) || definition == typeof(System.Collections.Generic.IReadOnlyList<>)
                || definition == typeof(System.Collections.Generic.IReadOnlyCollection<>) || definition == typeof(System.Collections.Generic.List<>)
                ? type.GetGenericArguments()[0]
                : null;
        }

        /// <summary>Parses <paramref name="text"/> into a value of <see cref="Type"/> (of <see cref="ItemType"/> for a list).</summary>
        /// <param name="problem">On failure, what the value must be.</param>
        public bool TryParse(string text, out object? value, out string problem)
        {
            if (_parse(text, out value, out var precise))
            {
                problem = string.Empty;
                return true;
            }

            problem = precise ?? Expected;
            return false;
        }

        private static QueryValueType Integer(Type type, BigInteger min, BigInteger max, Func<BigInteger, object> convert) =>
            new(type, "N", "a whole number", null, (string text, out object? value, out string? problem) =>
            {
                value = null;
                problem = null;
                if (!BigInteger.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                if (number < min || number > max)
                {
                    // Only the type's range: what range the API accepts is the SDK's to check.
                    problem = $"a whole number from {min} to {max}";
                    return false;
                }

                value = convert(number);
                return true;
            });

        /// <summary>
        /// An SDK extensible enum: a value type with a public <c>(string)</c> constructor and a
        /// static <c>KnownValues</c> list. A known value typed in any case is that value (its
        /// canonical spelling); any other text is sent as typed, since the API may know values
        /// this version does not.
        /// </summary>
        private static QueryValueType? ExtensibleEnum(Type type)
        {
            var constructor = type.IsValueType ? type.GetConstructor(new[] { typeof(string) }) : null;
            var knownProperty = type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static);
            if (constructor is null || knownProperty?.GetValue(null) is not IEnumerable knownValues)
            {
                return null;
            }

            var known = knownValues.Cast<object>().ToArray();
            var list = string.Join(", ", known.Select(v => v.ToString()));
            return new QueryValueType(
                type,
                "VALUE",
                known.Length > 0 ? $"one of {list}, or another value the API knows" : "a value",
                known.Length > 0 ? $"One of: {list} (any case); another value is sent as typed." : null,
                (string text, out object? value, out string? problem) =>
                {
                    problem = null;
                    var trimmed = text.Trim();
                    if (trimmed.Length == 0)
                    {
                        value = null;
                        return false;
                    }

                    value = known.FirstOrDefault(v => string.Equals(v.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
                        ?? constructor.Invoke(new object[] { trimmed });
                    return true;
                });
        }
    }
}
