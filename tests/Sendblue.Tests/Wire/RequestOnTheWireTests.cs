using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Wire
{
    /// <summary>Exactly what each operation puts on the wire, seen through a Moq-mocked handler.</summary>
    public class RequestOnTheWireTests
    {
        [Test]
        public async Task SendAsync_PostsJsonBodyWithOnlyTheFieldsSet_AndBothCredentialHeaders()
        {
            var http = MockHttp.Returning(Payloads.MessageResponse);
            using var client = http.CreateClient();

            await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = "+19998887777",
                FromNumber = "+16292925296",
                Content = "Hello",
                SendStyle = SendStyle.ShootingStar,
            });

            var request = http.Single;
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
                Assert.That(request.Uri.ToString(), Is.EqualTo("https://api.sendblue.test/api/send-message"));
                Assert.That(request.Body, Is.EqualTo("""{"number":"+19998887777","from_number":"+16292925296","content":"Hello","send_style":"shooting_star"}"""));
                Assert.That(request.ContentType, Does.StartWith("application/json"));
                Assert.That(request.ContentLength, Is.EqualTo(request.Body!.Length));
                Assert.That(request.Header("sb-api-key-id"), Is.EqualTo(MockHttp.Key));
                Assert.That(request.Header("sb-api-secret-key"), Is.EqualTo(MockHttp.Secret));
                Assert.That(request.Header("User-Agent"), Does.Contain("sendblue-dotnet/" + SendblueClient.SdkVersion));
            });
        }

        [Test]
        public async Task SendAsync_WritesMediaUrlAndStatusCallback_WhenSet()
        {
            var http = MockHttp.Returning(Payloads.MessageResponse);
            using var client = http.CreateClient();

            await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = "+19998887777",
                FromNumber = "+16292925296",
                MediaUrl = "https://example.com/cat.jpg",
                StatusCallback = "https://example.com/hook",
            });

            Assert.That(http.Single.Body, Is.EqualTo("""{"number":"+19998887777","from_number":"+16292925296","media_url":"https://example.com/cat.jpg","status_callback":"https://example.com/hook"}"""));
        }

        [Test]
        public async Task GetStatusAsync_GetsApiStatusWithEscapedHandle()
        {
            var http = MockHttp.Returning(Payloads.MessageResponse);
            using var client = http.CreateClient();

            await client.Messages.GetStatusAsync("abc 1/2");

            var request = http.Single;
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
                Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://api.sendblue.test/api/status?handle=abc%201%2F2"));
                Assert.That(request.Body, Is.Null);
                Assert.That(request.Header("sb-api-key-id"), Is.EqualTo(MockHttp.Key));
                Assert.That(request.Header("sb-api-secret-key"), Is.EqualTo(MockHttp.Secret));
            });
        }

        [Test]
        public async Task GetAsync_GetsTheMessageByIdInThePath()
        {
            var http = MockHttp.Returning(Payloads.Retrieve("m-1"));
            using var client = http.CreateClient();

            await client.Messages.GetAsync("m/1");

            var request = http.Single;
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo(HttpMethod.Get));
                Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://api.sendblue.test/api/v2/messages/m%2F1"));
                Assert.That(request.Header("sb-api-key-id"), Is.EqualTo(MockHttp.Key));
                Assert.That(request.Header("sb-api-secret-key"), Is.EqualTo(MockHttp.Secret));
            });
        }

        [Test]
        public async Task ListAsync_WithNoQuery_SendsNoFilters()
        {
            var http = MockHttp.Returning(Payloads.Page(0, 0, 100, false));
            using var client = http.CreateClient();

            await client.Messages.ListAsync();

            Assert.That(http.Single.Uri.AbsoluteUri, Is.EqualTo("https://api.sendblue.test/api/v2/messages"));
        }

        [Test]
        public async Task ListAsync_SendsEveryFilter_WithWireNamesAndValues_DatesAsUtcInstants()
        {
            var http = MockHttp.Returning(Payloads.Page(0, 0, 100, false));
            using var client = http.CreateClient();
            var plusTwo = new DateTimeOffset(2024, 2, 1, 1, 59, 59, TimeSpan.FromHours(2));

            await client.Messages.ListAsync(new MessageListQuery
            {
                AccountEmail = "ops@example.com",
                CreatedAtGte = plusTwo,
                CreatedAtLte = new DateTimeOffset(2024, 1, 31, 23, 59, 59, TimeSpan.Zero),
                FromNumber = "+16292925296",
                GroupId = "g-1",
                IsOutbound = false,
                Limit = 50,
                MessageType = MessageType.Group,
                Number = "+19998887777",
                Offset = 10,
                OrderBy = MessageOrderBy.SentAt,
                OrderDirection = SortDirection.Asc,
                SendblueNumber = "+16292925296",
                SentAtGte = new DateTimeOffset(2024, 1, 1, 0, 0, 0, 250, TimeSpan.Zero),
                SentAtLte = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5)),
                Service = MessageService.Sms,
                Status = MessageStatus.Delivered,
                ToNumber = "+15551234567",
                UpdatedAtGte = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero),
                UpdatedAtLte = new DateTimeOffset(2024, 3, 2, 12, 0, 0, TimeSpan.Zero),
                WorkerId = "w 1",
            });

            Assert.That(http.Single.Uri.Query, Is.EqualTo(
                "?account_email=ops%40example.com"
                + "&created_at_gte=2024-01-31T23%3A59%3A59Z"
                + "&created_at_lte=2024-01-31T23%3A59%3A59Z"
                + "&from_number=%2B16292925296"
                + "&group_id=g-1"
                + "&is_outbound=false"
                + "&limit=50"
                + "&message_type=group"
                + "&number=%2B19998887777"
                + "&offset=10"
                + "&order_by=sentAt"
                + "&order_direction=asc"
                + "&sendblue_number=%2B16292925296"
                + "&sent_at_gte=2024-01-01T00%3A00%3A00.25Z"
                + "&sent_at_lte=2024-01-01T05%3A00%3A00Z"
                + "&service=SMS"
                + "&status=DELIVERED"
                + "&to_number=%2B15551234567"
                + "&updated_at_gte=2024-03-01T12%3A00%3A00Z"
                + "&updated_at_lte=2024-03-02T12%3A00%3A00Z"
                + "&worker_id=w%201"));
        }

        [Test]
        public async Task WebhooksDeleteAsync_SendsEachUrlAsTheListGaveIt_NotNormalised()
        {
            // The API matches the URLs as text, so removal takes the entries' own strings
            // (WebhookEntry.Url), byte for byte.
            var http = MockHttp.Returning("""{"status":"OK","message":"Webhooks deleted successfully"}""");
            using var client = http.CreateClient();
            var listed = JsonConvert.DeserializeObject<AccountWebhooks>("""{"receive":["https://Hooks.example.com:443","https://example.com/in?a=1&b=%7E"]}""")!.Receive!;

            await client.Webhooks.DeleteAsync(new DeleteWebhooksRequest { Type = WebhookType.Receive, Webhooks = listed.Select(entry => entry.Url!).ToList() });

            var request = http.Single;
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo(HttpMethod.Delete));
                Assert.That(request.Uri.AbsoluteUri, Is.EqualTo("https://api.sendblue.test/api/account/webhooks"));
                Assert.That(request.Body, Is.EqualTo("""{"webhooks":["https://Hooks.example.com:443","https://example.com/in?a=1&b=%7E"],"type":"receive"}"""));
            });
        }

        [TestCase("https://api.sendblue.test")]
        [TestCase("https://api.sendblue.test/")]
        public async Task BaseUrl_WorksWithOrWithoutTrailingSlash(string baseUrl)
        {
            var http = MockHttp.Returning(Payloads.MessageResponse);
            using var client = http.CreateClient(MockHttp.Options(new Uri(baseUrl)));

            await client.Messages.GetStatusAsync("h");

            Assert.That(http.Single.Uri.AbsoluteUri, Is.EqualTo("https://api.sendblue.test/api/status?handle=h"));
        }

        [Test]
        public async Task BaseUrl_WithAPathPrefix_KeepsThePrefix()
        {
            var http = MockHttp.Returning(Payloads.MessageResponse);
            using var client = http.CreateClient(MockHttp.Options(new Uri("https://proxy.example.com/sendblue")));

            await client.Messages.GetStatusAsync("h");

            Assert.That(http.Single.Uri.AbsoluteUri, Is.EqualTo("https://proxy.example.com/sendblue/api/status?handle=h"));
        }
    }
}
