using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Sendblue.Cli.QueryOptions
{
    /// <summary>
    /// The options a query type offers on the command line: one per public settable property, so a
    /// filter the spec adds to the generated query object is an option with no edit here.
    /// </summary>
    /// <remarks>
    /// Names are the property names in kebab case. One rule adds the spellings the command line had
    /// before its options followed the query object: an instant property ending in <c>Gte</c> or
    /// <c>Lte</c> also answers to <c>-after</c> or <c>-before</c> on its stem, without a trailing
    /// <c>At</c> (<c>CreatedAtGte</c>: <c>--created-at-gte</c> and <c>--created-after</c>).
    /// </remarks>
    internal sealed class QueryOptionSet
    {
        private readonly Dictionary<string, QueryOption> _byName;

        private QueryOptionSet(Type queryType, IReadOnlyList<QueryOption> options)
        {
            QueryType = queryType;
            Options = options;
            _byName = options
                .SelectMany(o => o.Names, (option, name) => (option, name))
                .ToDictionary(x => x.name, x => x.option, StringComparer.Ordinal);
        }

        /// <summary>The query object's type.</summary>
        public Type QueryType { get; }

        /// <summary>The options, in the order of the type's properties.</summary>
        public IReadOnlyList<QueryOption> Options { get; }

        /// <summary>The options of <paramref name="queryType"/>, described from its assembly's XML documentation.</summary>
        public static QueryOptionSet For(Type queryType) => For(queryType, XmlDocumentation.For(queryType.Assembly));

        /// <summary>The options of <paramref name="queryType"/>, described from <paramref name="documentation"/>.</summary>
        public static QueryOptionSet For(Type queryType, XmlDocumentation documentation)
        {
            if (queryType.GetConstructor(Type.EmptyTypes) is null)
            {
                throw new ArgumentException($"{queryType.Name} has no public parameterless constructor.", nameof(queryType));
            }

            var properties = queryType
                .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetSetMethod() is not null && p.GetGetMethod() is not null)
                .OrderBy(p => p.MetadataToken)
                .ToList();
            var names = new HashSet<string>(properties.Select(p => "--" + QueryOption.KebabCase(p.Name)), StringComparer.Ordinal);

            var options = new List<QueryOption>();
            foreach (var property in properties)
            {
                // A spelling that is already another property's name stays that property's.
                var aliases = Aliases(property).Where(names.Add).ToList();
                options.Add(new QueryOption(property, aliases, Describe(queryType, property, aliases, documentation)));
            }

            return new QueryOptionSet(queryType, options);
        }

        /// <summary>The option with this name or alias (<c>--created-after</c>), or null.</summary>
        public QueryOption? Find(string name) => _byName.TryGetValue(name, out var option) ? option : null;

        /// <summary>
        /// A query with the options of <paramref name="given"/> (name to values, as the parser collected
        /// them) set; names that are not options of this set are left to the caller. An option given
        /// more than once takes its last value, as the command line's declared options do, except
        /// for a list filter, which takes every value.
        /// </summary>
        /// <param name="error">On failure, a message naming the option and what it takes.</param>
        public bool TryBind(ILookup<string, string?> given, out object query, out string? error)
        {
            query = Activator.CreateInstance(QueryType)!;
            foreach (var option in Options)
            {
                var used = option.Names.Where(given.Contains).ToList();
                if (used.Count == 0)
                {
                    continue;
                }

                if (used.Count > 1)
                {
                    error = $"{string.Join(" and ", used)} set the same filter ({QueryType.Name}.{option.Property.Name}); give one of them.";
                    return false;
                }

                var name = used[0];
                if (option.ValueType.ItemType is not null)
                {
                    // A list filter: the option once per value, all of them sent.
                    var texts = given[name].ToList();
                    if (texts.Any(t => t is null))
                    {
                        error = $"{name} needs a value: {option.ValueType.Expected}.";
                        return false;
                    }

                    if (!option.TrySetAll(query, name, texts!, out error))
                    {
                        return false;
                    }

                    continue;
                }

                if (given[name].LastOrDefault() is not { } text)
                {
                    error = $"{name} needs a value: {option.ValueType.Expected}.";
                    return false;
                }

                if (!option.TrySet(query, name, text, out error))
                {
                    return false;
                }
            }

            error = null;
            return true;
        }

        private static IEnumerable<string> Aliases(PropertyInfo property)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type != typeof(DateTimeOffset))
            {
                yield break;
            }

            foreach (var (suffix, word) in new[] { ("Gte", "after"), ("Lte", "before") })
            {
                var name = property.Name;
                if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    var stem = name.Substring(0, name.Length - suffix.Length);
                    if (stem.Length > 2 && stem.EndsWith("At", StringComparison.Ordinal))
                    {
                        stem = stem.Substring(0, stem.Length - 2);
                    }

                    yield return $"--{QueryOption.KebabCase(stem)}-{word}";
                }
            }
        }

        private static string Describe(Type queryType, PropertyInfo property, IReadOnlyList<string> aliases, XmlDocumentation documentation)
        {
            var summary = documentation.Summary(property) ?? $"Sets {queryType.Name}.{property.Name}.";
            var parts = new List<string> { Sentence(summary) };
            if (QueryValueType.For(property.PropertyType).Hint is { } hint)
            {
                parts.Add(hint);
            }

            if (aliases.Count > 0)
            {
                parts.Add($"Also {string.Join(", ", aliases)}.");
            }

            return string.Join(" ", parts);
        }

        private static string Sentence(string text) =>
            text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith("!", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal)
                ? text
                : text + ".";
    }
}
