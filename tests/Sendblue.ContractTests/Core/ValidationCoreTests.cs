using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NJsonSchema;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;

namespace Sendblue.ContractTests.Core
{
    /// <summary>The validation core judges bodies correctly: what must pass passes, what must fail fails with a readable error.</summary>
    public class ValidationCoreTests
    {
        private static SpecContract Spec => SpecContract.Shared;

        private const string Item = """
            {"accountEmail":"ops@example.com","content":"Hi","date_sent":"2024-05-14T18:03:12.904Z","error_code":null,"error_message":null,
             "group_id":null,"is_outbound":true,"media_url":null,"message_handle":"h-1","message_type":"message","plan":"blue",
             "service":"iMessage","status":"DELIVERED","sendblue_number":null,"was_downgraded":false}
            """;

        private static string Page(string item) => "{\"status\":\"OK\",\"data\":[" + item + "],\"pagination\":{\"hasMore\":false,\"limit\":1,\"offset\":0,\"total\":1}}";

        [Test]
        public void Operations_AreFoundById_ByTemplate_AndByConcretePath()
        {
            Assert.Multiple(() =>
            {
                Assert.That(Spec.Operations.Select(o => o.QualifiedId), Is.SupersetOf(new[] { "Messages.Send", "Messages.GetStatus", "Messages.Get", "Messages.List" }));
                Assert.That(Spec.Operations.Select(o => o.QualifiedId), Is.Unique);
                Assert.That(Spec.Operation("Get"), Is.SameAs(Spec.Operation("Messages.Get")));
                Assert.That(Spec.Operation("TypingIndicators.Send").OperationId, Is.EqualTo("TypingIndicators_Send"));
                Assert.That(Spec.Operation("TypingIndicators_Send").QualifiedId, Is.EqualTo("TypingIndicators.Send"));
                Assert.That(Spec.Find("GET", "/api/v2/contacts/count")?.QualifiedId, Is.EqualTo("Contacts.Count"));
                Assert.That(Spec.Find("GET", "/api/v2/contacts/%2B19998887777")?.QualifiedId, Is.EqualTo("Contacts.Get"));
                Assert.That(Spec.Operation("GET", "/api/v2/messages/{message_id}").OperationId, Is.EqualTo("Get"));
                Assert.That(Spec.Find("GET", "/api/v2/messages/abc-123")?.OperationId, Is.EqualTo("Get"));
                Assert.That(Spec.Find("GET", "/api/v2/messages")?.OperationId, Is.EqualTo("List"));
                Assert.That(Spec.Find("POST", "/api/send-message")?.OperationId, Is.EqualTo("Send"));
                Assert.That(Spec.Find("DELETE", "/api/v2/messages/abc"), Is.Null);
                Assert.That(Spec.Operation("List").Response(200)?.Schema, Is.SameAs(Spec.Schema("MessageListResponse")));
            });
        }

        [Test]
        public void AConformingListPage_IsValid()
        {
            var check = Spec.CheckResponse("List", 200, Page(Item));

            Assert.That(check.Errors, Is.Empty, check.ToString());
            Assert.That(check.Drift, Is.Empty);
        }

        [Test]
        public void NullOnANullableField_Passes()
        {
            var check = Spec.CheckResponse("GetStatus", 200, """{"error_code":null,"error_message":null,"status":"ERROR"}""");

            Assert.That(check.IsValid, Is.True, check.ToString());
        }

        [Test]
        public void NullOnANonNullableField_FailsWithItsPath()
        {
            var check = Spec.CheckResponse("List", 200, Page(Item.Replace("\"plan\":\"blue\"", "\"plan\":null")));

            Assert.That(check.Errors, Is.EqualTo(new[]
            {
                "GET /api/v2/messages 200: $.data[0].plan: null, which the spec does not allow here (the field is not nullable)",
            }));
        }

        [Test]
        public void AnEnumValueTheSpecDoesNotList_FailsReadably_AndIsDrift()
        {
            var check = Spec.CheckResponse("List", 200, Page(Item.Replace("\"DELIVERED\"", "\"LOST\"")));

            Assert.Multiple(() =>
            {
                Assert.That(check.Errors, Is.EqualTo(new[]
                {
                    "GET /api/v2/messages 200: $.data[0].status: 'LOST' is not one of REGISTERED, PENDING, SENT, DELIVERED, RECEIVED, QUEUED, ERROR, DECLINED, ACCEPTED, SUCCESS",
                }));
                Assert.That(check.Drift.Single(), Is.EqualTo(new DriftFinding(
                    DriftKind.UnknownEnumValue,
                    "GET /api/v2/messages 200",
                    "$.data[*].status",
                    "'LOST' (the spec lists REGISTERED, PENDING, SENT, DELIVERED, RECEIVED, QUEUED, ERROR, DECLINED, ACCEPTED, SUCCESS)")));
            });
        }

        [TestCase("\"error_code\":\"4001\"", "$.error_code: '4001' is not an integer")]
        [TestCase("\"error_code\":40.5", "$.error_code: 40.5 is not an integer")]
        [TestCase("\"is_outbound\":\"yes\"", "$.is_outbound: 'yes' is not a boolean")]
        [TestCase("\"date_created\":\"yesterday\"", "$.date_created: 'yesterday' is not an ISO 8601 date-time")]
        [TestCase("\"send_style\":\"sparkle\"", "$.send_style: 'sparkle' is not one of celebration, shooting_star, fireworks, lasers, love, confetti, balloons, spotlight, echo, invisible, gentle, loud, slam")]
        public void AWrongType_Fails_NamingTheFieldAndTheValue(string field, string error)
        {
            var check = Spec.CheckResponse("Send", 200, "{\"message_handle\":\"h\"," + field + "}");

            Assert.That(check.Errors, Is.EqualTo(new[] { "POST /api/send-message 200: " + error }));
        }

        [Test]
        public void AFieldTheSpecLacks_IsDrift_NotAnError()
        {
            var check = Spec.CheckResponse("List", 200, Page(Item.Replace("\"plan\":\"blue\"", "\"plan\":\"blue\",\"read_at\":\"2024-05-14T18:04:00Z\"")));

            Assert.Multiple(() =>
            {
                Assert.That(check.IsValid, Is.True, check.ToString());
                Assert.That(check.Drift, Is.EqualTo(new[]
                {
                    new DriftFinding(DriftKind.UnknownField, "GET /api/v2/messages 200", "$.data[*].read_at", "string, such as '2024-05-14T18:04:00Z'"),
                }));
            });
        }

        [Test]
        public void AnEmptyStringForAnEnum_ReadsAsNoValue_ButIsListedAsDrift()
        {
            var check = Spec.CheckSchema("MessageContent", """{"status":"RECEIVED","send_style":""}""", "webhook");

            Assert.Multiple(() =>
            {
                Assert.That(check.IsValid, Is.True, check.ToString());
                Assert.That(check.Drift.Single().Kind, Is.EqualTo(DriftKind.EmptyEnumValue));
                Assert.That(check.Drift.Single().Location, Is.EqualTo("$.send_style"));
            });
        }

        [Test]
        public async Task AUnionValue_IsJudgedByTheBranchItMatches()
        {
            // The shape of a webhook entry: a URL, or an object with a url.
            var schema = await JsonSchema.FromJsonAsync("""
                {"type":"array","items":{"oneOf":[{"type":"string","format":"uri"},
                  {"type":"object","required":["url"],"properties":{"url":{"type":"string"},"secret":{"type":"string"}}}]}}
                """);

            var valid = SpecContract.Check("entries", schema, """["https://example.com/a",{"url":"https://example.com/b","secret":"s"}]""");
            var drifting = SpecContract.Check("entries", schema, """[{"url":"https://example.com/b","label":"new"}]""");
            var invalid = SpecContract.Check("entries", schema, """[{"secret":"s"}]""");

            Assert.Multiple(() =>
            {
                Assert.That(valid.IsValid, Is.True, valid.ToString());
                Assert.That(valid.Drift, Is.Empty, "the object's fields are the object branch's, not unknown");
                Assert.That(drifting.Drift.Single(), Is.EqualTo(new DriftFinding(DriftKind.UnknownField, "entries", "$[*].label", "string, such as 'new'")));
                Assert.That(invalid.Errors, Is.Not.Empty);
            });
        }

        [Test]
        public async Task AnAliasTheSpecNames_IsNoDrift_AndOtherUnknownFieldsStillAre()
        {
            var schema = await JsonSchema.FromJsonAsync("""
                {"type":"object","properties":{"first_name":{"type":"string","x-sendblue-aliases":["firstName"]}}}
                """);

            var check = SpecContract.Check("contact", schema, """{"firstName":"Ada","nickname":"A"}""");

            Assert.That(check.Drift.Select(d => d.Location), Is.EqualTo(new[] { "$.nickname" }));
        }

        [Test]
        public void AWebhookEntry_IsAUrlOrAConfiguration_AndNothingElse()
        {
            Assert.Multiple(() =>
            {
                Assert.That(Spec.CheckRequest("Webhooks.Create", """{"webhooks":["https://example.com/a",{"url":"https://example.com/b","secret":"s","sendblue_numbers":["+16292925296"]}]}""").Drift, Is.Empty);
                Assert.That(Spec.CheckRequest("Webhooks.Create", """{"webhooks":["https://example.com/a"]}""").IsValid, Is.True);
                Assert.That(Spec.CheckRequest("Webhooks.Create", """{"webhooks":[42]}""").IsValid, Is.False, "a number is neither form");
                Assert.That(Spec.CheckRequest("Webhooks.Create", """{"webhooks":[{"secret":"s"}]}""").IsValid, Is.False, "an object needs its url");
                Assert.That(Spec.CheckResponse("Webhooks.List", 200, """{"status":"OK","webhooks":{"receive":[{"url":"https://example.com/b","label":"x"}]}}""").Drift.Single().Location,
                    Is.EqualTo("$.webhooks.receive[*].label"));
            });
        }

        [Test]
        public async Task ARequiredFieldMissing_FailsAndIsDrift()
        {
            var schema = await JsonSchema.FromJsonAsync("""{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"n":{"type":"integer"}}}""");

            var check = SpecContract.Check("thing", schema, """{"n":1}""");

            Assert.Multiple(() =>
            {
                Assert.That(check.Errors.Single(), Does.StartWith("thing: ").And.Contain("'id' is missing"));
                Assert.That(check.Drift.Single(), Is.EqualTo(new DriftFinding(DriftKind.MissingRequiredField, "thing", "$.id", "required by the spec, absent")));
            });
        }

        [Test]
        public void A429WithoutRetryAfter_Fails_AndWithItPasses()
        {
            const string body = """{"status":"ERROR","message":"Too many requests"}""";

            var without = Spec.CheckResponse("List", 429, body, new Dictionary<string, string> { ["Content-Type"] = "application/json" });
            var with = Spec.CheckResponse("List", 429, body, new Dictionary<string, string> { ["retry-after"] = "3" });

            Assert.Multiple(() =>
            {
                Assert.That(without.Errors, Is.EqualTo(new[] { "GET /api/v2/messages 429: header Retry-After is missing (the spec declares it on this response)" }));
                Assert.That(with.IsValid, Is.True, with.ToString());
            });
        }

        [Test]
        public void AStatusTheSpecDoesNotDeclare_Fails()
        {
            var check = Spec.CheckResponse("Get", 418, "{}");

            Assert.That(check.Errors.Single(), Does.StartWith("GET /api/v2/messages/{message_id} 418: the spec declares no 418 response for Get"));
        }

        [TestCase("<html>oops</html>")]
        [TestCase("")]
        [TestCase("{\"status\":\"OK\"} trailing")]
        public void ABodyThatIsNotJson_Fails(string body)
        {
            var check = Spec.CheckResponse("Get", 200, body);

            Assert.That(check.Errors.Single(), Does.StartWith("GET /api/v2/messages/{message_id} 200: the body is not JSON"));
        }

        [Test]
        public void AnErrorBody_IsJudgedByTheErrorSchema()
        {
            Assert.Multiple(() =>
            {
                Assert.That(Spec.CheckResponse("Send", 400, """{"status":"ERROR","error_message":"from_number is required"}""").IsValid, Is.True);
                Assert.That(Spec.CheckResponse("Send", 400, """{"status":"ERROR","error_message":{"code":1}}""").Errors.Single(),
                    Is.EqualTo("POST /api/send-message 400: $.error_message: {\"code\":1} is not a string"));
            });
        }

        [Test]
        public void TheDriftReport_ListsEachKindInItsSection()
        {
            var report = new DriftReport("Contract drift: test");
            report.Add(Spec.CheckResponse("List", 200, Page(Item.Replace("\"DELIVERED\"", "\"READ\"").Replace("\"plan\":\"blue\"", "\"plan\":\"blue\",\"read_at\":null"))));
            report.Add(Spec.CheckResponse("GetStatus", 200, """{"status":"SENT"}"""));
            report.Note("read-only run");

            var markdown = report.ToMarkdown();

            Assert.Multiple(() =>
            {
                Assert.That(markdown, Does.StartWith("# Contract drift: test"));
                Assert.That(markdown, Does.Contain("2 bodies checked, 1 failed validation."));
                Assert.That(markdown, Does.Contain("- read-only run"));
                Assert.That(markdown, Does.Contain("| GET /api/v2/messages 200 | 1 of 1 violate the spec |"));
                Assert.That(markdown, Does.Contain("| GET /api/status 200 | 1 conform |"));
                Assert.That(markdown, Does.Contain("## Fields the API sent that the spec lacks\n\n| where | field | detail | times |\n|---|---|---|---|\n| GET /api/v2/messages 200 | `$.data[*].read_at` | null | 1 |"));
                Assert.That(markdown, Does.Contain("## Enum values not in the spec\n\n| where | field | detail | times |\n|---|---|---|---|\n| GET /api/v2/messages 200 | `$.data[*].status` | 'READ' (the spec lists"));
                Assert.That(markdown, Does.Contain("## Fields the spec requires that were missing\n\nNone."));
            });
        }
    }
}
