using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Validation
{
    /// <summary>Input the client can see is wrong is refused with a clear message, and nothing is sent.</summary>
    public class InputValidationTests
    {
        private MockHttp _http = null!;
        private SendblueClient _client = null!;

        [SetUp]
        public void SetUp()
        {
            _http = MockHttp.Returning(Payloads.MessageResponse);
            _client = _http.CreateClient();
        }

        [TearDown]
        public void TearDown()
        {
            Assert.That(_http.Requests, Is.Empty, "nothing may be sent when the input is refused");
            _client.Dispose();
        }

        [Test]
        public void SendAsync_WithoutARequest_ThrowsArgumentNull()
        {
            var ex = Assert.ThrowsAsync<ArgumentNullException>(() => _client.Messages.SendAsync(null!));
            Assert.That(ex!.ParamName, Is.EqualTo("request"));
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("   ")]
        public void SendAsync_WithoutNumber_Throws_NamingTheProperty(string? number)
        {
            var ex = Assert.ThrowsAsync<ArgumentException>(() => _client.Messages.SendAsync(new SendMessageRequest
            {
                Number = number,
                FromNumber = "+16292925296",
                Content = "Hi",
            }));
            Assert.Multiple(() =>
            {
                Assert.That(ex!.Message, Does.StartWith("SendMessageRequest.Number is required: the recipient's phone number in E.164 format"));
                Assert.That(ex.ParamName, Is.EqualTo("request"));
            });
        }

        [TestCase(null)]
        [TestCase("")]
        public void SendAsync_WithoutFromNumber_Throws_NamingTheProperty(string? from)
        {
            var ex = Assert.ThrowsAsync<ArgumentException>(() => _client.Messages.SendAsync(new SendMessageRequest
            {
                Number = "+19998887777",
                FromNumber = from,
                Content = "Hi",
            }));
            Assert.That(ex!.Message, Does.StartWith("SendMessageRequest.FromNumber is required: one of your Sendblue numbers"));
        }

        [TestCase(null, null)]
        [TestCase("", "")]
        [TestCase(" ", null)]
        public void SendAsync_WithNeitherContentNorMedia_Throws_SayingWhatToSet(string? content, string? media)
        {
            var ex = Assert.ThrowsAsync<ArgumentException>(() => _client.Messages.SendAsync(new SendMessageRequest
            {
                Number = "+19998887777",
                FromNumber = "+16292925296",
                Content = content,
                MediaUrl = media,
            }));
            Assert.That(ex!.Message, Is.EqualTo("A message needs text, media or an App Card: set at least one of SendMessageRequest.Content, SendMessageRequest.MediaUrl, SendMessageRequest.AppCard. (Parameter 'request')"));
        }

        [Test]
        public async Task SendAsync_DoesNotJudgePhoneNumberFormats_AndMediaAloneIsEnough()
        {
            // The API judges formats; the SDK refuses only what is missing.
            var http = MockHttp.Returning(Payloads.MessageResponse);
            using var client = http.CreateClient();

            await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = "not a number",
                FromNumber = "neither",
                MediaUrl = "https://example.com/a.png",
            });

            Assert.That(http.Single.Body, Is.EqualTo("""{"number":"not a number","from_number":"neither","media_url":"https://example.com/a.png"}"""));
        }

        [Test]
        public void GetAsync_WithNullId_ThrowsArgumentNull()
        {
            var ex = Assert.ThrowsAsync<ArgumentNullException>(() => _client.Messages.GetAsync(null!));
            Assert.That(ex!.ParamName, Is.EqualTo("messageId"));
        }

        [TestCase("")]
        [TestCase("  ")]
        public void GetAsync_WithEmptyId_Throws(string id)
        {
            var ex = Assert.ThrowsAsync<ArgumentException>(() => _client.Messages.GetAsync(id));
            Assert.Multiple(() =>
            {
                Assert.That(ex!.ParamName, Is.EqualTo("messageId"));
                Assert.That(ex.Message, Does.StartWith("messageId is empty; it must be the id (message_handle) of the message to retrieve."));
            });
        }

        [TestCase("")]
        [TestCase("\t")]
        public void GetStatusAsync_WithEmptyHandle_Throws(string handle)
        {
            var ex = Assert.ThrowsAsync<ArgumentException>(() => _client.Messages.GetStatusAsync(handle));
            Assert.Multiple(() =>
            {
                Assert.That(ex!.ParamName, Is.EqualTo("handle"));
                Assert.That(ex.Message, Does.StartWith("handle is empty; it must be the message_handle a send returned."));
            });
        }

        [Test]
        public void GetStatusAsync_WithNullHandle_ThrowsArgumentNull()
        {
            var ex = Assert.ThrowsAsync<ArgumentNullException>(() => _client.Messages.GetStatusAsync(null!));
            Assert.That(ex!.ParamName, Is.EqualTo("handle"));
        }

        private static IEnumerable<TestCaseData> BadQueries()
        {
            yield return new TestCaseData(new MessageListQuery { Limit = 0 }, "MessageListQuery.Limit must be between 1 and 1000; it is 0. Use ListAllAsync or ListPagesAsync to read more than 1000.").SetArgDisplayNames("Limit=0");
            yield return new TestCaseData(new MessageListQuery { Limit = 1001 }, "MessageListQuery.Limit must be between 1 and 1000; it is 1001. Use ListAllAsync or ListPagesAsync to read more than 1000.").SetArgDisplayNames("Limit=1001");
            yield return new TestCaseData(new MessageListQuery { Limit = -5 }, "MessageListQuery.Limit must be between 1 and 1000; it is -5.").SetArgDisplayNames("Limit=-5");
            yield return new TestCaseData(new MessageListQuery { Offset = -1 }, "MessageListQuery.Offset must be 0 or more; it is -1.").SetArgDisplayNames("Offset=-1");
        }

        [TestCaseSource(nameof(BadQueries))]
        public void ListAsync_OutOfRangeQuery_ThrowsArgumentOutOfRange(MessageListQuery query, string message)
        {
            var ex = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.Messages.ListAsync(query));
            Assert.Multiple(() =>
            {
                Assert.That(ex!.Message, Does.StartWith(message));
                Assert.That(ex.ParamName, Is.EqualTo("query"));
            });
        }

        [TestCaseSource(nameof(BadQueries))]
        public void ListPagesAsync_OutOfRangeQuery_ThrowsAtTheCall_NotAtTheFirstMoveNext(MessageListQuery query, string message)
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _client.Messages.ListPagesAsync(query));
            Assert.That(ex!.Message, Does.StartWith(message));
        }

        [TestCaseSource(nameof(BadQueries))]
        public void ListAllAsync_OutOfRangeQuery_ThrowsAtTheCall_NotAtTheFirstMoveNext(MessageListQuery query, string message)
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _client.Messages.ListAllAsync(query));
            Assert.That(ex!.Message, Does.StartWith(message));
        }

        [TestCase(1)]
        [TestCase(100)]
        [TestCase(1000)]
        public async Task ListAsync_LimitAtTheBounds_IsSent(int limit)
        {
            var http = MockHttp.Returning(Payloads.Page(0, 0, limit, false));
            using var client = http.CreateClient();

            await client.Messages.ListAsync(new MessageListQuery { Limit = limit, Offset = 0 });

            Assert.That(http.Single.Uri.Query, Is.EqualTo($"?limit={limit}&offset=0"));
        }

        [TestCase(".")]
        [TestCase("..")]
        public void ContactsDeleteAsync_WithADotSegment_Throws_InsteadOfReachingAnotherEndpoint(string phone)
        {
            // DELETE api/v2/contacts/.. would be DELETE api/v2/ once the URL is normalised, and
            // DELETE api/v2/contacts/. the bulk delete.
            var ex = Assert.ThrowsAsync<ArgumentException>(() => _client.Contacts.DeleteAsync(phone));
            Assert.Multiple(() =>
            {
                Assert.That(ex!.ParamName, Is.EqualTo("phoneNumber"));
                Assert.That(ex.Message, Does.StartWith($"phoneNumber is '{phone}', which a URL reads as {(phone == "." ? "this folder" : "the folder above")}, so the call would reach another endpoint; it must be the contact's phone number"));
            });
        }

        [TestCase(".")]
        [TestCase("..")]
        public void GetAsync_WithADotSegment_Throws(string id)
        {
            var ex = Assert.ThrowsAsync<ArgumentException>(() => _client.Messages.GetAsync(id));
            Assert.That(ex!.ParamName, Is.EqualTo("messageId"));
        }

        [Test]
        public void GroupSendAsync_WithAnEmptyNumbersList_AndNoGroup_Throws_BecauseNoRecipientIsSet()
        {
            var ex = Assert.ThrowsAsync<ArgumentException>(() => _client.Groups.SendMessageAsync(new SendGroupMessageRequest
            {
                FromNumber = "+16292925296",
                Numbers = new List<string>(),
                Content = "Hi all",
            }));
            Assert.Multiple(() =>
            {
                Assert.That(ex!.ParamName, Is.EqualTo("request"));
                Assert.That(ex.Message, Does.Contain("set SendGroupMessageRequest.GroupId, SendGroupMessageRequest.Numbers, or both."));
            });
        }

        [Test]
        public void ListAsync_WithAnEmptyEnumFilter_Throws_InsteadOfSendingStatusEquals()
        {
            foreach (var status in new[] { new MessageStatus(""), default })
            {
                var ex = Assert.ThrowsAsync<ArgumentException>(() => _client.Messages.ListAsync(new MessageListQuery { Status = status }));
                Assert.Multiple(() =>
                {
                    Assert.That(ex!.ParamName, Is.EqualTo("query"));
                    Assert.That(ex.Message, Does.StartWith("MessageListQuery.Status is set to an empty value; leave it null to list without this filter."));
                });
            }

            var walk = Assert.Throws<ArgumentException>(() => _client.Messages.ListAllAsync(new MessageListQuery { Service = new MessageService("") }));
            Assert.That(walk!.Message, Does.StartWith("MessageListQuery.Service is set to an empty value"));
        }
    }
}
