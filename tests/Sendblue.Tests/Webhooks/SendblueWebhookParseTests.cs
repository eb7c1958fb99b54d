using System;
using System.Linq;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Sendblue.Tests.Webhooks
{
    /// <summary>Reading the bodies Sendblue POSTs to a status callback or a receive webhook.</summary>
    public class SendblueWebhookParseTests
    {
        // The shape Sendblue POSTs to a status_callback: camelCase account field, list-style extras.
        private const string StatusCallback = """
            {
              "accountEmail": "ops@example.com",
              "content": "Your table for two is ready.",
              "is_outbound": true,
              "status": "DELIVERED",
              "error_code": null,
              "error_message": null,
              "error_reason": null,
              "error_detail": null,
              "message_handle": "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55",
              "date_created": "2024-05-14T18:03:11.512Z",
              "date_sent": "2024-05-14T18:03:12.904Z",
              "date_updated": "2024-05-14T18:03:14.078Z",
              "from_number": "+16292925296",
              "number": "+19998887777",
              "to_number": "+19998887777",
              "was_downgraded": false,
              "plan": "blue",
              "media_url": "",
              "message_type": "message",
              "group_id": "",
              "participants": [],
              "send_style": "",
              "opted_out": false,
              "sendblue_number": "+16292925296",
              "service": "iMessage"
            }
            """;

        // The shape Sendblue POSTs to a receive webhook for an inbound message.
        private const string Received = """
            {
              "accountEmail": "ops@example.com",
              "content": "Sounds good, see you at 7!",
              "is_outbound": false,
              "status": "RECEIVED",
              "error_code": null,
              "error_message": null,
              "message_handle": "a1b2c3d4-0000-4000-8000-00000000beef",
              "date_sent": "2024-05-14T20:09:40.117+02:00",
              "date_updated": "2024-05-14T18:09:40.117Z",
              "from_number": "+19998887777",
              "number": "+19998887777",
              "to_number": "+16292925296",
              "was_downgraded": null,
              "plan": "dedicated",
              "media_url": "https://storage.googleapis.com/inbound/photo.jpg",
              "message_type": "group",
              "group_id": "7c1e2a90-4b8d-4f3e-9a61-2d5c8e0f1b34",
              "participants": ["+19998887777", "+15551234567"],
              "send_style": "",
              "opted_out": false,
              "sendblue_number": "+16292925296",
              "service": "SMS",
              "group_display_name": null
            }
            """;

        [Test]
        public void StatusCallbackBody_EveryFieldIsRead()
        {
            var message = SendblueWebhook.Parse(StatusCallback);

            Assert.Multiple(() =>
            {
                Assert.That(message.AccountEmail, Is.EqualTo("ops@example.com"));
                Assert.That(message.Content, Is.EqualTo("Your table for two is ready."));
                Assert.That(message.DateCreated, Is.EqualTo(new DateTimeOffset(2024, 5, 14, 18, 3, 11, 512, TimeSpan.Zero)));
                Assert.That(message.DateSent, Is.EqualTo(new DateTimeOffset(2024, 5, 14, 18, 3, 12, 904, TimeSpan.Zero)));
                Assert.That(message.DateSent!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
                Assert.That(message.DateUpdated, Is.EqualTo(new DateTimeOffset(2024, 5, 14, 18, 3, 14, 78, TimeSpan.Zero)));
                Assert.That(message.FromNumber, Is.EqualTo("+16292925296"));
                Assert.That(message.IsOutbound, Is.True);
                Assert.That(message.MediaUrl, Is.EqualTo(string.Empty));
                Assert.That(message.MessageHandle, Is.EqualTo("5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55"));
                Assert.That(message.SendStyle, Is.Null, "\"\" reads as null");
                Assert.That(message.Status, Is.EqualTo(MessageStatus.Delivered));
                Assert.That(message.ToNumber, Is.EqualTo("+19998887777"));
            });
        }

        [Test]
        public void StatusCallbackBody_TheFieldsSendblueDocumentsForCallbacks_AreTyped()
        {
            var message = SendblueWebhook.Parse(StatusCallback);

            Assert.Multiple(() =>
            {
                Assert.That(message.SendblueNumber, Is.EqualTo("+16292925296"));
                Assert.That(message.Service, Is.EqualTo(MessageService.IMessage));
                Assert.That(message.GroupId, Is.EqualTo(string.Empty));
                Assert.That(message.WasDowngraded, Is.False);
                Assert.That(message.ErrorCode, Is.Null);
                Assert.That(message.Participants, Is.Empty);
                Assert.That(message.AdditionalProperties, Is.Empty, "every field of the documented callback body is declared; accountEmail is read, not left over");
            });
        }

        [Test]
        public void ReceiveWebhookBody_EveryFieldIsRead()
        {
            var message = SendblueWebhook.Parse(Received);

            Assert.Multiple(() =>
            {
                Assert.That(message.AccountEmail, Is.EqualTo("ops@example.com"));
                Assert.That(message.Content, Is.EqualTo("Sounds good, see you at 7!"));
                Assert.That(message.DateCreated, Is.Null);
                Assert.That(message.DateSent, Is.EqualTo(new DateTimeOffset(2024, 5, 14, 20, 9, 40, 117, TimeSpan.FromHours(2))));
                Assert.That(message.DateSent!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
                Assert.That(message.DateUpdated, Is.EqualTo(new DateTimeOffset(2024, 5, 14, 18, 9, 40, 117, TimeSpan.Zero)));
                Assert.That(message.FromNumber, Is.EqualTo("+19998887777"));
                Assert.That(message.IsOutbound, Is.False);
                Assert.That(message.MediaUrl, Is.EqualTo("https://storage.googleapis.com/inbound/photo.jpg"));
                Assert.That(message.MessageHandle, Is.EqualTo("a1b2c3d4-0000-4000-8000-00000000beef"));
                Assert.That(message.SendStyle, Is.Null);
                Assert.That(message.Status, Is.EqualTo(MessageStatus.Received));
                Assert.That(message.ToNumber, Is.EqualTo("+16292925296"));

                Assert.That(message.GroupId, Is.EqualTo("7c1e2a90-4b8d-4f3e-9a61-2d5c8e0f1b34"));
                Assert.That(message.Participants, Is.EqualTo(new[] { "+19998887777", "+15551234567" }));
                Assert.That(message.WasDowngraded, Is.Null);
                Assert.That(message.GroupDisplayName, Is.Null);
                Assert.That(message.MessageType, Is.EqualTo(MessageType.Group));
                Assert.That(message.Service, Is.EqualTo(MessageService.Sms));
                Assert.That(message.AdditionalProperties, Is.Empty);
            });
        }

        [Test]
        public void UnlistedStatus_IsKept()
        {
            var message = SendblueWebhook.Parse("""{"message_handle":"h-1","status":"READ","send_style":"loud"}""");

            Assert.Multiple(() =>
            {
                Assert.That(message.Status.ToString(), Is.EqualTo("READ"));
                Assert.That(message.Status!.Value.IsKnown, Is.False);
                Assert.That(message.Status == new MessageStatus("READ"), Is.True);
                Assert.That(message.SendStyle, Is.EqualTo(SendStyle.Loud));
            });
        }

        [Test]
        public void NullForEveryField_ReadsAsNull()
        {
            var message = SendblueWebhook.Parse("""
                {
                  "account_email": null, "accountEmail": null, "content": null, "date_created": null, "date_sent": null,
                  "date_updated": null, "from_number": null, "is_outbound": null, "media_url": null, "message_handle": null,
                  "send_style": null, "status": null, "to_number": null
                }
                """);

            Assert.Multiple(() =>
            {
                foreach (var property in typeof(MessageContent).GetProperties())
                {
                    if (property.Name != nameof(MessageContent.AdditionalProperties))
                    {
                        Assert.That(property.GetValue(message), Is.Null, property.Name);
                    }
                }

                Assert.That(message.AdditionalProperties, Is.Empty);
            });
        }

        [Test]
        public void SurroundingWhitespace_IsFine()
        {
            var message = SendblueWebhook.Parse("\r\n  {\"message_handle\":\"h-1\"}\n\n");

            Assert.That(message.MessageHandle, Is.EqualTo("h-1"));
        }

        [TestCase("""{"STATUS":"SENT"}""")]
        [TestCase("""{"Status":null,"MESSAGE_HANDLE":"h-1"}""")]
        public void FieldNamesInAnotherCase_AreMessageFields_AsTheModelReadsThem(string body)
        {
            var message = SendblueWebhook.Parse(body);

            Assert.That(message.Status == MessageStatus.Sent || message.MessageHandle == "h-1", Is.True, body);
            Assert.That(message.AdditionalProperties, Is.Empty);
        }

        [Test]
        public void ANumberInATextField_KeepsItsText_AsInAnApiResponse()
        {
            var message = SendblueWebhook.Parse("""{"message_handle":"h-1","content":1e3}""");

            Assert.That(message.Content, Is.EqualTo("1e3"));
        }

        [Test]
        public void ALeadingByteOrderMark_IsFine()
        {
            // What Encoding.UTF8.GetString makes of a body that starts with a BOM.
            var body = System.Text.Encoding.UTF8.GetString(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("{\"message_handle\":\"h-1\"}")).ToArray());

            Assert.That(SendblueWebhook.Parse(body).MessageHandle, Is.EqualTo("h-1"));
        }

        public static IEnumerable<TestCaseData> NotAMessage()
        {
            TestCaseData Case(string body, string message, string name) => new TestCaseData(body, message).SetArgDisplayNames(name);

            yield return Case("not json at all", "The webhook body is not valid JSON: ", "text");
            yield return Case("<xml/>", "The webhook body is not valid JSON: ", "xml");
            yield return Case("{\"message_handle\":", "The webhook body is not valid JSON: ", "truncated");
            yield return Case("{\"message_handle\":\"h-1\"} {}", "The webhook body is not valid JSON: ", "two values");
            yield return Case(string.Empty, "The webhook body is not valid JSON: ", "empty");
            yield return Case("   ", "The webhook body is not valid JSON: ", "blank");
            yield return Case(new string('[', 200) + new string(']', 200), "The webhook body is a JSON array, not a Sendblue message object.", "too deep");
            yield return Case("{\"message_handle\":" + new string('[', 200) + new string(']', 200) + "}", "The webhook body is not valid JSON: ", "too deep inside");
            yield return Case("""[{"message_handle":"h-1"}]""", "The webhook body is a JSON array, not a Sendblue message object.", "array");
            yield return Case("\"DELIVERED\"", "The webhook body is a JSON string, not a Sendblue message object.", "string");
            yield return Case("42", "The webhook body is a JSON integer, not a Sendblue message object.", "integer");
            yield return Case("4.2", "The webhook body is a JSON float, not a Sendblue message object.", "float");
            yield return Case("true", "The webhook body is a JSON boolean, not a Sendblue message object.", "boolean");
            yield return Case("null", "The webhook body is a JSON null, not a Sendblue message object.", "null");
            yield return Case("{}", "The webhook body is a JSON object with none of the fields of a Sendblue message (message_handle, status, content, ...).", "{}");
            yield return Case("""{"foo":1}""", "The webhook body is a JSON object with none of the fields of a Sendblue message (message_handle, status, content, ...).", "foo");
            yield return Case("""{"event":"message.delivered","data":{"message_handle":"h-1"}}""", "The webhook body is a JSON object with none of the fields of a Sendblue message", "wrapped");
        }

        [TestCaseSource(nameof(NotAMessage))]
        public void BodyThatIsNotAMessage_ThrowsSendblueException_SayingWhy(string body, string message)
        {
            var ex = Assert.Throws<SendblueException>(() => SendblueWebhook.Parse(body))!;

            Assert.That(ex.Message, Does.StartWith(message));
        }

        [TestCase("""{"message_handle":"h-1","is_outbound":"maybe"}""", "Could not convert string to boolean: maybe. Path 'is_outbound'")]
        [TestCase("""{"message_handle":"h-1","date_created":5}""", "'date_created' must be a date and time (ISO 8601); it is the number 5.")]
        [TestCase("""{"message_handle":"h-1","date_sent":"last tuesday"}""", "'date_sent' must be a date and time (ISO 8601); it is the string \"last tuesday\".")]
        [TestCase("""{"message_handle":"h-1","status":["DELIVERED"]}""", "'status' must be a string; it is an array.")]
        [TestCase("""{"message_handle":"h-1","send_style":{"name":"loud"}}""", "'send_style' must be a string; it is an object.")]
        [TestCase("""{"message_handle":{"id":"h-1"}}""", "Path 'message_handle'")]
        public void FieldOfTheWrongType_ThrowsSendblueException_NamingTheField(string body, string says)
        {
            var ex = Assert.Throws<SendblueException>(() => SendblueWebhook.Parse(body))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.Message, Does.StartWith("The webhook body is not a valid Sendblue message: "));
                Assert.That(ex.Message, Does.Contain(says));
            });
        }

        [Test]
        public void Null_ThrowsArgumentNullException()
        {
            var ex = Assert.Throws<ArgumentNullException>(() => SendblueWebhook.Parse(null!))!;

            Assert.That(ex.ParamName, Is.EqualTo("json"));
        }
    }
}
