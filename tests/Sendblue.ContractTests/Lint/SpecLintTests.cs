using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NJsonSchema;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;

namespace Sendblue.ContractTests.Lint
{
    /// <summary>
    /// The spec itself: it parses as OpenAPI 3.0 with no errors (Microsoft.OpenApi's reader and its
    /// validation rules), every operation is complete, and every example validates against its schema.
    /// </summary>
    public class SpecLintTests
    {
        /// <summary>The error responses every operation declares: one per exception class the SDK maps (API.md "Errors").</summary>
        private static readonly string[] ErrorStatuses = { "400", "401", "403", "404", "429", "500", "502", "503", "504" };

        private static readonly Lazy<ReadResult> Read = new(() => LoadAsync().GetAwaiter().GetResult());

        private static ReadResult Load() => Read.Value;

        private static async Task<ReadResult> LoadAsync()
        {
            var settings = new OpenApiReaderSettings();
            settings.AddYamlReader();
            await using var stream = File.OpenRead(RepoPaths.Spec);
            return await Microsoft.OpenApi.OpenApiDocument.LoadAsync(stream, "yaml", settings);
        }

        private static Microsoft.OpenApi.OpenApiDocument Document => Load().Document ?? throw new InvalidOperationException("The spec did not load.");

        private static IEnumerable<(string Label, Microsoft.OpenApi.OpenApiOperation Operation)> Operations() =>
            Document.Paths.SelectMany(path => (path.Value.Operations ?? new Dictionary<HttpMethod, Microsoft.OpenApi.OpenApiOperation>())
                .Select(op => ($"{op.Key.Method} {path.Key}", op.Value)));

        /// <summary>How many <c>operationId:</c> keys spec/openapi.yaml writes: one per operation, counted on the text, not through a reader.</summary>
        private static int OperationIdsWritten() =>
            File.ReadLines(RepoPaths.Spec).Count(line => line.TrimStart().StartsWith("operationId:", StringComparison.Ordinal));

        private static IOpenApiMediaType? Json(IDictionary<string, IOpenApiMediaType>? content) =>
            content is not null && content.TryGetValue("application/json", out var media) ? media : null;

        [Test]
        public void TheSpec_ParsesAsOpenApi30_WithNoErrorsOrWarnings()
        {
            var diagnostic = Load().Diagnostic!;

            Assert.Multiple(() =>
            {
                Assert.That(diagnostic.SpecificationVersion, Is.EqualTo(OpenApiSpecVersion.OpenApi3_0));
                Assert.That(diagnostic.Errors.Select(e => e.ToString()), Is.Empty, "errors of Microsoft.OpenApi's reader and validation rules");
                Assert.That(diagnostic.Warnings.Select(e => e.ToString()), Is.Empty, "warnings of Microsoft.OpenApi's reader and validation rules");
                Assert.That(Operations().Count(), Is.EqualTo(OperationIdsWritten()), "every operation the file writes is read (one per operationId key)");
            });
        }

        [Test]
        public void NSwagsLoader_ReadsTheSameOperations()
        {
            Assert.That(
                SpecContract.Shared.Operations.Select(o => o.Label),
                Is.EquivalentTo(Operations().Select(o => o.Label)));
        }

        [Test]
        public void EveryOperation_HasAUniqueOperationId_NamedForItsTag_ASummary_AndADeclaredTag()
        {
            var declaredTags = (Document.Tags ?? (ISet<OpenApiTag>)new HashSet<OpenApiTag>()).Select(t => t.Name).ToList();

            Assert.Multiple(() =>
            {
                foreach (var (label, operation) in Operations())
                {
                    Assert.That(operation.OperationId, Is.Not.Null.And.Not.Empty, $"{label}: operationId");
                    Assert.That(operation.Summary, Is.Not.Null.And.Not.Empty, $"{label}: summary");
                    Assert.That(operation.Tags?.Select(t => t.Name), Is.Not.Empty, $"{label}: tags");
                    Assert.That(operation.Tags?.Select(t => t.Name), Is.SubsetOf(declaredTags), $"{label}: every tag is declared at the top");
                }

                // OpenAPI wants operationIds unique in the document, and NSwag renames repeated ones (Send2,
                // ListAll). Where tags share a method name (Messages.List, Contacts.List), the id carries its
                // tag: Contacts_List, which the client of the tag calls List.
                Assert.That(Operations().Select(o => o.Operation.OperationId), Is.Unique);
                Assert.That(SpecContract.Shared.Operations.Select(o => o.QualifiedId), Is.Unique, "tag and name");
                foreach (var operation in SpecContract.Shared.Operations.Where(o => o.OperationId.Contains('_')))
                {
                    Assert.That(operation.OperationId, Does.StartWith(operation.Tag + "_"), $"{operation.Label}: an operationId with an underscore is {{Tag}}_{{Name}}, with its first tag");
                    Assert.That(operation.Name, Does.Not.Contain('_'), $"{operation.Label}: the name after the tag");
                }
            });
        }

        [Test]
        public void EveryOperation_RequiresBothCredentialHeaders()
        {
            Assert.Multiple(() =>
            {
                foreach (var (label, operation) in Operations())
                {
                    var schemes = (operation.Security ?? Document.Security ?? (IList<OpenApiSecurityRequirement>)new List<OpenApiSecurityRequirement>())
                        .SelectMany(r => r.Keys.Select(k => k.Reference?.Id))
                        .ToList();
                    Assert.That(schemes, Is.SupersetOf(new[] { "ApiKeyId", "ApiSecretKey" }), label);
                }
            });
        }

        [Test]
        public void EveryOperation_DeclaresTheErrorResponses_WithTheErrorSchema_AndRetryAfterOn429()
        {
            Assert.Multiple(() =>
            {
                foreach (var (label, operation) in Operations())
                {
                    var responses = operation.Responses!;
                    Assert.That(responses.Keys, Is.SupersetOf(ErrorStatuses), $"{label}: error responses");
                    foreach (var status in ErrorStatuses.Where(responses.ContainsKey))
                    {
                        var json = Json(responses[status].Content);
                        Assert.That(json?.Schema, Is.Not.Null, $"{label} {status}: a JSON body");
                        Assert.That((json?.Schema as OpenApiSchemaReference)?.Reference?.Id, Is.EqualTo("ErrorResponse"), $"{label} {status}: the ErrorResponse schema");
                    }

                    Assert.That((responses.TryGetValue("429", out var tooMany) ? tooMany.Headers?.Keys : null), Does.Contain("Retry-After"), $"{label} 429: Retry-After");
                }
            });
        }

        [Test]
        public void EveryOperation_HasExamples_ForItsResponses_ItsBody_AndItsRequiredParameters()
        {
            Assert.Multiple(() =>
            {
                foreach (var (label, operation) in Operations())
                {
                    Assert.That(operation.Responses!.Keys.Where(s => s.StartsWith('2')), Is.Not.Empty, $"{label}: a success response");
                    foreach (var (status, response) in operation.Responses!)
                    {
                        var media = Json(response.Content);
                        Assert.That(media?.Example is not null || media?.Examples?.Count > 0, Is.True, $"{label} {status}: an example");
                    }

                    if (operation.RequestBody is { } body)
                    {
                        var media = Json(body.Content);
                        Assert.That(media?.Example is not null || media?.Examples?.Count > 0, Is.True, $"{label}: a request body example");
                    }

                    foreach (var parameter in (operation.Parameters ?? new List<IOpenApiParameter>()).Where(p => p.Required))
                    {
                        Assert.That(parameter.Example is not null || parameter.Examples?.Count > 0, Is.True, $"{label}: an example of the required parameter {parameter.Name}");
                    }
                }
            });
        }

        /// <summary>
        /// Every example of the spec, with the schema it must satisfy. The examples come from
        /// Microsoft.OpenApi's model, which keeps YAML's types (NSwag's loader turns <c>true</c> into
        /// <c>"true"</c>); the schemas from the validation core's.
        /// </summary>
        private static IEnumerable<TestCaseData> Examples()
        {
            var spec = SpecContract.Shared;
            var document = Load().Document!;
            foreach (var (path, item) in document.Paths)
            {
                foreach (var (method, operation) in item.Operations ?? new Dictionary<HttpMethod, Microsoft.OpenApi.OpenApiOperation>())
                {
                    var contract = spec.Operation(method.Method, path);
                    foreach (var parameter in operation.Parameters ?? new List<IOpenApiParameter>())
                    {
                        var schema = contract.Parameters.Single(p => p.Name == parameter.Name && p.Kind != NSwag.OpenApiParameterKind.Body).ActualSchema;
                        foreach (var (name, example) in Named(parameter.Example, parameter.Examples))
                        {
                            yield return Case($"{contract.Label} parameter {parameter.Name}{name}", schema, example);
                        }
                    }

                    if (Json(operation.RequestBody?.Content) is { } body)
                    {
                        var schema = contract.Operation.ActualRequestBody.Content["application/json"].Schema.ActualSchema;
                        foreach (var (name, example) in Named(body.Example, body.Examples))
                        {
                            yield return Case($"{contract.Label} request body{name}", schema, example);
                        }
                    }

                    foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
                    {
                        if (Json(response.Content) is not { } media)
                        {
                            continue;
                        }

                        var schema = contract.Response(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture))!.Schema!;
                        foreach (var (name, example) in Named(media.Example, media.Examples))
                        {
                            yield return Case($"{contract.Label} {status}{name}", schema, example);
                        }
                    }
                }
            }

            foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            {
                foreach (var example in SchemaExamples(schema))
                {
                    yield return Case($"schema {name}", spec.Schema(name), example);
                }

                foreach (var (propertyName, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    foreach (var example in SchemaExamples(property))
                    {
                        yield return Case($"schema {name}.{propertyName}", spec.Schema(name).ActualProperties[propertyName].ActualSchema, example);
                    }
                }
            }

            // An OpenAPI 3.0 `example:` on a schema (3.1 has `examples:`); either counts.
            static IEnumerable<System.Text.Json.Nodes.JsonNode> SchemaExamples(IOpenApiSchema schema)
            {
#pragma warning disable CS0618 // Example is the 3.0 keyword; the reader keeps it there.
                var single = schema.Example;
#pragma warning restore CS0618
                return (schema.Examples ?? new List<System.Text.Json.Nodes.JsonNode>()).Concat(single is null ? Array.Empty<System.Text.Json.Nodes.JsonNode>() : new[] { single }).Distinct();
            }

            static IEnumerable<(string Name, System.Text.Json.Nodes.JsonNode Example)> Named(System.Text.Json.Nodes.JsonNode? example, IDictionary<string, IOpenApiExample>? examples)
            {
                if (example is not null)
                {
                    yield return (string.Empty, example);
                }

                foreach (var (name, named) in examples ?? new Dictionary<string, IOpenApiExample>())
                {
                    yield return ($" '{name}'", named.Value!);
                }
            }

            static TestCaseData Case(string subject, JsonSchema schema, System.Text.Json.Nodes.JsonNode example) =>
                new TestCaseData(subject, schema, ToJson(example)).SetArgDisplayNames(subject);
        }

        /// <summary>The JSON text of an example; Microsoft.OpenApi keeps a YAML <c>null</c> as a sentinel string, written back here as null.</summary>
        private static string ToJson(System.Text.Json.Nodes.JsonNode? node)
        {
            switch (node)
            {
                case null:
                    return "null";
                case System.Text.Json.Nodes.JsonObject obj:
                    return "{" + string.Join(",", obj.Select(p => System.Text.Json.JsonSerializer.Serialize(p.Key) + ":" + ToJson(p.Value))) + "}";
                case System.Text.Json.Nodes.JsonArray array:
                    return "[" + string.Join(",", array.Select(ToJson)) + "]";
                default:
                    return JsonNullSentinel.IsJsonNullSentinel(node) ? "null" : node.ToJsonString();
            }
        }

        [TestCaseSource(nameof(Examples))]
        public void TheExample_ValidatesAgainstItsSchema_AndHasNoFieldTheSchemaLacks(string subject, JsonSchema schema, string example)
        {
            var check = SpecContract.Check($"example of {subject}", schema, example);

            Assert.Multiple(() =>
            {
                Assert.That(check.Errors, Is.Empty, check.ToString());
                Assert.That(check.Drift, Is.Empty, string.Join("\n", check.Drift));
            });
        }

        [Test]
        public void TheExamples_AreAllFound()
        {
            // 4 success responses, 4 x 9 error responses, the request body and 2 required parameters,
            // and the property examples of SendMessageRequest: a source that found nothing would pass nothing.
            Assert.That(Examples().Count(), Is.GreaterThanOrEqualTo(4 + (4 * 9) + 1 + 2));
        }

        [Test]
        public void EveryHeaderExample_ValidatesAgainstItsSchema()
        {
            var headers = (Document.Components?.Headers ?? new Dictionary<string, IOpenApiHeader>()).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(headers, Is.Not.Empty);
                foreach (var (name, header) in headers)
                {
                    Assert.That(header.Example, Is.Not.Null, $"header {name}: an example");
                    var schema = JsonSchema.FromJsonAsync(header.Schema!.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0).GetAwaiter().GetResult()).GetAwaiter().GetResult();
                    var check = SpecContract.Check($"example of header {name}", schema, ToJson(header.Example));
                    Assert.That(check.Errors, Is.Empty, check.ToString());
                }
            });
        }
    }
}
