using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;

namespace Sendblue.Tests.Cli
{
    /// <summary>
    /// The filters of <c>list</c> (and of <c>contacts list</c>) as the tests see them: the public
    /// settable properties of <see cref="MessageListQuery"/> (<see cref="ContactListQuery"/>), each
    /// with its option name, its spec name and values to type. Whatever the spec adds to the query
    /// is covered without an edit here.
    /// </summary>
    internal static class QueryProperties
    {
        /// <summary>Every public settable property of <see cref="MessageListQuery"/>.</summary>
        public static IReadOnlyList<PropertyInfo> All { get; } = Of(typeof(MessageListQuery));

        /// <summary>Every public settable property of <see cref="ContactListQuery"/>, the filters of <c>contacts list</c>.</summary>
        public static IReadOnlyList<PropertyInfo> OfContacts { get; } = Of(typeof(ContactListQuery));

        /// <summary>Every public settable property of a query type.</summary>
        public static IReadOnlyList<PropertyInfo> Of(Type queryType) => queryType
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetSetMethod() is not null && p.GetIndexParameters().Length == 0)
            .ToList();

        /// <summary><c>CreatedAtGte</c> is <c>created-at-gte</c>.</summary>
        public static string Kebab(string name) =>
            Regex.Replace(name, "(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-").ToLowerInvariant();

        /// <summary>The option of a property: <c>--created-at-gte</c>.</summary>
        public static string Option(PropertyInfo property) => "--" + Kebab(property.Name);

        /// <summary>The name of the spec's list query parameter a property stands for (<c>created_at_gte</c>).</summary>
        public static string SpecName(PropertyInfo property) => SpecName(property, "List");

        /// <summary>The name of the query parameter of the spec's operation <paramref name="operationId"/> a property stands for.</summary>
        public static string SpecName(PropertyInfo property, string operationId)
        {
            var names = SpecContract.Shared.Operation(operationId).QueryParameters.Select(p => p.Name).ToList();
            var match = names.SingleOrDefault(n => string.Concat(n.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1))) == property.Name);
            Assert.That(match, Is.Not.Null, $"{property.DeclaringType?.Name}.{property.Name} is none of the spec's {operationId} parameters ({string.Join(", ", names)})");
            return match!;
        }

        /// <summary>A value to type for a property, and what must go on the wire for it.</summary>
        public static (string Text, string Wire) Sample(PropertyInfo property)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(string))
            {
                return ($"{Kebab(property.Name)}-value", $"{Kebab(property.Name)}-value");
            }

            if (type == typeof(bool))
            {
                return ("false", "false");
            }

            if (type == typeof(int) || type == typeof(long))
            {
                // 1 is a page size, an offset and most counts the API takes.
                return ("1", "1");
            }

            if (type == typeof(double))
            {
                return ("2.5", "2.5");
            }

            if (type == typeof(DateTimeOffset))
            {
                return ("2025-01-01T00:00:00+02:00", "2024-12-31T22:00:00Z");
            }

            if (type == typeof(DateTime))
            {
                return ("2025-01-31", "2025-01-31");
            }

            if (KnownValues(type) is { Count: > 0 } known)
            {
                // A known value typed in another case goes out as its canonical spelling.
                var canonical = known[known.Count - 1]!.ToString()!;
                return (SwapCase(canonical), canonical);
            }

            Assert.Fail($"{property.DeclaringType?.Name}.{property.Name} has type {type}, which the command line's tests have no sample for.");
            throw new InvalidOperationException();
        }

        /// <summary>A value a property's option must refuse, and a phrase of what the error says it takes.</summary>
        public static (string Text, string Expected) Malformed(PropertyInfo property)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(bool))
            {
                return ("maybe", "true or false");
            }

            if (type == typeof(int) || type == typeof(long))
            {
                return ("1.5", "a whole number");
            }

            if (type == typeof(double))
            {
                return ("many", "a number");
            }

            if (type == typeof(DateTimeOffset))
            {
                return ("yesterday", "an ISO 8601 instant");
            }

            if (type == typeof(DateTime))
            {
                return ("31/01/2025", "yyyy-MM-dd");
            }

            if (KnownValues(type) is { Count: > 0 } known)
            {
                // Any text is a value of an extensible enum (the API may know more); only none is not.
                return (" ", known[0]!.ToString()!);
            }

            Assert.Fail($"{property.DeclaringType?.Name}.{property.Name} has type {type}, which the command line's tests have no malformed value for.");
            throw new InvalidOperationException();
        }

        private static IList? KnownValues(Type type) =>
            type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is IEnumerable values
                ? values.Cast<object>().ToList()
                : null;

        private static string SwapCase(string text) =>
            string.Concat(text.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));
    }
}
