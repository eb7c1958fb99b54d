using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Models
{
    /// <summary>Every field of <see cref="Message"/>, <see cref="MessageRetrieveResponse"/>, <see cref="MessageListResponse"/> and <see cref="Pagination"/>.</summary>
    public class MessageReadingTests
    {
        private const string GroupMessage = """
            {
              "accountEmail": "ops@example.com",
              "content": "Dinner at 7?",
              "date_sent": "2024-05-14T18:09:40.117Z",
              "date_updated": "2024-05-14T13:09:41.5-05:00",
              "error_code": 10002,
              "error_detail": "Carrier rejected the message",
              "error_message": "Message failed to send",
              "error_reason": "carrier_rejected",
              "from_number": "+16292925296",
              "group_display_name": "Dinner crew",
              "group_id": "7c1e2a90-4b8d-4f3e-9a61-2d5c8e0f1b34",
              "is_outbound": false,
              "media_url": "https://cdn.example.com/photo.heic",
              "message_handle": "b0e1c2d3-0000-4000-8000-000000000001",
              "message_type": "group",
              "number": "+19998887777",
              "opted_out": true,
              "participants": ["+19998887777", "+15551234567"],
              "plan": "dedicated",
              "send_style": "invisible",
              "sendblue_number": "+16292925297",
              "service": "SMS",
              "status": "RECEIVED",
              "to_number": "+15551234567",
              "was_downgraded": true
            }
            """;

        private static void AssertGroupMessage(Message? message)
        {
            Assert.That(message, Is.Not.Null);
            Assert.Multiple(() =>
            {
                Assert.That(message!.AccountEmail, Is.EqualTo("ops@example.com"));
                Assert.That(message.Content, Is.EqualTo("Dinner at 7?"));
                Assert.That(message.DateSent, Is.EqualTo(new DateTimeOffset(2024, 5, 14, 18, 9, 40, 117, TimeSpan.Zero)));
                Assert.That(message.DateSent!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
                Assert.That(message.DateUpdated, Is.EqualTo(new DateTimeOffset(2024, 5, 14, 13, 9, 41, 500, TimeSpan.FromHours(-5))));
                Assert.That(message.DateUpdated!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(-5)));
                Assert.That(message.ErrorCode, Is.EqualTo(10002));
                Assert.That(message.ErrorDetail, Is.EqualTo("Carrier rejected the message"));
                Assert.That(message.ErrorMessage, Is.EqualTo("Message failed to send"));
                Assert.That(message.ErrorReason, Is.EqualTo("carrier_rejected"));
                Assert.That(message.FromNumber, Is.EqualTo("+16292925296"));
                Assert.That(message.GroupDisplayName, Is.EqualTo("Dinner crew"));
                Assert.That(message.GroupId, Is.EqualTo("7c1e2a90-4b8d-4f3e-9a61-2d5c8e0f1b34"));
                Assert.That(message.IsOutbound, Is.False);
                Assert.That(message.MediaUrl, Is.EqualTo("https://cdn.example.com/photo.heic"));
                Assert.That(message.MessageHandle, Is.EqualTo("b0e1c2d3-0000-4000-8000-000000000001"));
                Assert.That(message.MessageType, Is.EqualTo(MessageType.Group));
                Assert.That(message.Number, Is.EqualTo("+19998887777"));
                Assert.That(message.OptedOut, Is.True);
                Assert.That(message.Participants, Is.EqualTo(new[] { "+19998887777", "+15551234567" }));
                Assert.That(message.Plan, Is.EqualTo("dedicated"));
                Assert.That(message.SendStyle, Is.EqualTo(SendStyle.Invisible));
                Assert.That(message.SendblueNumber, Is.EqualTo("+16292925297"));
                Assert.That(message.Service, Is.EqualTo(MessageService.Sms));
                Assert.That(message.Status, Is.EqualTo(MessageStatus.Received));
                Assert.That(message.ToNumber, Is.EqualTo("+15551234567"));
                Assert.That(message.WasDowngraded, Is.True);
                Assert.That(message.AdditionalProperties, Is.Empty);
            });
        }

        [Test]
        public async Task GetAsync_ReadsStatusAndEveryFieldOfData()
        {
            using var client = MockHttp.Returning($$"""{ "status": "OK", "data": {{GroupMessage}} }""").CreateClient();

            var response = await client.Messages.GetAsync("b0e1c2d3-0000-4000-8000-000000000001");

            Assert.That(response.Status, Is.EqualTo("OK"));
            AssertGroupMessage(response.Data);
        }

        [Test]
        public async Task ListAsync_ReadsStatusPaginationAndEveryFieldOfEachMessage()
        {
            var body = $$"""
                {
                  "status": "OK",
                  "data": [ {{GroupMessage}}, {{Payloads.Message("m-2", "DELIVERED")}} ],
                  "pagination": { "hasMore": true, "limit": 2, "offset": 40, "total": 137 }
                }
                """;
            using var client = MockHttp.Returning(body).CreateClient();

            var page = await client.Messages.ListAsync(new MessageListQuery { Limit = 2, Offset = 40 });

            Assert.Multiple(() =>
            {
                Assert.That(page.Status, Is.EqualTo("OK"));
                Assert.That(page.Data, Has.Count.EqualTo(2));
                Assert.That(page.Pagination!.HasMore, Is.True);
                Assert.That(page.Pagination.Limit, Is.EqualTo(2));
                Assert.That(page.Pagination.Offset, Is.EqualTo(40));
                Assert.That(page.Pagination.Total, Is.EqualTo(137));
            });
            AssertGroupMessage(page.Data![0]);

            var second = page.Data[1];
            Assert.Multiple(() =>
            {
                Assert.That(second.MessageHandle, Is.EqualTo("m-2"));
                Assert.That(second.MessageType, Is.EqualTo(MessageType.Message));
                Assert.That(second.Service, Is.EqualTo(MessageService.IMessage));
                Assert.That(second.Status, Is.EqualTo(MessageStatus.Delivered));
                Assert.That(second.SendStyle, Is.Null, "\"\" reads as null");
                Assert.That(second.Participants, Is.Empty);
                Assert.That(second.OptedOut, Is.False);
                Assert.That(second.WasDowngraded, Is.False);
                Assert.That(second.IsOutbound, Is.True);
                Assert.That(second.GroupId, Is.Null);
                Assert.That(second.MediaUrl, Is.Null);
                Assert.That(second.ErrorCode, Is.Null);
                Assert.That(second.AdditionalProperties, Is.Empty);
            });
        }

        // Sendblue documents a location's timestamp only as a string (no format), so the SDK keeps its text:
        // a form it did not foresee must not make the whole page of messages unreadable.
        [TestCase("\"2024-05-14T18:09:40.117Z\"", "2024-05-14T18:09:40.117Z")]
        [TestCase("\"1715710180\"", "1715710180")]
        [TestCase("1715710180", "1715710180")] // epoch seconds as a JSON number
        [TestCase("\"May 14, 2024 at 6:09 PM\"", "May 14, 2024 at 6:09 PM")]
        public async Task ListAsync_LocationTimestamp_KeepsItsTextWhateverTheForm(string json, string timestamp)
        {
            var body = $$"""
                {
                  "status": "OK",
                  "data": [ { "message_handle": "m-loc", "message_type": "location",
                              "location": { "latitude": 40.7, "longitude": -74.0, "accuracy": 12.5, "duration": "1 hour", "timestamp": {{json}} } } ]
                }
                """;
            using var client = MockHttp.Returning(body).CreateClient();

            var page = await client.Messages.ListAsync();

            var location = page.Data![0].Location!;
            Assert.Multiple(() =>
            {
                Assert.That(page.Data[0].MessageType, Is.EqualTo(MessageType.Location));
                Assert.That(location.Latitude, Is.EqualTo(40.7));
                Assert.That(location.Longitude, Is.EqualTo(-74.0));
                Assert.That(location.Accuracy, Is.EqualTo(12.5));
                Assert.That(location.Duration, Is.EqualTo("1 hour"));
                Assert.That(location.Timestamp, Is.EqualTo(timestamp));
            });
        }

        [Test]
        public async Task ListAsync_EmptyPage_WithoutHasMore()
        {
            using var client = MockHttp.Returning("""{"status":"OK","data":[],"pagination":{"limit":100,"offset":0,"total":0}}""").CreateClient();

            var page = await client.Messages.ListAsync();

            Assert.Multiple(() =>
            {
                Assert.That(page.Data, Is.Empty);
                Assert.That(page.Pagination!.HasMore, Is.Null);
                Assert.That(page.Pagination.Total, Is.EqualTo(0));
                Assert.That(page.Data!.Select(m => m.MessageHandle), Is.Empty);
            });
        }
    }
}
