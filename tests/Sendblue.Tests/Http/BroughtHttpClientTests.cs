using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Http
{
    /// <summary>
    /// <c>new SendblueClient(options, httpClient)</c>: the SDK still adds the credentials, maps
    /// errors and times each attempt, but retries and redirects are the brought client's, and the
    /// brought client is never disposed by the SDK.
    /// </summary>
    public class BroughtHttpClientTests
    {
        private const string Handle = "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55";

        [Test]
        public async Task BroughtClient_SendsBothCredentials_AndReturnsTheParsedResult()
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            using var http = new HttpClient();
            using var client = new SendblueClient(Loopback.Options(server.BaseUrl), http);

            var sent = await client.Messages.SendAsync(Loopback.Send());

            var request = server.Requests[0];
            Assert.Multiple(() =>
            {
                Assert.That(sent.MessageHandle, Is.EqualTo(Handle));
                Assert.That(request.Method + " " + request.Path, Is.EqualTo("POST /api/send-message"));
                Assert.That(request.Body, Does.Contain("\"number\":\"+19998887777\""));
                Assert.That(request.Header("sb-api-key-id"), Is.EqualTo(MockHttp.Key));
                Assert.That(request.Header("sb-api-secret-key"), Is.EqualTo(MockHttp.Secret));
            });
        }

        [Test]
        public async Task BroughtClient_404_IsMappedToNotFoundException()
        {
            await using var server = new LoopbackServer(_ => Loopback.Error(404, "message not found"));
            using var http = new HttpClient();
            using var client = new SendblueClient(Loopback.Options(server.BaseUrl), http);

            var ex = Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Messages.GetAsync("missing"));

            Assert.Multiple(() =>
            {
                Assert.That(ex!.StatusCode, Is.EqualTo(404));
                Assert.That(ex.ErrorMessage, Is.EqualTo("message not found"));
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 404 Not Found: message not found"));
            });
        }

        [TestCase(429)]
        [TestCase(503)]
        public async Task BroughtClient_RetryableStatusOnAGet_IsNotRetriedByTheSdk(int status)
        {
            await using var server = new LoopbackServer((_, i) => i == 0 ? Loopback.Error(status, "not now").With("Retry-After", "0") : Loopback.Ok());
            using var http = new HttpClient();
            using var client = new SendblueClient(Loopback.Options(server.BaseUrl, maxRetries: 2), http);

            var ex = Assert.CatchAsync<SendblueApiException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.StatusCode, Is.EqualTo(status));
                Assert.That(ex, status == 429 ? Is.InstanceOf<SendblueRateLimitException>() : Is.InstanceOf<SendblueServerException>());
            });
        }

        [Test]
        public async Task BroughtClient_OptionsTimeout_IsAppliedPerAttempt()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Delay = TimeSpan.FromSeconds(5), Body = Payloads.MessageResponse });
            using var http = new HttpClient();
            using var client = new SendblueClient(Loopback.Options(server.BaseUrl, timeout: TimeSpan.FromMilliseconds(300)), http);
            var clock = Stopwatch.StartNew();

            var ex = Assert.ThrowsAsync<SendblueTimeoutException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(4)));
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.Message, Does.EndWith("did not complete within 0.3 s (SendblueClientOptions.Timeout)."));
            });
        }

        [Test]
        public async Task BroughtClient_ItsOwnTimeout_IsReportedAsATimeout_NotACancellation()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Delay = TimeSpan.FromSeconds(5), Body = Payloads.MessageResponse });
            using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
            using var client = new SendblueClient(Loopback.Options(server.BaseUrl, timeout: TimeSpan.FromSeconds(30)), http);

            var ex = Assert.ThrowsAsync<SendblueTimeoutException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.That(ex!.Message, Does.Contain("timed out (the HttpClient's own Timeout)"));
        }

        [Test]
        public async Task BroughtClient_CallerCancellation_IsAnOperationCanceledException()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Delay = TimeSpan.FromSeconds(5), Body = Payloads.MessageResponse });
            using var http = new HttpClient();
            using var client = new SendblueClient(Loopback.Options(server.BaseUrl), http);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            Assert.CatchAsync<OperationCanceledException>(() => client.Messages.GetStatusAsync(Handle, cts.Token));
        }

        [Test]
        public async Task BroughtClient_ResponseCutOff_IsAConnectionException_NotRetriedByTheSdk()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { DropMidResponse = true });
            using var http = new HttpClient();
            using var client = new SendblueClient(Loopback.Options(server.BaseUrl), http);

            var ex = Assert.ThrowsAsync<SendblueConnectionException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.Message, Does.StartWith("Could not get a response from the Sendblue API for GET"));
            });
        }

        [Test]
        public async Task BroughtClient_WithoutAutoRedirect_A302IsTheCallersError_NotFollowed()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Status = 302 }.With("Location", "/api/status?handle=moved"));
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var client = new SendblueClient(Loopback.Options(server.BaseUrl), http);

            var ex = Assert.CatchAsync<SendblueApiException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.StatusCode, Is.EqualTo(302));
                Assert.That(ex.Message, Does.StartWith("Sendblue API returned 302 Found"));
            });
        }

        [Test]
        public async Task DisposingTheSendblueClient_LeavesTheBroughtHttpClientWorking()
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            using var http = new HttpClient();
            var client = new SendblueClient(Loopback.Options(server.BaseUrl), http);
            await client.Messages.GetStatusAsync(Handle);

            client.Dispose();
            using var response = await http.GetAsync(new Uri(server.BaseUrl, "/still-mine"));

            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
                Assert.That(server.Requests[1].Path, Is.EqualTo("/still-mine"));
                Assert.That(server.Requests[1].Header("sb-api-key-id"), Is.Null, "the SDK's headers are per request, not stamped on the brought client");
            });
        }

        [Test]
        public async Task BroughtClient_CanServeTwoSendblueClients_OneAfterTheOtherIsDisposed()
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            using var http = new HttpClient();
            using (var first = new SendblueClient(Loopback.Options(server.BaseUrl), http))
            {
                await first.Messages.GetStatusAsync("first");
            }

            using var second = new SendblueClient(Loopback.Options(server.BaseUrl), http);
            var result = await second.Messages.GetStatusAsync("second");

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
                Assert.That(server.Requests[1].Query, Is.EqualTo("handle=second"));
            });
        }
    }
}
