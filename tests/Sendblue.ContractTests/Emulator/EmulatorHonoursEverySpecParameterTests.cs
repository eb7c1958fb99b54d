using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;
using Sendblue.Testing;

namespace Sendblue.ContractTests.Emulator
{
    /// <summary>
    /// The emulator acts on every query parameter the spec gives the list operations (messages and
    /// contacts): for each one, some value the spec allows changes the list. The parameters come from
    /// the spec and the emulator reads its own names, so a parameter renamed (or added) in the spec
    /// alone fails here.
    /// </summary>
    public class EmulatorHonoursEverySpecParameterTests
    {
        private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        /// <summary>The list operations, with their path and the field that identifies an item.</summary>
        private static readonly (string OperationId, string Path, string Id)[] Lists =
        {
            ("Messages.List", "api/v2/messages", "message_handle"),
            ("Contacts.List", "api/v2/contacts", "phone"),
        };

        /// <summary>
        /// Values for parameters whose schema names no values a list could react to: the contact field a
        /// contact list is ordered by is free text in the spec (any contact field).
        /// </summary>
        private static readonly Dictionary<(string OperationId, string Parameter), string[]> Probes = new()
        {
            [("Contacts.List", "order_by")] = new[] { "first_name", "phone", "last_name" },
        };

        private readonly Dictionary<string, string> _baselines = new();
        private SendblueEmulator _emulator = null!;
        private HttpClient _http = null!;

        [OneTimeSetUp]
        public async Task StartAndSeed()
        {
            _emulator = await SendblueEmulator.StartAsync(new SendblueEmulatorOptions { ListRateLimit = 0 });
            _http = new HttpClient { BaseAddress = _emulator.BaseUrl };
            _http.DefaultRequestHeaders.Add("sb-api-key-id", _emulator.ApiKey);
            _http.DefaultRequestHeaders.Add("sb-api-secret-key", _emulator.ApiSecret);

            // Four messages whose created, sent and updated orders all differ, covering both
            // directions, a group, three services and three statuses.
            _emulator.AddMessage(new EmulatedMessage { MessageHandle = "a", FromNumber = "+16292925296", ToNumber = "+19998887777", Status = MessageStatus.Delivered, DateCreated = T0, DateSent = T0.AddMinutes(50), DateUpdated = T0.AddMinutes(60) });
            _emulator.AddMessage(new EmulatedMessage { MessageHandle = "b", FromNumber = "+15550001111", ToNumber = "+16292925296", IsOutbound = false, Status = MessageStatus.Received, Service = MessageService.Sms, DateCreated = T0.AddMinutes(10), DateSent = T0.AddMinutes(10), DateUpdated = T0.AddMinutes(10) });
            _emulator.AddMessage(new EmulatedMessage { MessageHandle = "c", FromNumber = "+16292925296", ToNumber = "+19998887777", MessageType = MessageType.Group, GroupId = "g-1", WorkerId = "w-1", Status = MessageStatus.Sent, DateCreated = T0.AddMinutes(20), DateSent = T0.AddMinutes(30), DateUpdated = T0.AddMinutes(20) });
            _emulator.AddMessage(new EmulatedMessage { MessageHandle = "d", FromNumber = "+16292925296", ToNumber = "+15550002222", Service = MessageService.Rcs, Status = MessageStatus.Error, ErrorCode = 4001, DateCreated = T0.AddMinutes(30), DateSent = T0.AddMinutes(5), DateUpdated = T0.AddMinutes(5) });

            // Four contacts whose creation, first name, last name and number orders all differ.
            _emulator.AddContact(new EmulatedContact { Phone = "+15550000001", FirstName = "Cy", LastName = "Ames", CreatedAt = T0 });
            _emulator.AddContact(new EmulatedContact { Phone = "+15550000004", FirstName = "Ada", LastName = "Cole", CreatedAt = T0.AddMinutes(10) });
            _emulator.AddContact(new EmulatedContact { Phone = "+15550000002", FirstName = "Bo", LastName = "Drew", CreatedAt = T0.AddMinutes(20) });
            _emulator.AddContact(new EmulatedContact { Phone = "+15550000003", FirstName = "Di", LastName = "Baum", CreatedAt = T0.AddMinutes(30) });

            foreach (var list in Lists)
            {
                _baselines[list.OperationId] = await ListAsync(list.OperationId, string.Empty);
            }

            Assert.Multiple(() =>
            {
                Assert.That(_baselines["Messages.List"], Is.EqualTo("d,c,b,a"), "newest created first, when no parameter is given");
                Assert.That(_baselines["Contacts.List"], Is.EqualTo("+15550000003,+15550000002,+15550000004,+15550000001"), "newest created first, when no parameter is given");
            });
        }

        [OneTimeTearDown]
        public async Task Stop()
        {
            _http.Dispose();
            await _emulator.DisposeAsync();
        }

        /// <summary>The ids of the items the list answers with, in order; the response must be a 200 that conforms to the spec.</summary>
        private async Task<string> ListAsync(string operationId, string query)
        {
            var (_, path, id) = Lists.Single(l => l.OperationId == operationId);
            using var response = await _http.GetAsync(path + query);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET /{path}{query}: {body}");
            var check = SpecContract.Shared.CheckResponse(operationId, 200, body);
            Assert.That(check.Errors, Is.Empty, check.ToString());
            var token = JToken.Parse(body);
            var items = token is JArray array ? array : token["data"]!;
            return string.Join(",", items.Select(m => (string?)m[id]));
        }

        private static IEnumerable<TestCaseData> Parameters() =>
            Lists.SelectMany(list => SpecContract.Shared.Operation(list.OperationId).QueryParameters
                .Select(p => new TestCaseData(list.OperationId, p.Name).SetArgDisplayNames(list.OperationId, p.Name)));

        [TestCaseSource(nameof(Parameters))]
        public async Task TheEmulator_ActsOnTheParameter(string operationId, string name)
        {
            var operation = SpecContract.Shared.Operation(operationId);
            var parameter = operation.QueryParameters.Single(p => p.Name == name);
            var schema = (parameter.Schema ?? parameter).ActualSchema;
            var baseline = _baselines[operationId];
            var candidates = Probes.TryGetValue((operationId, name), out var probes)
                ? probes.Select(p => (p, (JToken)p))
                : Candidates(schema);
            var tried = new List<string>();
            foreach (var (text, json) in candidates)
            {
                var valid = SpecContract.Check($"value {text} of {name}", schema, json);
                Assert.That(valid.Errors, Is.Empty, "a probe value the spec allows");

                var ids = await ListAsync(operationId, $"?{name}={Uri.EscapeDataString(text)}");
                if (ids != baseline)
                {
                    return;
                }

                tried.Add($"{name}={text}");
            }

            Assert.Fail($"The emulator ignores the spec's query parameter '{name}' of {operation.Label}: {string.Join(", ", tried)} each left the list as it was ({baseline}).");
        }

        /// <summary>Values the schema allows, as query text and as JSON, that a list can be expected to react to.</summary>
        private static IEnumerable<(string Text, JToken Json)> Candidates(JsonSchema schema)
        {
            if (schema.Enumeration.Count > 0)
            {
                return schema.Enumeration.Select(e => (e!.ToString()!, (JToken)new JValue(e.ToString())));
            }

            if (schema.Type.HasFlag(JsonObjectType.Boolean))
            {
                return new[] { ("true", (JToken)true), ("false", (JToken)false) };
            }

            if (schema.Type.HasFlag(JsonObjectType.Integer))
            {
                var min = (long)(schema.Minimum ?? 0);
                return new[] { min, min + 1 }.Select(v => (v.ToString(CultureInfo.InvariantCulture), (JToken)v));
            }

            if (schema.Format == "date-time")
            {
                return new[] { "2999-01-01T00:00:00Z", "1999-01-01T00:00:00Z" }.Select(v => (v, (JToken)v));
            }

            return new[] { ("no-such-value", (JToken)"no-such-value") };
        }
    }
}
