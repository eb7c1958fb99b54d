using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Moq;
using Moq.Protected;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;

namespace Sendblue.ContractTests.Recorded
{
    /// <summary>
    /// Bodies in the shapes Sendblue's documentation shows (Recorded/, sources in SOURCES.md): each
    /// validates against the spec, and the SDK reads every field of it, declared or not, with its value.
    /// </summary>
    public class RecordedPayloadTests
    {
        private static IEnumerable<TestCaseData> Responses() =>
            RecordedPayloads.Responses.Select(r => new TestCaseData(r.File, r.OperationId).SetArgDisplayNames(r.File));

        private static IEnumerable<TestCaseData> Requests() =>
            RecordedPayloads.Requests.Select(r => new TestCaseData(r.File, r.OperationId).SetArgDisplayNames(r.File));

        private static IEnumerable<TestCaseData> Webhooks() =>
            RecordedPayloads.Webhooks.Select(f => new TestCaseData(f).SetArgDisplayNames(f));

        [Test]
        public void EveryOperation_AndWebhooks_HaveARecordedBody()
        {
            Assert.Multiple(() =>
            {
                Assert.That(RecordedPayloads.Responses.Select(r => SpecContract.Shared.Operation(r.OperationId).Label).Distinct(), Is.EquivalentTo(SpecContract.Shared.Operations.Select(o => o.Label)));
                Assert.That(RecordedPayloads.Webhooks, Has.Count.GreaterThanOrEqualTo(3));
            });
        }

        [Test]
        public void EveryRecordedFile_IsAResponseARequestOrAWebhook_OfAnOperationTheCorpusKnows()
        {
            // A file whose name OperationOf does not know is left out of every case above in silence.
            var requestFiles = RecordedPayloads.Files.Where(f => f.StartsWith("request.", StringComparison.Ordinal)).ToList();
            var unread = RecordedPayloads.Files
                .Except(RecordedPayloads.Responses.Select(r => r.File))
                .Except(RecordedPayloads.Requests.Select(r => r.File))
                .Except(RecordedPayloads.Webhooks);

            Assert.Multiple(() =>
            {
                Assert.That(requestFiles, Is.Not.Empty, "the recorded request bodies");
                Assert.That(RecordedPayloads.Requests.Select(r => r.File), Is.EqualTo(requestFiles), "every request.* file names an operation");
                Assert.That(unread, Is.EqualTo(new[] { "list-query-parameters.json" }), "files no case reads");
            });
        }

        [Test]
        public void EveryRecordedFile_IsNamedHere_InSources()
        {
            var sources = File.ReadAllText(Path.Combine(RepoPaths.Recorded, "SOURCES.md"));

            Assert.That(RecordedPayloads.Files.Where(f => !sources.Contains($"`{f}`", StringComparison.Ordinal)), Is.Empty);
        }

        [TestCaseSource(nameof(Responses))]
        public void TheRecordedResponse_ConformsToTheSpec(string file, string operationId)
        {
            var check = SpecContract.Shared.CheckResponse(operationId, 200, RecordedPayloads.Read(file));

            Assert.That(check.Errors, Is.Empty, check.ToString());
        }

        [TestCaseSource(nameof(Requests))]
        public void TheRecordedRequest_ConformsToTheSpec(string file, string operationId)
        {
            var check = SpecContract.Shared.CheckRequest(operationId, RecordedPayloads.Read(file));

            Assert.Multiple(() =>
            {
                Assert.That(check.Errors, Is.Empty, check.ToString());
                Assert.That(check.Drift, Is.Empty, "a documented request field the spec's request schema lacks:\n" + string.Join("\n", check.Drift));
            });
        }

        [TestCaseSource(nameof(Webhooks))]
        public void TheRecordedWebhook_ConformsToMessageContent(string file)
        {
            var check = SpecContract.Shared.CheckSchema("MessageContent", RecordedPayloads.Read(file), $"webhook {file}");

            Assert.That(check.Errors, Is.Empty, check.ToString());
        }

        [TestCaseSource(nameof(Responses))]
        public async Task TheSdk_ReadsEveryFieldOfTheRecordedResponse(string file, string operationId)
        {
            var json = RecordedPayloads.Read(file);
            using var client = ClientAnswering(json);

            var model = (await Support.SdkInvoker.InvokeAsync(client, SpecContract.Shared.Operation(operationId)))!;

            Assert.Multiple(() => AssertReads(ParseKeepingDates(json), model, "$"));
        }

        [TestCaseSource(nameof(Webhooks))]
        public void TheSdk_ParsesTheRecordedWebhook_ReadingEveryField(string file)
        {
            var json = RecordedPayloads.Read(file);

            var message = SendblueWebhook.Parse(json);

            Assert.Multiple(() =>
            {
                Assert.That(message.MessageHandle, Is.Not.Null.And.Not.Empty);
                Assert.That(message.Status, Is.Not.Null);
                AssertReads(ParseKeepingDates(json), message, "$");
            });
        }

        [Test]
        public void TheFullInboundBody_ReadsItsEmptyStyleAsNone_AndEveryFieldTyped()
        {
            var message = SendblueWebhook.Parse(RecordedPayloads.Read("webhook.inbound.received-full.json"));

            Assert.Multiple(() =>
            {
                Assert.That(message.SendStyle, Is.Null);
                Assert.That(message.Status, Is.EqualTo(MessageStatus.Received));
                Assert.That(message.IsOutbound, Is.False);
                Assert.That(message.AccountEmail, Is.EqualTo("ops@example.com"));
                Assert.That(message.Service, Is.EqualTo(MessageService.IMessage));
                Assert.That(message.SendblueNumber, Is.Not.Null.And.Not.Empty);
                Assert.That(message.WasDowngraded, Is.Null, "was_downgraded: null");
                Assert.That(message.GroupId, Is.Empty, "group_id: \"\" for a one-to-one message");
                Assert.That(message.AdditionalProperties.Keys, Is.Empty, "the fields Sendblue's receiving-messages page shows are declared in MessageContent");
            });
        }

        [Test]
        public async Task TheContactsGuidesBodies_ReadTheirCamelCaseCustomVariables()
        {
            using var listing = ClientAnswering(RecordedPayloads.Read("list-contacts.guide.json"));
            using var single = ClientAnswering(RecordedPayloads.Read("get-contact.guide.json"));

            var listed = (await listing.Contacts.ListAsync()).Single();
            var contact = (await single.Contacts.GetAsync("+19998887777")).Contact!;

            Assert.Multiple(() =>
            {
                Assert.That(listed.CustomVariables, Is.EquivalentTo(new Dictionary<string, string> { ["Lead Source"] = "Website", ["Plan"] = "Enterprise" }));
                Assert.That(listed.AdditionalProperties.Keys, Does.Not.Contain("customVariables"));
                Assert.That(contact.CustomVariables, Is.EquivalentTo(new Dictionary<string, string> { ["Lead Source"] = "Website" }));
                Assert.That(contact.FirstName, Is.EqualTo("Ada"));
            });
        }

        [Test]
        public void TheSpecsListParameters_AreTheOnesSendblueDocuments()
        {
            var documented = JObject.Parse(RecordedPayloads.Read("list-query-parameters.json"))["parameters"]!.Values<string>();

            Assert.That(
                SpecContract.Shared.Operation("List").QueryParameters.Select(p => p.Name),
                Is.EquivalentTo(documented),
                "the query parameters of GET /api/v2/messages in spec/openapi.yaml against Recorded/list-query-parameters.json (docs.sendblue.com)");
        }

        /// <summary>A client whose HTTP handler (a Moq mock) answers every request with the body.</summary>
        private static SendblueClient ClientAnswering(string json)
        {
            var handler = new Mock<HttpMessageHandler>(MockBehavior.Strict);
            handler.Protected()
                .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
                .ReturnsAsync(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
            handler.Protected().Setup("Dispose", ItExpr.IsAny<bool>());
            return new SendblueClient(
                new SendblueClientOptions { ApiKey = "recorded-key", ApiSecret = "recorded-secret", BaseUrl = new Uri("https://api.sendblue.test"), MaxRetries = 0 },
                new HttpClient(handler.Object));
        }

        private static JToken ParseKeepingDates(string json) => SpecContract.ParseJson(json);

        /// <summary>
        /// Every field of the JSON is read by the model: a declared property with the same value
        /// (dates as instants, enum-likes by wire value, <c>""</c> for an enum as null), or kept in
        /// AdditionalProperties.
        /// </summary>
        private static string? StringFormOf(object model)
        {
            var converter = model.GetType().GetCustomAttribute<JsonConverterAttribute>()?.ConverterType;
            var instance = converter?.GetField("Instance")?.GetValue(null);
            return converter?.GetProperty("StringForm", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(instance) as string;
        }

        private static void AssertReads(JToken json, object? model, string path)
        {
            switch (json.Type)
            {
                case JTokenType.Object:
                    Assert.That(model, Is.Not.Null, $"{path}: read as null");
                    if (model is null)
                    {
                        return;
                    }

                    var type = model.GetType();
                    if (model is IDictionary map)
                    {
                        foreach (var field in ((JObject)json).Properties())
                        {
                            Assert.That(map.Contains(field.Name), Is.True, $"{path}.{field.Name}: not a key of the map");
                            AssertReads(field.Value, map.Contains(field.Name) ? map[field.Name] : null, $"{path}.{field.Name}");
                        }

                        break;
                    }

                    var declared = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName))
                        .Where(p => p.Name is not null)
                        .ToDictionary(p => p.Name!, p => p.Property, StringComparer.Ordinal);

                    // Another spelling of a field (x-sendblue-aliases) is a private property named after
                    // the public one: {Property}Alias{n}. It fills that property.
                    foreach (var alias in type.GetProperties(BindingFlags.NonPublic | BindingFlags.Instance))
                    {
                        var wire = alias.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName;
                        var cut = alias.Name.LastIndexOf("Alias", StringComparison.Ordinal);
                        if (wire is not null && cut > 0 && type.GetProperty(alias.Name.Substring(0, cut)) is PropertyInfo target)
                        {
                            declared.TryAdd(wire, target);
                        }
                    }

                    var additional = (IDictionary<string, object>?)type.GetProperty("AdditionalProperties")?.GetValue(model);
                    foreach (var field in ((JObject)json).Properties())
                    {
                        if (declared.TryGetValue(field.Name, out var property))
                        {
                            AssertReads(field.Value, property.GetValue(model), $"{path}.{field.Name}");
                        }
                        else
                        {
                            Assert.That(additional?.ContainsKey(field.Name), Is.True, $"{path}.{field.Name}: neither a property of {type.Name} nor kept in AdditionalProperties");
                        }
                    }

                    break;
                case JTokenType.Array:
                    var items = ((IEnumerable?)model)?.Cast<object?>().ToList();
                    Assert.That(items, Has.Count.EqualTo(((JArray)json).Count), $"{path}: items");
                    for (var i = 0; items is not null && i < Math.Min(items.Count, ((JArray)json).Count); i++)
                    {
                        AssertReads(json[i]!, items[i], $"{path}[{i}]");
                    }

                    break;
                case JTokenType.Null:
                    Assert.That(model, Is.Null, path);
                    break;
                case JTokenType.String:
                    var text = (string)json!;
                    switch (model)
                    {
                        case DateTimeOffset date:
                            Assert.That(date, Is.EqualTo(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)), path);
                            break;
                        case string s:
                            Assert.That(s, Is.EqualTo(text), path);
                            break;
                        case null:
                            Assert.That(text, Is.Empty, $"{path}: '{text}' was read as null");
                            break;
                        case not null when StringFormOf(model) is string field:
                            // A model the spec lets be written as one field's plain string (x-sendblue-string-form).
                            var formProperty = model.GetType().GetProperties().Single(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName == field);
                            Assert.That(formProperty.GetValue(model), Is.EqualTo(text), $"{path}: the plain string is {model.GetType().Name}.{formProperty.Name}");
                            break;
                        default:
                            // An enum-like: its wire value.
                            Assert.That(model.ToString(), Is.EqualTo(text), path);
                            break;
                    }

                    break;
                case JTokenType.Boolean:
                    Assert.That(model, Is.EqualTo((bool)json), path);
                    break;
                case JTokenType.Integer:
                    Assert.That(Convert.ToInt64(model, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo((long)json), path);
                    break;
                default:
                    Assert.Fail($"{path}: unexpected {json.Type}");
                    break;
            }
        }
    }
}
