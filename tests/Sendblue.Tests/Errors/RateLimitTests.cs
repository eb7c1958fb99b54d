using System;
using System.Globalization;
using System.Net;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Errors
{
    /// <summary>A 429 carries how long the server asked to wait, in either form of <c>Retry-After</c>.</summary>
    public class RateLimitTests
    {
        private static SendblueRateLimitException RateLimited(string? retryAfter)
        {
            var http = new MockHttp(_ =>
            {
                var response = MockHttp.Json("""{"status":"ERROR","message":"Too many requests, slow down"}""", HttpStatusCode.TooManyRequests);
                if (retryAfter != null)
                {
                    response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
                }

                return response;
            });
            using var client = http.CreateClient();
            return Assert.ThrowsAsync<SendblueRateLimitException>(() => client.Messages.ListAsync())!;
        }

        [Test]
        public void RetryAfterInSeconds_IsParsed()
        {
            var ex = RateLimited("7");

            Assert.Multiple(() =>
            {
                Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
                Assert.That(ex.StatusCode, Is.EqualTo(429));
                Assert.That(ex.ErrorMessage, Is.EqualTo("Too many requests, slow down"));
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 429 Too Many Requests: Too many requests, slow down"));
                Assert.That(ex.Headers["Retry-After"], Is.EqualTo(new[] { "7" }));
            });
        }

        [Test]
        public void RetryAfterAsHttpDate_IsTheTimeUntilThatDate()
        {
            var date = DateTimeOffset.UtcNow.AddSeconds(120).ToString("r", CultureInfo.InvariantCulture);

            var ex = RateLimited(date);

            // "r" drops the milliseconds, and the clock moves on while the call runs.
            Assert.That(ex.RetryAfter, Is.InRange(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(120)));
        }

        [Test]
        public void RetryAfterAsHttpDateInThePast_IsZero()
        {
            var ex = RateLimited("Wed, 21 Oct 2015 07:28:00 GMT");

            Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.Zero));
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("soon")]
        [TestCase("-5")]
        public void MissingOrUnreadableRetryAfter_IsNull(string? header)
        {
            Assert.That(RateLimited(header).RetryAfter, Is.Null);
        }

        [Test]
        public async Task OwnPipeline_RetryAfterOverSixtySeconds_ThrowsAtOnce_WithRetryAfter()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse
            {
                Status = 429,
                Body = """{"message":"slow down"}""",
                Headers = { ["Retry-After"] = "120" },
            });
            var options = MockHttp.Options(server.BaseUrl);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            using var client = new SendblueClient(options);

            var ex = Assert.ThrowsAsync<SendblueRateLimitException>(() => client.Messages.GetStatusAsync("h-1"))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 429 Too Many Requests: slow down"));
                Assert.That(server.Requests, Has.Count.EqualTo(1));
            });
        }
    }
}
