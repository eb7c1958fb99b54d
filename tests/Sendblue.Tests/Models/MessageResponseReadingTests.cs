using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Models
{
    /// <summary>Every field of <see cref="MessageResponse"/>, as the send and status operations return it.</summary>
    public class MessageResponseReadingTests
    {
        private const string Failed = """
            {
              "account_email": "ops@example.com",
              "content": "Your table for two is ready.",
              "date_created": "2024-05-14T18:03:11.512Z",
              "date_updated": "2024-05-14T20:03:14.078+02:00",
              "error_code": 4001,
              "error_message": "The recipient is not reachable on iMessage or SMS.",
              "from_number": "+16292925296",
              "is_outbound": true,
              "media_url": "https://cdn.example.com/menu.jpg",
              "message_handle": "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55",
              "number": "+19998887777",
              "send_style": "shooting_star",
              "status": "ERROR"
            }
            """;

        public static IEnumerable<TestCaseData> BothOperations()
        {
            yield return new TestCaseData(Operations.Send).SetArgDisplayNames("SendAsync");
            yield return new TestCaseData(Operations.GetStatus).SetArgDisplayNames("GetStatusAsync");
        }

        [TestCaseSource(nameof(BothOperations))]
        public async Task EveryField_IsRead(Operation operation)
        {
            using var client = MockHttp.Returning(Failed).CreateClient();

            var response = (MessageResponse)await operation.Invoke(client.Messages);

            Assert.Multiple(() =>
            {
                Assert.That(response.AccountEmail, Is.EqualTo("ops@example.com"));
                Assert.That(response.Content, Is.EqualTo("Your table for two is ready."));
                Assert.That(response.DateCreated, Is.EqualTo(new DateTimeOffset(2024, 5, 14, 18, 3, 11, 512, TimeSpan.Zero)));
                Assert.That(response.DateCreated!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
                Assert.That(response.DateUpdated, Is.EqualTo(new DateTimeOffset(2024, 5, 14, 20, 3, 14, 78, TimeSpan.FromHours(2))));
                Assert.That(response.DateUpdated!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(2)), "the offset on the wire is kept");
                Assert.That(response.ErrorCode, Is.EqualTo(4001));
                Assert.That(response.ErrorMessage, Is.EqualTo("The recipient is not reachable on iMessage or SMS."));
                Assert.That(response.FromNumber, Is.EqualTo("+16292925296"));
                Assert.That(response.IsOutbound, Is.True);
                Assert.That(response.MediaUrl, Is.EqualTo("https://cdn.example.com/menu.jpg"));
                Assert.That(response.MessageHandle, Is.EqualTo("5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55"));
                Assert.That(response.Number, Is.EqualTo("+19998887777"));
                Assert.That(response.SendStyle, Is.EqualTo(SendStyle.ShootingStar));
                Assert.That(response.Status, Is.EqualTo(MessageStatus.Error));
                Assert.That(response.AdditionalProperties, Is.Empty);
            });
        }

        [Test]
        public async Task QueuedSend_AsTheApiAnswersIt_IsRead()
        {
            using var client = MockHttp.Returning(Payloads.MessageResponse).CreateClient();

            var response = await client.Messages.SendAsync(Operations.NewRequest());

            Assert.Multiple(() =>
            {
                Assert.That(response.Status, Is.EqualTo(MessageStatus.Queued));
                Assert.That(response.SendStyle, Is.EqualTo(SendStyle.Celebration));
                Assert.That(response.ErrorCode, Is.Null);
                Assert.That(response.ErrorMessage, Is.Null);
                Assert.That(response.MediaUrl, Is.EqualTo(string.Empty), "an empty string field stays an empty string");
                Assert.That(response.DateUpdated, Is.EqualTo(new DateTimeOffset(2024, 5, 14, 18, 3, 14, 78, TimeSpan.Zero)));
            });
        }
    }
}
