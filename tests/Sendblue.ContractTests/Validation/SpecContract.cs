using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace Sendblue.ContractTests.Validation
{
    /// <summary>
    /// The validation core of the contract tests: loads spec/openapi.yaml once, finds the schema of a
    /// response by operation (or method and path) and status, validates a body against it with
    /// readable errors, checks the headers the spec declares, and finds drift on the way. The emulator
    /// suite, the recorded payloads and the live suite all judge bodies through this one class.
    /// </summary>
    /// <remarks>
    /// One rule goes beyond plain JSON Schema: an empty string where the spec has a string enum is read
    /// as "no value", as the SDK reads it (API.md: "An empty string on the wire reads as null") and as
    /// Sendblue's own bodies use it (<c>"send_style": ""</c> on an inbound message). It is not an
    /// error, but every such value is listed as drift, so it never goes unseen.
    /// </remarks>
    public sealed class SpecContract
    {
        private static readonly Lazy<SpecContract> SharedContract = new(() => Load(RepoPaths.Spec), LazyThreadSafetyMode.ExecutionAndPublication);

        private SpecContract(string specPath, OpenApiDocument document)
        {
            SpecPath = specPath;
            Document = document;
            Operations = document.Operations
                .Select(o => new SpecOperation(o.Method, o.Path, o.Operation))
                .ToList();
        }

        /// <summary>The repository's spec, loaded once per test run.</summary>
        public static SpecContract Shared => SharedContract.Value;

        /// <summary>Where the spec was read from.</summary>
        public string SpecPath { get; }

        /// <summary>NSwag's model of the spec, with NJsonSchema schemas.</summary>
        public OpenApiDocument Document { get; }

        /// <summary>Every operation of the spec.</summary>
        public IReadOnlyList<SpecOperation> Operations { get; }

        /// <summary>Loads a spec from a YAML or JSON file.</summary>
        public static SpecContract Load(string path) =>
            new(path, (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? OpenApiDocument.FromFileAsync(path)
                : OpenApiYamlDocument.FromFileAsync(path)).GetAwaiter().GetResult());

        /// <summary>The operation with this operationId (<c>GetStatus</c>, <c>Contacts_Get</c>) or qualified id (<c>Contacts.Get</c>: tag and name).</summary>
        /// <exception cref="ArgumentException">The spec has no such operation.</exception>
        public SpecOperation Operation(string operationId) =>
            Operations.SingleOrDefault(o => o.OperationId == operationId)
            ?? Operations.SingleOrDefault(o => o.QualifiedId == operationId)
            ?? throw new ArgumentException($"The spec has no operation '{operationId}'; it has {string.Join(", ", Operations.Select(o => o.QualifiedId))}.", nameof(operationId));

        /// <summary>The operation at this method and path template, such as <c>GET</c>, <c>/api/v2/messages/{message_id}</c>.</summary>
        /// <exception cref="ArgumentException">The spec has no such operation.</exception>
        public SpecOperation Operation(string method, string pathTemplate) =>
            Operations.SingleOrDefault(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase) && o.PathTemplate == pathTemplate)
            ?? throw new ArgumentException($"The spec has no operation {method.ToUpperInvariant()} {pathTemplate}.", nameof(pathTemplate));

        /// <summary>The operation a concrete request addresses (<c>GET /api/v2/messages/abc</c>), or null.</summary>
        public SpecOperation? Find(string method, string path) =>
            Operations.FirstOrDefault(o => o.Matches(method, path));

        /// <summary>A schema of <c>components/schemas</c>, such as <c>MessageContent</c>.</summary>
        /// <exception cref="ArgumentException">The spec has no such schema.</exception>
        public JsonSchema Schema(string name) =>
            Document.Components.Schemas.TryGetValue(name, out var schema)
                ? schema.ActualSchema
                : throw new ArgumentException($"The spec has no schema '{name}'.", nameof(name));

        /// <summary>Checks a response of an operation: the body against the schema for its status, and the headers the spec declares.</summary>
        /// <param name="operationId">The operation, such as <c>List</c>.</param>
        /// <param name="status">The status code the response had.</param>
        /// <param name="body">The body as text.</param>
        /// <param name="headers">The response headers, or null to check the body alone.</param>
        public ContractCheck CheckResponse(string operationId, int status, string body, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
            CheckResponse(Operation(operationId), status, body, headers);

        /// <inheritdoc cref="CheckResponse(string, int, string, IEnumerable{KeyValuePair{string, string}}?)"/>
        public ContractCheck CheckResponse(SpecOperation operation, int status, string body, IEnumerable<KeyValuePair<string, string>>? headers = null)
        {
            var response = operation.Response(status);
            if (response is null)
            {
                return ContractCheck.Failed(
                    $"{operation.Label} {status}",
                    $"the spec declares no {status} response for {operation.OperationId} (it declares {string.Join(", ", operation.DeclaredStatuses)})");
            }

            var errors = new List<string>();
            if (headers is not null)
            {
                var present = new HashSet<string>(headers.Select(h => h.Key), StringComparer.OrdinalIgnoreCase);
                foreach (var header in response.Headers.Where(h => !present.Contains(h)))
                {
                    errors.Add($"{response.Subject}: header {header} is missing (the spec declares it on this response)");
                }
            }

            if (response.Schema is not JsonSchema schema)
            {
                return new ContractCheck(response.Subject, errors, Array.Empty<DriftFinding>());
            }

            return Check(response.Subject, schema, body, errors);
        }

        /// <summary>Checks a request body of an operation against the schema of its JSON request body.</summary>
        /// <param name="operationId">The operation, such as <c>Webhooks.Create</c> or <c>Webhooks_Create</c>.</param>
        /// <param name="body">The body as text.</param>
        public ContractCheck CheckRequest(string operationId, string body)
        {
            var operation = Operation(operationId);
            var subject = $"{operation.Label} request body";
            var requestBody = operation.Operation.ActualRequestBody;
            if (requestBody is null || !requestBody.Content.TryGetValue("application/json", out var media) || media.Schema is null)
            {
                return ContractCheck.Failed(subject, $"the spec declares no JSON request body for {operation.QualifiedId}");
            }

            return Check(subject, media.Schema.ActualSchema, body);
        }

        /// <summary>Checks a body against a schema of <c>components/schemas</c> (a webhook body against <c>MessageContent</c>).</summary>
        public ContractCheck CheckSchema(string schemaName, string body, string? subject = null) =>
            Check(subject ?? $"schema {schemaName}", Schema(schemaName), body);

        /// <summary>Checks a body against a schema: readable errors, plus drift.</summary>
        public static ContractCheck Check(string subject, JsonSchema schema, string body, IEnumerable<string>? earlierErrors = null)
        {
            JToken token;
            try
            {
                token = ParseJson(body);
            }
            catch (JsonException ex)
            {
                return ContractCheck.Failed(subject, $"the body is not JSON ({ex.Message}): {Shorten(body)}");
            }

            return Check(subject, schema, token, earlierErrors);
        }

        /// <summary>Checks a parsed value against a schema: readable errors, plus drift.</summary>
        public static ContractCheck Check(string subject, JsonSchema schema, JToken value, IEnumerable<string>? earlierErrors = null)
        {
            var errors = new List<string>(earlierErrors ?? Array.Empty<string>());
            var drift = new List<DriftFinding>();
            var copy = value.DeepClone();
            var emptyEnums = new List<JProperty>();
            Walk(copy, schema, "$", subject, drift, emptyEnums);
            foreach (var property in emptyEnums)
            {
                property.Remove();
            }

            foreach (var error in Flatten(schema.Validate(copy, SchemaType.OpenApi3)))
            {
                var message = Describe(error);
                errors.Add($"{subject}: {message}");
                if (error.Kind != ValidationErrorKind.NotInEnumeration && error.Kind != ValidationErrorKind.PropertyRequired)
                {
                    drift.Add(new DriftFinding(DriftKind.Violation, subject, Fold(JsonPath(error.Path)), message));
                }
            }

            return new ContractCheck(subject, errors.Distinct().ToList(), drift);
        }

        /// <summary>Parses JSON as the wire has it: dates stay strings, so <c>format: date-time</c> is judged on the text.</summary>
        public static JToken ParseJson(string body)
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException($"Unexpected content after the JSON value at '{reader.Path}'.");
            }

            return token;
        }

        private static void Walk(JToken token, JsonSchema schema, string path, string subject, List<DriftFinding> drift, List<JProperty> emptyEnums)
        {
            var actual = schema.ActualSchema;
            if (actual.ActualProperties.Count == 0 && Branch(actual, token) is { } branch)
            {
                // A union (oneOf/anyOf, such as a webhook entry: a URL or an object): the value is judged by the branch it matches.
                Walk(token, branch, path, subject, drift, emptyEnums);
                return;
            }

            switch (token)
            {
                case JObject obj:
                    var properties = actual.ActualProperties;
                    var declaresAny = properties.Count > 0 || actual.AllOf.Count > 0 || actual.AnyOf.Count > 0 || actual.OneOf.Count > 0;
                    foreach (var property in obj.Properties().ToList())
                    {
                        var at = path + "." + property.Name;
                        if (properties.TryGetValue(property.Name, out var propertySchema)
                            || (propertySchema = AliasedProperty(properties, property.Name)) is not null)
                        {
                            var target = propertySchema.ActualSchema;
                            if (property.Value.Type == JTokenType.String && (string?)property.Value == string.Empty && IsStringEnum(target) && !target.Enumeration.Contains(string.Empty))
                            {
                                drift.Add(new DriftFinding(DriftKind.EmptyEnumValue, subject, Fold(at), "'' (read as no value)"));
                                emptyEnums.Add(property);
                                continue;
                            }

                            Walk(property.Value, target, at, subject, drift, emptyEnums);
                        }
                        else if (declaresAny && actual.AdditionalPropertiesSchema is null)
                        {
                            drift.Add(new DriftFinding(DriftKind.UnknownField, subject, Fold(at), Example(property.Value)));
                        }
                    }

                    foreach (var required in actual.RequiredProperties.Where(r => obj.Property(r, StringComparison.Ordinal) is null))
                    {
                        drift.Add(new DriftFinding(DriftKind.MissingRequiredField, subject, Fold(path + "." + required), "required by the spec, absent"));
                    }

                    break;
                case JArray array when actual.Item is JsonSchema item:
                    foreach (var element in array)
                    {
                        Walk(element, item, path + "[*]", subject, drift, emptyEnums);
                    }

                    break;
                case JValue { Type: JTokenType.String } text when IsStringEnum(actual):
                    var value = (string)text!;
                    if (!actual.Enumeration.Any(e => string.Equals(e?.ToString(), value, StringComparison.Ordinal)))
                    {
                        drift.Add(new DriftFinding(DriftKind.UnknownEnumValue, subject, Fold(path), $"'{value}' (the spec lists {string.Join(", ", actual.Enumeration)})"));
                    }

                    break;
            }
        }

        /// <summary>The oneOf/anyOf branch a value validates against, or null when the schema is no union or no branch fits.</summary>
        private static JsonSchema? Branch(JsonSchema schema, JToken token) =>
            schema.OneOf.Concat(schema.AnyOf)
                .Select(b => b.ActualSchema)
                .FirstOrDefault(b => !b.Validate(token, SchemaType.OpenApi3).Any());

        /// <summary>
        /// The declared property a field name is another spelling of (<c>x-sendblue-aliases</c>, such as
        /// <c>firstName</c> for <c>first_name</c>), or null. A spelling the spec names is read by the SDK, so it is no drift.
        /// </summary>
        private static JsonSchemaProperty? AliasedProperty(IReadOnlyDictionary<string, JsonSchemaProperty> properties, string name) =>
            properties.Values.FirstOrDefault(p => Aliases(p).Contains(name, StringComparer.Ordinal));

        private static IEnumerable<string> Aliases(JsonSchema property) =>
            property.ExtensionData is not null && property.ExtensionData.TryGetValue("x-sendblue-aliases", out var value) && value is System.Collections.IEnumerable list and not string
                ? list.Cast<object?>().Select(a => a is JValue v ? v.ToString(CultureInfo.InvariantCulture) : a?.ToString() ?? string.Empty)
                : Array.Empty<string>();

        private static bool IsStringEnum(JsonSchema schema) =>
            schema.Enumeration.Count > 0 && schema.Enumeration.All(e => e is string);

        private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
        {
            foreach (var error in errors)
            {
                if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
                {
                    foreach (var inner in Flatten(child.Errors.SelectMany(e => e.Value)))
                    {
                        yield return inner;
                    }
                }
                else
                {
                    yield return error;
                }
            }
        }

        private static string Describe(ValidationError error)
        {
            var where = JsonPath(error.Path);
            var token = error.Token;
            var isNull = token is null || token.Type == JTokenType.Null;
            string Expected(string what) => isNull
                ? $"{where}: null, which the spec does not allow here (the field is not nullable)"
                : $"{where}: {Show(token)} is not {what}";

            return error.Kind switch
            {
                ValidationErrorKind.NotInEnumeration =>
                    $"{where}: {Show(token)} is not one of {string.Join(", ", (error.Schema?.ActualSchema.Enumeration ?? new List<object?>()).Select(e => e?.ToString() ?? "null"))}",
                ValidationErrorKind.StringExpected => Expected("a string"),
                ValidationErrorKind.IntegerExpected => Expected("an integer"),
                ValidationErrorKind.NumberExpected => Expected("a number"),
                ValidationErrorKind.BooleanExpected => Expected("a boolean"),
                ValidationErrorKind.ObjectExpected => Expected("an object"),
                ValidationErrorKind.ArrayExpected => Expected("an array"),
                ValidationErrorKind.DateTimeExpected => $"{where}: {Show(token)} is not an ISO 8601 date-time",
                ValidationErrorKind.PropertyRequired => $"{where}: required field '{error.Property}' is missing",
                ValidationErrorKind.NoAdditionalPropertiesAllowed => $"{where}: field '{error.Property}' is not allowed here",
                _ => $"{where}: {error.Kind} ({Show(token)})",
            };
        }

        /// <summary>NJsonSchema's <c>#/data[0].status</c> as <c>$.data[0].status</c>.</summary>
        private static string JsonPath(string? path)
        {
            if (string.IsNullOrEmpty(path) || path == "#")
            {
                return "$";
            }

            return path.StartsWith("#/", StringComparison.Ordinal) ? "$." + path.Substring(2) : path;
        }

        /// <summary><c>$.data[3].status</c> as <c>$.data[*].status</c>, so one drift is listed once however many items have it.</summary>
        private static string Fold(string path) =>
            System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[*]");

        private static string Example(JToken value) =>
            value.Type switch
            {
                JTokenType.Null => "null",
                JTokenType.Object => "an object",
                JTokenType.Array => "an array",
                _ => $"{value.Type.ToString().ToLowerInvariant()}, such as {Show(value)}",
            };

        private static string Show(JToken? token) =>
            token switch
            {
                null => "null",
                { Type: JTokenType.Null } => "null",
                { Type: JTokenType.String } => $"'{Shorten((string)token!)}'",
                _ => Shorten(token.ToString(Formatting.None)),
            };

        private static string Shorten(string text) =>
            text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }
}
