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
    /// The emulator acts on every query parameter the spec gives the list operation: for each one,
    /// some value the spec allows changes the list. The parameters come from the spec and the emulator
    /// reads its own names, so a parameter renamed (or added) in the spec alone fails here.
    /// </summary>
    public class EmulatorHonoursEverySpecParameterTests
    {
        private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        private SendblueEmulator _emulator = null!;
        private HttpClient _http = null!;
        private string _baseline = null!;

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

            _baseline = await ListAsync(string.Empty);
            Assert.That(_baseline, Is.EqualTo("d,c,b,a"), "newest created first, when no parameter is given");
        }

        [OneTimeTearDown]
        public async Task Stop()
        {
            _http.Dispose();
            await _emulator.DisposeAsync();
        }

        /// <summary>The handles the list answers with, in order; the response must be a 200 that conforms to the spec.</summary>
        private async Task<string> ListAsync(string query)
        {
            using var response = await _http.GetAsync("api/v2/messages" + query);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET /api/v2/messages{query}: {body}");
            var check = SpecContract.Shared.CheckResponse("List", 200, body);
            Assert.That(check.Errors, Is.Empty, check.ToString());
            return string.Join(",", JObject.Parse(body)["data"]!.Select(m => (string?)m["message_handle"]));
        }

        private static IEnumerable<TestCaseData> Parameters() =>
            SpecContract.Shared.Operation("List").QueryParameters.Select(p => new TestCaseData(p.Name).SetArgDisplayNames(p.Name));

        [TestCaseSource(nameof(Parameters))]
        public async Task TheEmulator_ActsOnTheParameter(string name)
        {
            var parameter = SpecContract.Shared.Operation("List").QueryParameters.Single(p => p.Name == name);
            var schema = (parameter.Schema ?? parameter).ActualSchema;
            var tried = new List<string>();
            foreach (var (text, json) in Candidates(schema))
            {
                var valid = SpecContract.Check($"value {text} of {name}", schema, json);
                Assert.That(valid.Errors, Is.Empty, "a probe value the spec allows");

                var handles = await ListAsync($"?{name}={Uri.EscapeDataString(text)}");
                if (handles != _baseline)
                {
                    return;
                }

                tried.Add($"{name}={text}");
            }

            Assert.Fail($"The emulator ignores the spec's query parameter '{name}' of GET /api/v2/messages: {string.Join(", ", tried)} each left the list as it was ({_baseline}).");
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
