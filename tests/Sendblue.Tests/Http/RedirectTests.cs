using System;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Http
{
    /// <summary>
    /// The SDK's own pipeline follows redirects, and the credentials stay with the BaseUrl's
    /// origin (scheme, host, port): another port on the same host is another origin.
    /// </summary>
    public class RedirectTests
    {
        private const string Handle = "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55";

        [TestCase(301)]
        [TestCase(302)]
        [TestCase(307)]
        [TestCase(308)]
        public async Task GetStatusAsync_RedirectToTheSameOrigin_IsFollowed_WithTheCredentials(int status)
        {
            await using var server = new LoopbackServer((_, i) => i == 0
                ? new LoopbackResponse { Status = status }.With("Location", "/api/status?handle=moved")
                : Loopback.Ok());
            using var client = Loopback.Client(server);

            var result = await client.Messages.GetStatusAsync(Handle);

            var requests = server.Requests;
            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(requests.Select(r => r.Method + " " + r.Target), Is.EqualTo(new[]
                {
                    $"GET /api/status?handle={Handle}",
                    "GET /api/status?handle=moved",
                }));
                Assert.That(requests[1].Header("sb-api-key-id"), Is.EqualTo(MockHttp.Key));
                Assert.That(requests[1].Header("sb-api-secret-key"), Is.EqualTo(MockHttp.Secret));
            });
        }

        [Test]
        public async Task GetAsync_RedirectWithAnAbsoluteLocationOnTheSameOrigin_KeepsTheCredentials()
        {
            LoopbackServer? self = null;
            await using var server = new LoopbackServer((_, i) => i == 0
                ? new LoopbackResponse { Status = 307 }.With("Location", $"{self!.BaseUrl}api/v2/messages/m-2")
                : LoopbackResponse.Json(Payloads.Retrieve("m-2")));
            self = server;
            using var client = Loopback.Client(server);

            var result = await client.Messages.GetAsync("m-1");

            Assert.Multiple(() =>
            {
                Assert.That(result.Data!.MessageHandle, Is.EqualTo("m-2"));
                Assert.That(server.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/api/v2/messages/m-1", "/api/v2/messages/m-2" }));
                Assert.That(server.Requests[1].Header("sb-api-key-id"), Is.EqualTo(MockHttp.Key));
                Assert.That(server.Requests[1].Header("sb-api-secret-key"), Is.EqualTo(MockHttp.Secret));
            });
        }

        [TestCase(302)]
        [TestCase(307)]
        public async Task GetStatusAsync_RedirectToAnotherOrigin_IsFollowed_WithoutEitherCredential(int status)
        {
            await using var elsewhere = new LoopbackServer(_ => Loopback.Ok());
            await using var home = new LoopbackServer(_ =>
                new LoopbackResponse { Status = status }.With("Location", $"{elsewhere.BaseUrl}api/status?handle=elsewhere"));
            using var client = Loopback.Client(home);

            var result = await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(home.Requests, Has.Count.EqualTo(1));
                Assert.That(home.Requests[0].Header("sb-api-secret-key"), Is.EqualTo(MockHttp.Secret));
                Assert.That(elsewhere.Requests, Has.Count.EqualTo(1));
                Assert.That(elsewhere.Requests[0].Target, Is.EqualTo("/api/status?handle=elsewhere"));
                Assert.That(elsewhere.Requests[0].Header("sb-api-key-id"), Is.Null);
                Assert.That(elsewhere.Requests[0].Header("sb-api-secret-key"), Is.Null);
                Assert.That(elsewhere.Requests[0].Headers.Values, Has.None.Contains(MockHttp.Secret));
            });
        }

        [Test]
        public async Task Redirect_AwayAndBackHome_CredentialsAreLeftOutAwayAndSentAgainAtHome()
        {
            LoopbackServer? homeRef = null;
            await using var elsewhere = new LoopbackServer(_ =>
                new LoopbackResponse { Status = 302 }.With("Location", $"{homeRef!.BaseUrl}api/status?handle=back"));
            await using var home = new LoopbackServer((_, i) => i == 0
                ? new LoopbackResponse { Status = 302 }.With("Location", $"{elsewhere.BaseUrl}api/status?handle=away")
                : Loopback.Ok());
            homeRef = home;
            using var client = Loopback.Client(home);

            await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(elsewhere.Requests.Single().Header("sb-api-secret-key"), Is.Null);
                Assert.That(elsewhere.Requests.Single().Header("sb-api-key-id"), Is.Null);
                Assert.That(home.Requests.Select(r => r.Query), Is.EqualTo(new[] { $"handle={Handle}", "handle=back" }));
                Assert.That(home.Requests[1].Header("sb-api-key-id"), Is.EqualTo(MockHttp.Key));
                Assert.That(home.Requests[1].Header("sb-api-secret-key"), Is.EqualTo(MockHttp.Secret));
            });
        }

        [Test]
        public async Task GetStatusAsync_FiveRedirects_AreFollowed()
        {
            await using var server = new LoopbackServer((_, i) => i < 5
                ? new LoopbackResponse { Status = 302 }.With("Location", $"/api/status?handle=hop{i + 1}")
                : Loopback.Ok());
            using var client = Loopback.Client(server);

            var result = await client.Messages.GetStatusAsync(Handle);

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.EqualTo(Handle));
                Assert.That(server.Requests, Has.Count.EqualTo(6));
                Assert.That(server.Requests[^1].Query, Is.EqualTo("handle=hop5"));
            });
        }

        [Test]
        public async Task GetStatusAsync_MoreThanFiveRedirects_StopsFollowing_AndThrowsSendblueException()
        {
            await using var server = new LoopbackServer((_, i) =>
                new LoopbackResponse { Status = 302 }.With("Location", $"/api/status?handle=hop{i + 1}"));
            using var client = Loopback.Client(server);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                // The first request and five redirects, then no more.
                Assert.That(server.Requests, Has.Count.EqualTo(6));
                Assert.That(ex!.Message, Does.StartWith($"Could not follow the Sendblue API's redirect for GET {server.BaseUrl}api/status: "));
                Assert.That(ex.Message, Does.EndWith("Too many redirects (more than 5)."));
            });
        }

        [Test]
        public async Task GetStatusAsync_RedirectWithoutLocation_ThrowsSendblueException()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Status = 302 });
            using var client = Loopback.Client(server);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex!.Message, Does.StartWith($"Could not follow the Sendblue API's redirect for GET {server.BaseUrl}api/status: "));
                Assert.That(ex.Message, Does.Contain("Location"));
            });
        }

        [Test]
        public async Task GetStatusAsync_RedirectToAnotherScheme_IsNotFollowed_AndThrowsSendblueException()
        {
            var nowhere = LoopbackServer.UnusedPort();
            await using var server = new LoopbackServer(_ =>
                new LoopbackResponse { Status = 302 }.With("Location", $"https://127.0.0.1:{nowhere}/api/status?handle=secure"));
            using var client = Loopback.Client(server);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Handle));

            Assert.Multiple(() =>
            {
                Assert.That(server.Requests, Has.Count.EqualTo(1));
                Assert.That(ex, Is.Not.InstanceOf<SendblueConnectionException>(), "refused by the redirect step, not attempted");
                Assert.That(ex!.Message, Does.StartWith($"Could not follow the Sendblue API's redirect for GET {server.BaseUrl}api/status: "));
            });
        }
    }
}
