using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sendblue.ContractTests.Validation;
using YamlDotNet.RepresentationModel;

namespace Sendblue.Tests.Cli
{
    /// <summary>
    /// The examples of spec/openapi.yaml, as JSON with YAML's own types: the canned answers the
    /// command line's tests serve, so they are the bodies the spec says the API sends. Read with
    /// YamlDotNet's node model rather than NSwag's document, which turns every scalar into a
    /// string (<c>max_duration_ms: 120000</c> would come out as <c>"120000"</c>).
    /// </summary>
    internal static class SpecExamples
    {
        private static readonly Regex Integer = new(@"^[-+]?[0-9]+$");
        private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

        private static readonly Lazy<YamlMappingNode> Paths = new(() =>
        {
            var yaml = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(RepoPaths.Spec)))
            {
                yaml.Load(reader);
            }

            return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("paths")];
        });

        /// <summary>The example body of the answer of <paramref name="operationId"/> (<c>Lookups_LookupNumber</c>) with <paramref name="status"/>, as JSON text.</summary>
        public static string Response(string operationId, int status = 200) =>
            ToJson(Child(Child(Child(Child(Operation(operationId), "responses"), status.ToString(CultureInfo.InvariantCulture)), "content"), "application/json", "example"))
                .ToString(Formatting.None);

        /// <summary>The example request body of <paramref name="operationId"/>.</summary>
        public static JToken Request(string operationId) =>
            ToJson(Child(Child(Child(Operation(operationId), "requestBody"), "content"), "application/json", "example"));

        private static YamlMappingNode Operation(string operationId) =>
            Paths.Value.Children.Values.OfType<YamlMappingNode>()
                .SelectMany(path => path.Children.Values.OfType<YamlMappingNode>())
                .SingleOrDefault(o => o.Children.TryGetValue(new YamlScalarNode("operationId"), out var id) && ((YamlScalarNode)id).Value == operationId)
            ?? throw new ArgumentException($"The spec has no operation {operationId}.", nameof(operationId));

        private static YamlMappingNode Child(YamlNode node, string key) => (YamlMappingNode)Child(node, key, null);

        private static YamlNode Child(YamlNode node, string key, string? then)
        {
            var child = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
            return then is null ? child : ((YamlMappingNode)child).Children[new YamlScalarNode(then)];
        }

        private static JToken ToJson(YamlNode node) => node switch
        {
            YamlMappingNode mapping => new JObject(mapping.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
            YamlSequenceNode sequence => new JArray(sequence.Children.Select(ToJson)),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new NotSupportedException($"A YAML node of type {node.GetType().Name} in an example."),
        };

        // YAML's core schema: only a plain (unquoted) scalar can be null, a flag or a number.
        private static JToken Scalar(YamlScalarNode scalar)
        {
            var text = scalar.Value ?? string.Empty;
            if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
            {
                return new JValue(text);
            }

            return text switch
            {
                "" or "~" or "null" or "Null" or "NULL" => JValue.CreateNull(),
                "true" or "True" or "TRUE" => new JValue(true),
                "false" or "False" or "FALSE" => new JValue(false),
                _ when Integer.IsMatch(text) => new JValue(long.Parse(text, CultureInfo.InvariantCulture)),
                _ when Float.IsMatch(text) => new JValue(double.Parse(text, CultureInfo.InvariantCulture)),
                _ => new JValue(text),
            };
        }
    }
}
