using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Sendblue.ContractTests.Prism
{
    /// <summary>
    /// Prism really validates requests against the spec: requests that break it are refused with the
    /// violation named. Without this, the SDK tests through Prism would prove nothing.
    /// </summary>
    public class PrismJudgesRequestsTests
    {
        private HttpClient _http = null!;

        [SetUp]
        public void CreateClient() => _http = new HttpClient { BaseAddress = PrismFixture.Server.BaseUrl };

        [TearDown]
        public void DisposeClient() => _http.Dispose();

        private async Task<(int Status, string? Violations)> SendAsync(HttpMethod method, string path, string? json = null, bool credentials = true)
        {
            using var request = new HttpRequestMessage(method, path);
            if (credentials)
            {
                request.Headers.Add("sb-api-key-id", "prism-key-id");
                request.Headers.Add("sb-api-secret-key", "prism-secret-key");
            }

            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            }

            using var response = await _http.SendAsync(request);
            return ((int)response.StatusCode, response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null);
        }

        [Test]
        public async Task AValidRequest_IsAnswered200_WithNoViolations()
        {
            var (status, violations) = await SendAsync(HttpMethod.Get, "api/v2/messages?limit=100&status=DELIVERED&is_outbound=true&created_at_gte=2024-01-31T23%3A59%3A59Z");

            Assert.That((status, violations), Is.EqualTo((200, (string?)null)));
        }

        [TestCase("api/v2/messages?limit=1001", "limit")]
        [TestCase("api/v2/messages?limit=0", "limit")]
        [TestCase("api/v2/messages?offset=-1", "offset")]
        [TestCase("api/v2/messages?status=LOST", "status")]
        [TestCase("api/v2/messages?service=WhatsApp", "service")]
        [TestCase("api/v2/messages?is_outbound=maybe", "is_outbound")]
        [TestCase("api/v2/messages?order_by=size", "order_by")]
        [TestCase("api/v2/messages?created_at_gte=yesterday", "created_at_gte")]
        [TestCase("api/status", "handle")]
        public async Task AQueryThatBreaksTheSpec_IsRefused(string pathAndQuery, string parameter)
        {
            var (status, violations) = await SendAsync(HttpMethod.Get, pathAndQuery);

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400));
                Assert.That(violations, Does.Contain(parameter));
            });
        }

        [TestCase("""{"number":"+19998887777","content":"Hi"}""", "from_number")]
        [TestCase("""{"from_number":"+16292925296","content":"Hi"}""", "number")]
        [TestCase("""{"number":"+19998887777","from_number":"+16292925296","content":"Hi","send_style":"sparkle"}""", "send_style")]
        [TestCase("""{"number":19998887777,"from_number":"+16292925296","content":"Hi"}""", "number")]
        public async Task ASendBodyThatBreaksTheSpec_IsRefused(string body, string field)
        {
            var (status, violations) = await SendAsync(HttpMethod.Post, "api/send-message", body);

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400));
                Assert.That(violations, Does.Contain(field));
            });
        }

        [Test]
        public async Task ARequestWithoutCredentials_IsRefused401()
        {
            var (status, violations) = await SendAsync(HttpMethod.Get, "api/v2/messages", credentials: false);

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(401));
                Assert.That(violations, Does.Contain("security"));
            });
        }
    }
}
