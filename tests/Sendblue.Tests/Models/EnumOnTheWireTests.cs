using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Newtonsoft.Json;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Models
{
    /// <summary>
    /// Enum-likes leave the SDK as their wire strings, in a request body and on the query string
    /// (the Wire tests cover one value of each; these cover the rest and unknown values).
    /// </summary>
    public class EnumOnTheWireTests
    {
        public static IEnumerable<TestCaseData> SendStyles()
        {
            foreach (var style in SendStyle.KnownValues)
            {
                yield return new TestCaseData(style).SetArgDisplayNames(style.ToString());
            }
        }

        [Test]
        public void ASendStyleTheSpecDoesNotList_IsRefusedBeforeSending()
        {
            // The spec's enum of a request is a rule of the API: an unknown style would be a 400.
            var http = MockHttp.Returning(Payloads.MessageResponse);
            using var client = http.CreateClient();
            var request = Operations.NewRequest();
            request.SendStyle = new SendStyle("sparkle");

            var ex = Assert.ThrowsAsync<ArgumentException>(() => client.Messages.SendAsync(request))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.ParamName, Is.EqualTo("request"));
                Assert.That(ex.Message, Does.StartWith("SendMessageRequest.SendStyle is 'sparkle', which is not one of celebration, shooting_star, fireworks,"));
                Assert.That(http.Requests, Is.Empty);
            });
        }

        [TestCaseSource(nameof(SendStyles))]
        public async Task SendStyle_IsWrittenAsItsWireString(SendStyle style)
        {
            var http = MockHttp.Returning(Payloads.MessageResponse);
            using var client = http.CreateClient();
            var request = Operations.NewRequest();
            request.SendStyle = style;

            await client.Messages.SendAsync(request);

            Assert.That(http.Single.Body, Does.EndWith($$""","send_style":"{{style}}"}"""));
        }

        [Test]
        public async Task UnsetSendStyle_IsNotWritten()
        {
            var http = MockHttp.Returning(Payloads.MessageResponse);
            using var client = http.CreateClient();

            await client.Messages.SendAsync(Operations.NewRequest());

            Assert.That(http.Single.Body, Does.Not.Contain("send_style"));
        }

        public static IEnumerable<TestCaseData> QueryValues()
        {
            TestCaseData Case(MessageListQuery query, string expected) => new TestCaseData(query, expected).SetArgDisplayNames(expected);

            yield return Case(new MessageListQuery { MessageType = MessageType.Message }, "?message_type=message");
            yield return Case(new MessageListQuery { OrderBy = MessageOrderBy.CreatedAt }, "?order_by=createdAt");
            yield return Case(new MessageListQuery { OrderBy = MessageOrderBy.UpdatedAt }, "?order_by=updatedAt");
            yield return Case(new MessageListQuery { OrderDirection = SortDirection.Desc }, "?order_direction=desc");
            yield return Case(new MessageListQuery { Service = MessageService.IMessage }, "?service=iMessage");
            yield return Case(new MessageListQuery { Service = MessageService.Rcs }, "?service=RCS");
            foreach (var status in MessageStatus.KnownValues)
            {
                yield return Case(new MessageListQuery { Status = status }, "?status=" + status);
            }

            yield return Case(new MessageListQuery { Status = "READ" }, "?status=READ");
            yield return Case(new MessageListQuery { Service = new MessageService("Whats App") }, "?service=Whats%20App");
            yield return Case(new MessageListQuery { IsOutbound = true }, "?is_outbound=true");
        }

        [TestCaseSource(nameof(QueryValues))]
        public async Task ListFilter_GoesOnTheQueryStringAsItsWireValue(MessageListQuery query, string expected)
        {
            var http = MockHttp.Returning(Payloads.Page(0, 0, 100, false));
            using var client = http.CreateClient();

            await client.Messages.ListAsync(query);

            Assert.That(http.Single.Uri.Query, Is.EqualTo(expected));
        }

        [Test]
        public void Model_SerializedWithPlainNewtonsoft_WritesWireStrings_AndReadsBack()
        {
            var response = new MessageResponse
            {
                MessageHandle = "h-1",
                Status = MessageStatus.Delivered,
                SendStyle = SendStyle.ShootingStar,
            };

            var json = JsonConvert.SerializeObject(response);
            var back = JsonConvert.DeserializeObject<MessageResponse>(json)!;

            Assert.Multiple(() =>
            {
                Assert.That(json, Does.Contain("\"status\":\"DELIVERED\"").And.Contain("\"send_style\":\"shooting_star\""));
                Assert.That(back.Status, Is.EqualTo(MessageStatus.Delivered));
                Assert.That(back.SendStyle, Is.EqualTo(SendStyle.ShootingStar));
                Assert.That(back.MessageHandle, Is.EqualTo("h-1"));
            });
        }
    }
}
