using System;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Errors
{
    /// <summary>
    /// The same mapping holds through the SDK's own pipeline (real sockets, Kiota middleware), where
    /// reads would be retried: retries are off here so each status surfaces at once.
    /// </summary>
    public class OwnPipelineErrorTests
    {
        [TestCase(400, typeof(SendblueBadRequestException), "Bad Request")]
        [TestCase(401, typeof(SendblueAuthenticationException), "Unauthorized")]
        [TestCase(404, typeof(SendblueNotFoundException), "Not Found")]
        [TestCase(429, typeof(SendblueRateLimitException), "Too Many Requests")]
        [TestCase(500, typeof(SendblueServerException), "Internal Server Error")]
        [TestCase(503, typeof(SendblueServerException), "Service Unavailable")]
        public async Task ErrorStatus_ThroughOwnPipeline_ThrowsItsExceptionType(int status, Type expected, string reason)
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse
            {
                Status = status,
                Body = """{"error_message":"from the server"}""",
                Headers = { ["X-Request-Id"] = "req-1" },
            });
            var options = MockHttp.Options(server.BaseUrl);
            options.MaxRetries = 0;
            using var client = new SendblueClient(options);

            var ex = (SendblueApiException)Assert.ThrowsAsync(expected, () => client.Messages.GetAsync("m-1"))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.StatusCode, Is.EqualTo(status));
                Assert.That(ex.ErrorMessage, Is.EqualTo("from the server"));
                Assert.That(ex.ResponseBody, Is.EqualTo("""{"error_message":"from the server"}"""));
                Assert.That(ex.Message, Is.EqualTo($"Sendblue API returned {status} {reason}: from the server"));
                Assert.That(ex.Headers["X-Request-Id"], Is.EqualTo(new[] { "req-1" }));
                Assert.That(server.Requests, Has.Count.EqualTo(1));
            });
        }
    }
}
