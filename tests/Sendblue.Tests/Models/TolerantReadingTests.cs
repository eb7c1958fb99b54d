using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Models
{
    /// <summary>
    /// Tolerant reading: values the spec does not list are kept, <c>""</c> enums and <c>null</c>s
    /// read as null, fields the models do not know are kept, and either spelling of the account
    /// field fills <c>AccountEmail</c>.
    /// </summary>
    public class TolerantReadingTests
    {
        private static async Task<MessageResponse> StatusOf(string body)
        {
            using var client = MockHttp.Returning(body).CreateClient();
            return await client.Messages.GetStatusAsync("h-1");
        }

        private static async Task<Message> RetrievedOf(string messageJson)
        {
            using var client = MockHttp.Returning($$"""{"status":"OK","data":{{messageJson}}}""").CreateClient();
            return (await client.Messages.GetAsync("m-1")).Data!;
        }

        private static async Task<Message> ListedOf(string messageJson)
        {
            using var client = MockHttp.Returning($$"""{"status":"OK","data":[{{messageJson}}]}""").CreateClient();
            return (await client.Messages.ListAsync()).Data!.Single();
        }

        [Test]
        public async Task UnlistedStatus_IsKept_Printable_ComparableAndNotKnown()
        {
            var response = await StatusOf("""{"message_handle":"h-1","status":"READ"}""");

            var status = response.Status!.Value;
            Assert.Multiple(() =>
            {
                Assert.That(status.ToString(), Is.EqualTo("READ"));
                Assert.That(status == new MessageStatus("READ"), Is.True);
                Assert.That(status, Is.EqualTo((MessageStatus)"READ"));
                Assert.That(status != MessageStatus.Delivered, Is.True);
                Assert.That(status.IsKnown, Is.False);
                Assert.That(MessageStatus.KnownValues, Does.Not.Contain(status));
                Assert.That($"{response.Status}", Is.EqualTo("READ"));
            });
        }

        [Test]
        public async Task UnlistedValues_OfEveryEnumField_OfAMessage_AreKept()
        {
            var message = await ListedOf("""{"message_handle":"m-1","status":"READ","service":"WhatsApp","message_type":"broadcast","send_style":"sparkle"}""");

            Assert.Multiple(() =>
            {
                Assert.That(message.Status.ToString(), Is.EqualTo("READ"));
                Assert.That(message.Service.ToString(), Is.EqualTo("WhatsApp"));
                Assert.That(message.Service!.Value.IsKnown, Is.False);
                Assert.That(message.MessageType.ToString(), Is.EqualTo("broadcast"));
                Assert.That(message.MessageType!.Value.IsKnown, Is.False);
                Assert.That(message.SendStyle.ToString(), Is.EqualTo("sparkle"));
                Assert.That(message.SendStyle!.Value.IsKnown, Is.False);
            });
        }

        [Test]
        public async Task NumberWhereAnEnumBelongs_IsKeptAsItsText()
        {
            var response = await StatusOf("""{"status":3}""");

            Assert.That(response.Status.ToString(), Is.EqualTo("3"));
        }

        [Test]
        public async Task EmptyStringEnums_ReadAsNull_OnMessageResponse()
        {
            var response = await StatusOf("""{"message_handle":"h-1","send_style":"","status":""}""");

            Assert.Multiple(() =>
            {
                Assert.That(response.SendStyle, Is.Null);
                Assert.That(response.Status, Is.Null);
                Assert.That(response.MessageHandle, Is.EqualTo("h-1"));
                Assert.That(response.AdditionalProperties, Is.Empty, "a declared field is not an unknown one");
            });
        }

        [Test]
        public async Task EmptyStringEnum_ThenSetAndReserialized_WritesTheFieldOnce()
        {
            var response = await StatusOf("""{"message_handle":"h-1","send_style":""}""");
            response.SendStyle = SendStyle.Loud;

            var json = Newtonsoft.Json.JsonConvert.SerializeObject(response);

            Assert.That(json, Is.EqualTo("""{"message_handle":"h-1","send_style":"loud"}"""));
        }

        [Test]
        public async Task EmptyStringEnums_ReadAsNull_OnMessage()
        {
            var message = await RetrievedOf("""{"message_handle":"m-1","send_style":"","status":"","service":"","message_type":""}""");

            Assert.Multiple(() =>
            {
                Assert.That(message.SendStyle, Is.Null);
                Assert.That(message.Status, Is.Null);
                Assert.That(message.Service, Is.Null);
                Assert.That(message.MessageType, Is.Null);
                Assert.That(message.AdditionalProperties, Is.Empty, "declared fields are not unknown ones");
            });
        }

        private static IEnumerable<PropertyInfo> ModelProperties(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.Name != nameof(MessageResponse.AdditionalProperties));

        private static string AllNull(params string[] wireNames) =>
            "{" + string.Join(",", wireNames.Select(n => $"\"{n}\":null")) + "}";

        [Test]
        public async Task NullForEveryField_ReadsAsNull_OnMessageResponse()
        {
            var response = await StatusOf(AllNull(
                "account_email", "accountEmail", "content", "date_created", "date_updated", "error_code", "error_message", "from_number",
                "is_outbound", "media_url", "message_handle", "number", "send_style", "status"));

            Assert.Multiple(() =>
            {
                foreach (var property in ModelProperties(typeof(MessageResponse)))
                {
                    Assert.That(property.GetValue(response), Is.Null, property.Name);
                }

                Assert.That(response.AdditionalProperties, Is.Empty);
            });
        }

        [Test]
        public async Task NullForEveryField_ReadsAsNull_OnMessage()
        {
            var message = await ListedOf(AllNull(
                "accountEmail", "account_email", "content", "date_sent", "date_updated", "error_code", "error_detail", "error_message",
                "error_reason", "from_number", "group_display_name", "group_id", "is_outbound", "media_url", "message_handle",
                "message_type", "number", "opted_out", "participants", "plan", "send_style", "sendblue_number", "service", "status",
                "to_number", "was_downgraded"));

            Assert.Multiple(() =>
            {
                foreach (var property in ModelProperties(typeof(Message)))
                {
                    Assert.That(property.GetValue(message), Is.Null, property.Name);
                }

                Assert.That(message.AdditionalProperties, Is.Empty);
            });
        }

        [Test]
        public async Task NullForEveryField_ReadsAsNull_OnListAndRetrieveResponses()
        {
            using var client = MockHttp.Returning("""{"status":null,"data":null,"pagination":null}""").CreateClient();
            var page = await client.Messages.ListAsync();
            using var client2 = MockHttp.Returning("""{"status":null,"data":null}""").CreateClient();
            var retrieved = await client2.Messages.GetAsync("m-1");
            using var client3 = MockHttp.Returning("""{"data":[],"pagination":{"hasMore":null,"limit":null,"offset":null,"total":null}}""").CreateClient();
            var pagination = (await client3.Messages.ListAsync()).Pagination!;

            Assert.Multiple(() =>
            {
                Assert.That(page.Status, Is.Null);
                Assert.That(page.Data, Is.Null);
                Assert.That(page.Pagination, Is.Null);
                Assert.That(retrieved.Status, Is.Null);
                Assert.That(retrieved.Data, Is.Null);
                Assert.That(pagination.HasMore, Is.Null);
                Assert.That(pagination.Limit, Is.Null);
                Assert.That(pagination.Offset, Is.Null);
                Assert.That(pagination.Total, Is.Null);
            });
        }

        [Test]
        public async Task UnknownFields_LandInAdditionalProperties_OnMessageResponse()
        {
            var response = await StatusOf("""
                {
                  "message_handle": "h-1",
                  "carrier": "T-Mobile",
                  "segments": 2,
                  "billable": true,
                  "sent_at": "2024-05-14T18:03:12.904Z",
                  "nothing": null,
                  "routing": { "region": "us-east", "hops": [1, 2] }
                }
                """);

            var extra = response.AdditionalProperties;
            Assert.Multiple(() =>
            {
                Assert.That(response.MessageHandle, Is.EqualTo("h-1"));
                Assert.That(extra.Keys, Is.EquivalentTo(new[] { "carrier", "segments", "billable", "sent_at", "nothing", "routing" }));
                Assert.That(extra["carrier"], Is.EqualTo("T-Mobile"));
                Assert.That(extra["segments"], Is.EqualTo(2));
                Assert.That(extra["billable"], Is.EqualTo(true));
                Assert.That(extra["sent_at"], Is.EqualTo("2024-05-14T18:03:12.904Z"), "an unknown date stays the text it was");
                Assert.That(extra["nothing"], Is.Null);
                var routing = (JObject)extra["routing"];
                Assert.That((string?)routing["region"], Is.EqualTo("us-east"));
                Assert.That(routing["hops"]!.Values<int>(), Is.EqualTo(new[] { 1, 2 }));
            });
        }

        [Test]
        public async Task UnknownFields_LandInAdditionalProperties_AtEveryLevelOfAList()
        {
            using var client = MockHttp.Returning("""
                {
                  "status": "OK",
                  "request_id": "req-1",
                  "data": [ { "message_handle": "m-1", "reactions": { "love": 2 }, "thread_id": "t-9" } ],
                  "pagination": { "hasMore": false, "limit": 1, "offset": 0, "total": 1, "cursor": "abc" }
                }
                """).CreateClient();

            var page = await client.Messages.ListAsync();

            var message = page.Data!.Single();
            Assert.Multiple(() =>
            {
                Assert.That(page.AdditionalProperties["request_id"], Is.EqualTo("req-1"));
                Assert.That(page.Pagination!.AdditionalProperties["cursor"], Is.EqualTo("abc"));
                Assert.That(message.AdditionalProperties["thread_id"], Is.EqualTo("t-9"));
                Assert.That((int?)((JObject)message.AdditionalProperties["reactions"])["love"], Is.EqualTo(2));
            });
        }

        [Test]
        public async Task UnknownFields_LandInAdditionalProperties_OnRetrieve()
        {
            using var client = MockHttp.Returning("""{"status":"OK","trace":{"id":"x"},"data":{"message_handle":"m-1","worker_id":"w-1"}}""").CreateClient();

            var retrieved = await client.Messages.GetAsync("m-1");

            Assert.Multiple(() =>
            {
                Assert.That(retrieved.AdditionalProperties["trace"], Is.InstanceOf<JObject>());
                Assert.That(retrieved.Data!.AdditionalProperties["worker_id"], Is.EqualTo("w-1"));
            });
        }

        [TestCase("account_email")]
        [TestCase("accountEmail")]
        public async Task EitherSpellingOfTheAccountField_FillsAccountEmail_OnMessageResponse(string spelling)
        {
            var response = await StatusOf($$"""{"{{spelling}}":"ops@example.com","message_handle":"h-1"}""");

            Assert.Multiple(() =>
            {
                Assert.That(response.AccountEmail, Is.EqualTo("ops@example.com"));
                Assert.That(response.AdditionalProperties, Is.Empty);
            });
        }

        [TestCase("account_email")]
        [TestCase("accountEmail")]
        public async Task EitherSpellingOfTheAccountField_FillsAccountEmail_OnMessage(string spelling)
        {
            var listed = await ListedOf($$"""{"{{spelling}}":"ops@example.com","message_handle":"m-1"}""");
            var retrieved = await RetrievedOf($$"""{"{{spelling}}":"ops@example.com","message_handle":"m-1"}""");

            Assert.Multiple(() =>
            {
                Assert.That(listed.AccountEmail, Is.EqualTo("ops@example.com"));
                Assert.That(retrieved.AccountEmail, Is.EqualTo("ops@example.com"));
                Assert.That(listed.AdditionalProperties, Is.Empty);
            });
        }

        [TestCase("account_email")]
        [TestCase("accountEmail")]
        public void EitherSpellingOfTheAccountField_FillsAccountEmail_OnMessageContent(string spelling)
        {
            var content = SendblueWebhook.Parse($$"""{"{{spelling}}":"ops@example.com","message_handle":"m-1"}""");

            Assert.Multiple(() =>
            {
                Assert.That(content.AccountEmail, Is.EqualTo("ops@example.com"));
                Assert.That(content.AdditionalProperties, Is.Empty);
            });
        }

        [TestCase("""{"accountEmail":"camel@example.com","account_email":"snake@example.com"}""")]
        [TestCase("""{"account_email":"snake@example.com","accountEmail":"camel@example.com"}""")]
        public async Task BothSpellings_TheSpecsSpellingWins_WhateverTheOrder(string fields)
        {
            var body = fields.TrimEnd('}') + ",\"message_handle\":\"m-1\"}";

            var response = await StatusOf(body);
            var message = await ListedOf(body);
            var content = SendblueWebhook.Parse(body);

            Assert.Multiple(() =>
            {
                Assert.That(response.AccountEmail, Is.EqualTo("snake@example.com"), "MessageResponse: the spec says account_email");
                Assert.That(message.AccountEmail, Is.EqualTo("camel@example.com"), "Message: the spec says accountEmail");
                Assert.That(content.AccountEmail, Is.EqualTo("snake@example.com"), "MessageContent: the spec says account_email");
            });
        }

        [Test]
        public async Task NullInTheSpecsSpelling_LetsTheOtherSpellingThrough()
        {
            var response = await StatusOf("""{"account_email":null,"accountEmail":"ops@example.com"}""");
            var message = await ListedOf("""{"accountEmail":null,"account_email":"ops@example.com"}""");

            Assert.Multiple(() =>
            {
                Assert.That(response.AccountEmail, Is.EqualTo("ops@example.com"));
                Assert.That(message.AccountEmail, Is.EqualTo("ops@example.com"));
            });
        }

        [TestCase("0", 0)]
        [TestCase("4001", 4001)]
        [TestCase("10002", 10002)]
        [TestCase("-1", -1)]
        [TestCase("2147483647", int.MaxValue)]
        [TestCase("\"4001\"", 4001)]
        public async Task ErrorCode_ReadsIntegralCodes(string wire, int expected)
        {
            var response = await StatusOf($$"""{"error_code":{{wire}}}""");
            var message = await ListedOf($$"""{"error_code":{{wire}}}""");

            Assert.Multiple(() =>
            {
                Assert.That(response.ErrorCode, Is.EqualTo(expected));
                Assert.That(message.ErrorCode, Is.EqualTo(expected));
            });
        }

        /// <summary>
        /// A model read by your own <c>JsonConvert.DeserializeObject</c> meets a reader with
        /// Newtonsoft's default <c>DateParseHandling.DateTime</c>, which has already turned a
        /// <c>format: date</c> value into a date token (no field of today's spec is a date; the
        /// generated converters call this read for one).
        /// </summary>
        [TestCase("2024-05-14")]
        [TestCase("2024-05-14T00:00:00")]
        public void AFormatDateField_ReadsTheDate_WhenTheCallersReaderHasAlreadyParsedIt(string text)
        {
            using var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader($$"""{"day":"{{text}}"}""")) { DateParseHandling = Newtonsoft.Json.DateParseHandling.DateTime };
            reader.Read();
            reader.Read();

            Assert.That(Sendblue.Serialization.JsonRead.Date(reader), Is.EqualTo(new DateTime(2024, 5, 14)));
        }
    }
}
