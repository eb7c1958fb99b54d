using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Sendblue.Cli.QueryOptions
{
    /// <summary>
    /// One public settable property of a query object as a command-line option: <c>CreatedAtGte</c>
    /// is <c>--created-at-gte &lt;INSTANT&gt;</c>, parsed by the property's type.
    /// </summary>
    internal sealed class QueryOption
    {
        public QueryOption(PropertyInfo property, IReadOnlyList<string> aliases, string description)
        {
            Property = property ?? throw new ArgumentNullException(nameof(property));
            Name = "--" + KebabCase(property.Name);
            Aliases = aliases ?? throw new ArgumentNullException(nameof(aliases));
            Description = description ?? throw new ArgumentNullException(nameof(description));
            ValueType = QueryValueType.For(property.PropertyType);
        }

        /// <summary>The property the option sets.</summary>
        public PropertyInfo Property { get; }

        /// <summary>The option's name: <c>--</c> and the property's name in kebab case.</summary>
        public string Name { get; }

        /// <summary>Other names of the same option (<c>--created-after</c> for <c>--created-at-gte</c>).</summary>
        public IReadOnlyList<string> Aliases { get; }

        /// <summary><see cref="Name"/>, then <see cref="Aliases"/>.</summary>
        public IEnumerable<string> Names => new[] { Name }.Concat(Aliases);

        /// <summary>What help says about the option: the property's documentation and what the value takes.</summary>
        public string Description { get; }

        /// <summary>How the value is read.</summary>
        public QueryValueType ValueType { get; }

        /// <summary><c>CreatedAtGte</c> is <c>created-at-gte</c>; <c>HTTPStatus</c> is <c>http-status</c>.</summary>
        public static string KebabCase(string name)
        {
            var builder = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c) && i > 0)
                {
                    var previous = name[i - 1];
                    var startsWord = char.IsLower(previous) || char.IsDigit(previous)
                        || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                    if (startsWord)
                    {
                        builder.Append('-');
                    }
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }

        /// <summary>Sets the property of <paramref name="query"/> from the option's text.</summary>
        /// <param name="given">The name the option was given under (a name or an alias), for the message.</param>
        /// <param name="error">On failure, a message that names the option and says what it takes.</param>
        public bool TrySet(object query, string given, string text, out string? error)
        {
            if (!TryParse(given, text, out var value, out error))
            {
                return false;
            }

            Property.SetValue(query, value);
            return true;
        }

        /// <summary>Sets a list property of <paramref name="query"/> from every text the option was given.</summary>
        /// <param name="given">The name the option was given under, for the message.</param>
        /// <param name="error">On failure, a message that names the option, the value and what it takes.</param>
        public bool TrySetAll(object query, string given, IEnumerable<string> texts, out string? error)
        {
            var items = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(ValueType.ItemType!))!;
            foreach (var text in texts)
            {
                if (!TryParse(given, text, out var value, out error))
                {
                    return false;
                }

                items.Add(value);
            }

            if (Property.PropertyType.IsArray)
            {
                var array = Array.CreateInstance(ValueType.ItemType!, items.Count);
                items.CopyTo(array, 0);
                Property.SetValue(query, array);
            }
            else
            {
                Property.SetValue(query, items);
            }

            error = null;
            return true;
        }

        private bool TryParse(string given, string text, out object? value, out string? error)
        {
            var ok = ValueType.TryParse(text, out value, out var expected);
            error = ok ? null : $"{given} must be {expected}; it is '{text}'.";
            return ok;
        }
    }
}
