using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Http
{
    /// <summary>
    /// Which calls the SDK's own pipeline repeats, and how often, seen from a real HTTP server:
    /// reads on 429 and 5xx, a send only on 429 (a 5xx may have delivered it already).
    /// </summary>
    public class RetryTests
    {
        private const string Handle = "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55";

        [Test]
        public async Task SendAsync_On503_SendsExactlyOnePost_AndThrowsServerException()
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(503, "down for maintenance"));
            using var client = Loopback.Client(server);

            var ex = Assert.ThrowsAsync<SendblueServerException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests.Select(r => r.Method + " " + r.Path), Is.EqualTo(new[] { "POST /api/send-message" }));
                Assert.That(ex!.StatusCode, Is.EqualTo(503));
                Assert.That(ex.ErrorMessage, Is.EqualTo("down for maintenance"));
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 503 Service Unavailable: down for maintenance"));
            });
        }

        [TestCase(500)]
        [TestCase(502)]
        [TestCase(504)]
        public async Task SendAsync_On5xx_SendsExactlyOnePost_AndThrowsServerException(int status)
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(status));
            using var client = Loopback.Client(server);

            var ex = Assert.ThrowsAsync<SendblueServerException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.StatusCode, Is.EqualTo(status));
                Assert.That(ex.Message, Does.StartWith($"Sendblue API returned {status} "));
            });
        }

        [Test]
        public async Task SendAsync_On429ThenOk_SendsTheSamePostTwice_AndReturnsTheMessage()
        {
            await using var server = new LoopbackServer((_, i) => i == 0 ? Loopback.Error(429, "slow down") : Loopback.Ok());
            using var client = Loopback.Client(server);

            var sent = await client.Messages.SendAsync(Loopback.Send());

            var requests = server.Requests;
            Assert.Multiple(() =>
            {
                Assert.That(sent.MessageHandle, Is.EqualTo(Handle));
                Assert.That(sent.Status, Is.EqualTo(MessageStatus.Queued));
                Assert.That(requests.Select(r => r.Method + " " + r.Path), Is.EqualTo(new[] { "POST /api/send-message", "POST /api/send-message" }));
                Assert.That(requests[1].Body, Is.EqualTo(requests[0].Body));
                Assert.That(requests[1].Body, Does.Contain("\"content\":\"Your table for two is ready.\""));
                Assert.That(requests[1].Header("sb-api-key-id"), Is.EqualTo(MockHttp.Key));
                Assert.That(requests[1].Header("sb-api-secret-key"), Is.EqualTo(MockHttp.Secret));
            });
        }

        [TestCase(429)]
        [TestCase(500)]
        [TestCase(502)]
        [TestCase(503)]
        [TestCase(504)]
        public async Task GetStatusAsync_OnRetryableStatusThenOk_RetriesTheGet_AndReturnsTheStatus(int status)
        {
            await using var server = new LoopbackServer((_, i) => i == 0 ? Loopback.Error(status) : Loopback.Ok());
            using var client = Loopback.Client(server);

            var result = await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests.Select(r => r.Method + " " + r.Path + "?" + r.Query), Is.EqualTo(new[]
                {
                    $"GET /api/status?handle={Handle}",
                    $"GET /api/status?handle={Handle}",
                }));
            });
        }

        [Test]
        public async Task GetAsync_On503Twice_ThenOk_UsesBothRetries_AndReturnsTheMessage()
        {
            await using var server = new LoopbackServer((_, i) => i < 2 ? Loopback.Error(503) : LoopbackResponse.Json(Payloads.Retrieve("m-1")));
            using var client = Loopback.Client(server, maxRetries: 2);

            var result = await client.Messages.GetAsync("m-1");

            Assert.Multiple(() =>
            {
                Assert.That(result.Data!.MessageHandle, Is.EqualTo("m-1"));
                Assert.That(server.Requests, Has.Count.EqualTo(3));
                Assert.That(server.Requests.Select(r => r.Path).Distinct(), Is.EqualTo(new[] { "/api/v2/messages/m-1" }));
            });
        }

        [TestCase(1)]
        [TestCase(3)]
        public async Task GetStatusAsync_MaxRetriesN_MakesNPlusOneAttempts_ThenThrowsTheLastResponsesRateLimitException(int maxRetries)
        {
            // Every answer but the last asks for no wait; the last one's Retry-After must be the one reported.
            await using var server = new LoopbackServer((_, i) =>
                Loopback.Error(429, $"attempt {i}").With("Retry-After", i == maxRetries ? "7" : "0"));
            using var client = Loopback.Client(server, maxRetries);

            var ex = Assert.ThrowsAsync<SendblueRateLimitException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(maxRetries + 1));
                Assert.That(ex!.StatusCode, Is.EqualTo(429));
                Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
                Assert.That(ex.ErrorMessage, Is.EqualTo($"attempt {maxRetries}"));
                Assert.That(ex.Message, Is.EqualTo($"Sendblue API returned 429 Too Many Requests: attempt {maxRetries}"));
            });
        }

        [Test]
        public async Task SendAsync_MaxRetriesN_On429_MakesNPlusOneAttempts_ThenThrowsRateLimitException()
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(429, "too many sends").With("Retry-After", "0"));
            using var client = Loopback.Client(server, maxRetries: 2);

            var ex = Assert.ThrowsAsync<SendblueRateLimitException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests.Select(r => r.Method), Is.EqualTo(new[] { "POST", "POST", "POST" }));
                Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.Zero));
                Assert.That(ex.ErrorMessage, Is.EqualTo("too many sends"));
            });
        }

        [Test]
        public async Task GetStatusAsync_MaxRetriesZero_MakesOneAttempt_AndThrowsTheResponsesException()
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(503, "busy"));
            using var client = Loopback.Client(server, maxRetries: 0);

            var ex = Assert.ThrowsAsync<SendblueServerException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.Message, Is.EqualTo("Sendblue API returned 503 Service Unavailable: busy"));
            });
        }

        [Test]
        public async Task SendAsync_MaxRetriesZero_On429_MakesOneAttempt()
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(429).With("Retry-After", "0"));
            using var client = Loopback.Client(server, maxRetries: 0);

            Assert.ThrowsAsync<SendblueRateLimitException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }

        [TestCase(400, typeof(SendblueBadRequestException))]
        [TestCase(401, typeof(SendblueAuthenticationException))]
        [TestCase(403, typeof(SendbluePermissionDeniedException))]
        [TestCase(404, typeof(SendblueNotFoundException))]
        [TestCase(422, typeof(SendblueUnprocessableEntityException))]
        public async Task GetStatusAsync_OnClientError_DoesNotRetry_AndThrowsItsException(int status, Type expected)
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(status, "not this way"));
            using var client = Loopback.Client(server, maxRetries: 3);

            var ex = Assert.ThrowsAsync(expected, () => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(((SendblueApiException)ex!).StatusCode, Is.EqualTo(status));
                Assert.That(ex.Message, Does.StartWith($"Sendblue API returned {status} ").And.EndWith(": not this way"));
            });
        }

        [Test]
        public async Task SendAsync_On400_DoesNotRetry_AndThrowsBadRequestWithTheServersWords()
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(400, "from_number is required"));
            using var client = Loopback.Client(server, maxRetries: 3);

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.Message, Is.EqualTo("Sendblue API returned 400 Bad Request: from_number is required"));
            });
        }
    }
}
