using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sendblue.Validation
{
    /// <summary>
    /// The checks the generated methods and models run before anything is sent, one per kind of
    /// constraint the spec can state (required, length, range, item count, a known enum value, "at
    /// least one of"), with the messages users read: what is wrong, the field by its C# name, and
    /// what to do. Text is required to be more than white space: a blank id or phone number is never
    /// meant.
    /// </summary>
    internal static class Check
    {
        /// <summary>A required argument (a body, a path or query parameter) that is not text.</summary>
        public static void NotNull(object? value, string parameterName)
        {
            if (value is null)
            {
                throw new ArgumentNullException(parameterName);
            }
        }

        /// <summary>A required text argument (a path or query parameter).</summary>
        public static void Text(string? value, string parameterName, string description)
        {
            if (value is null)
            {
                throw new ArgumentNullException(parameterName, $"{parameterName} is required: {Lower(description)}");
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{parameterName} is empty; it must be {Lower(description)}", parameterName);
            }
        }

        /// <summary>
        /// A required path parameter: text, and not <c>.</c> or <c>..</c>, which a URL reads as "this
        /// folder" and "the folder above": <c>Contacts.DeleteAsync("..")</c> would otherwise reach
        /// another endpoint (no escaping keeps a dot segment in place).
        /// </summary>
        public static void Segment(string? value, string parameterName, string description)
        {
            Text(value, parameterName, description);
            if (value == "." || value == "..")
            {
                throw new ArgumentException($"{parameterName} is '{value}', which a URL reads as {(value == "." ? "this folder" : "the folder above")}, so the call would reach another endpoint; it must be {Lower(description)}", parameterName);
            }
        }

        public static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);

        /// <summary>Set: not null, and not an empty list (no recipients is no recipients).</summary>
        public static bool IsSet(object? value) => value is not null && value is not System.Collections.ICollection { Count: 0 };

        /// <summary>A required field of a model that is missing.</summary>
        public static ArgumentException Required(string parameterName, string field, string description) =>
            new($"{field} is required: {Lower(description)}", parameterName);

        /// <summary>None of the fields of an "at least one of" rule is set.</summary>
        public static ArgumentException NoneOf(string parameterName, string reason, string path, params string[] fields)
        {
            var names = new string[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                names[i] = path + "." + fields[i];
            }

            var what = names.Length == 2
                ? $"set {names[0]}, {names[1]}, or both."
                : $"set at least one of {string.Join(", ", names)}.";
            return new ArgumentException($"{Upper(reason)}: {what}", parameterName);
        }

        public static void Length(string? value, int min, int max, string parameterName, string field)
        {
            if (value is null || (value.Length >= min && value.Length <= max))
            {
                return;
            }

            throw new ArgumentOutOfRangeException(parameterName, value.Length, $"{field} must be {Sizes(min, max, " characters long")}; it is {value.Length} characters long.");
        }

        public static void Count(int? count, int min, int max, string parameterName, string field)
        {
            if (count is not int n || (n >= min && n <= max))
            {
                return;
            }

            throw new ArgumentOutOfRangeException(parameterName, n, $"{field} must hold {Sizes(min, max, " items")}; it holds {n}.");
        }

        /// <summary>A number outside the spec's <c>minimum</c>/<c>maximum</c> (null: no such bound).</summary>
        public static void Range(long? value, long? min, long? max, string parameterName, string field, string? hint = null)
        {
            if (value is not long v || ((min is null || v >= min) && (max is null || v <= max)))
            {
                return;
            }

            throw OutOfRange(parameterName, v, field, Bounds(min, max), hint);
        }

        /// <inheritdoc cref="Range(long?, long?, long?, string, string, string?)"/>
        public static void Range(double? value, double? min, double? max, string parameterName, string field, string? hint = null)
        {
            if (value is not double v || ((min is null || v >= min) && (max is null || v <= max)))
            {
                return;
            }

            throw OutOfRange(parameterName, v, field, Bounds(min, max), hint);
        }

        /// <inheritdoc cref="Range(long?, long?, long?, string, string, string?)"/>
        public static void Range(decimal? value, decimal? min, decimal? max, string parameterName, string field, string? hint = null)
        {
            if (value is not decimal v || ((min is null || v >= min) && (max is null || v <= max)))
            {
                return;
            }

            throw OutOfRange(parameterName, v, field, Bounds((double?)min, (double?)max), hint);
        }

        /// <summary>
        /// An enum-like filter set to no text (<c>""</c>, or <c>default</c>): it would go out as
        /// <c>status=</c>, which filters by nothing the API knows. Unset is how to not filter.
        /// </summary>
        public static void NotEmpty<T>(T? value, string parameterName, string field)
            where T : struct
        {
            if (value is T v && string.IsNullOrEmpty(v.ToString()))
            {
                throw new ArgumentException($"{field} is set to an empty value; leave it null to list without this filter.", parameterName);
            }
        }

        /// <summary>A value of a request's enum that the spec does not list: the API would refuse it.</summary>
        public static void Known<T>(T? value, IReadOnlyList<T> known, string parameterName, string field)
            where T : struct, IEquatable<T>
        {
            if (value is not T v)
            {
                return;
            }

            foreach (var k in known)
            {
                if (k.Equals(v))
                {
                    return;
                }
            }

            throw new ArgumentException($"{field} is '{v}', which is not one of {string.Join(", ", known)}.", parameterName);
        }

        private static ArgumentOutOfRangeException OutOfRange(string parameterName, object value, string field, string bounds, string? hint) =>
            new(parameterName, value, $"{field} must be {bounds}; it is {Convert.ToString(value, CultureInfo.InvariantCulture)}.{(hint is null ? string.Empty : " " + hint)}");

        private static string Bounds(double? min, double? max)
        {
            var low = min?.ToString(CultureInfo.InvariantCulture);
            var high = max?.ToString(CultureInfo.InvariantCulture);
            if (low is null)
            {
                return high + " or less";
            }

            return high is null ? low + " or more" : $"between {low} and {high}";
        }

        private static string Sizes(int min, int max, string unit)
        {
            if (min <= 0)
            {
                return $"at most {max}{unit}";
            }

            return max == int.MaxValue ? $"at least {min}{unit}" : $"between {min} and {max}{unit}";
        }

        private static string Lower(string description) =>
            description.Length > 1 && char.IsUpper(description[0]) && !char.IsUpper(description[1])
                ? char.ToLowerInvariant(description[0]) + description.Substring(1)
                : description;

        private static string Upper(string text) =>
            text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text.Substring(1) : text;

        // ----- The checks of a model's maps, lists of lists and patterns (build/templates/Class.liquid). -----

        /// <summary>A text field that does not match the spec's <c>pattern</c> (a regular expression).</summary>
        public static void Pattern(string? value, string pattern, string parameterName, string field)
        {
            if (value is null || System.Text.RegularExpressions.Regex.IsMatch(value, pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                return;
            }

            throw new ArgumentException($"{field} is '{value}', which does not match the pattern {pattern} the API requires.", parameterName);
        }

        /// <summary>
        /// Runs <paramref name="check"/> on each model (or enum-like) a map or a list of lists holds, at
        /// any depth, named by its place as a list item is: <c>Parent.ByKey["k"]</c>, <c>Parent.Grid[1][0]</c>.
        /// </summary>
        public static void Leaves<T>(object? value, string path, Action<T, string> check)
        {
            switch (value)
            {
                case null:
                    return;
                case T leaf:
                    check(leaf, path);
                    return;
                case System.Collections.IDictionary map:
                    foreach (System.Collections.DictionaryEntry entry in map)
                    {
                        Leaves(entry.Value, path + "[\"" + Convert.ToString(entry.Key, CultureInfo.InvariantCulture) + "\"]", check);
                    }

                    return;
                case System.Collections.IEnumerable items when value is not string:
                    var index = 0;
                    foreach (var item in items)
                    {
                        Leaves(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", check);
                        index++;
                    }

                    return;
            }
        }
    }
}
