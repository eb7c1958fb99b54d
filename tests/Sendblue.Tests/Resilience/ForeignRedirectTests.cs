using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.Http;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// A request with a body (a send: the phone number, the text) is never re-sent to another
    /// origin: a redirect that would carry it elsewhere ends the call with an exception naming the
    /// status and the target origin, and the other server sees nothing. A redirect without a body
    /// to carry (a GET, a 303) is followed as before, without credentials on a foreign hop.
    /// </summary>
    public class ForeignRedirectTests
    {
        [TestCase(307)]
        [TestCase(308)]
        [TestCase(301)]
        [TestCase(302)]
        public async Task ASendRedirectedToAnotherOrigin_IsNotFollowed_AndTheOtherServerSeesNothing(int status)
        {
            await using var elsewhere = new LoopbackServer(_ => Loopback.Ok());
            await using var home = new LoopbackServer(_ =>
                new LoopbackResponse { Status = status }.With("Location", $"{elsewhere.BaseUrl}api/send-message?token=abc"));
            using var client = Loopback.Client(home);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.SendAsync(Loopback.Send()));

            var target = elsewhere.BaseUrl.GetLeftPart(UriPartial.Authority);
            Assert.Multiple(() =>
            {
                Assert.That(elsewhere.Requests, Is.Empty, "the other origin got the send");
                Assert.That(home.Requests, Has.Count.EqualTo(1));
                Assert.That(ex, Is.InstanceOf<SendblueApiException>(), ex!.ToString());
                Assert.That((ex as SendblueApiException)?.StatusCode, Is.EqualTo(status));
                Assert.That(ex!.Message, Is.EqualTo(
                    $"The Sendblue API answered POST {home.BaseUrl}api/send-message with {status} {Reason(status)}, a redirect to another origin ({target}); a request with a body is never sent to another origin, so it was not followed."));
                Assert.That(ex.Message, Does.Not.Contain("token"));
            });
        }

        [Test]
        public async Task ASendRedirectedToAnotherSchemeOfTheSameHost_IsNotFollowed()
        {
            var port = LoopbackServer.UnusedPort();
            await using var home = new LoopbackServer(_ => new LoopbackResponse { Status = 308 }.With("Location", $"https://127.0.0.1:{port}/api/send-message"));
            using var client = Loopback.Client(home);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.SendAsync(Loopback.Send()));

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.Not.InstanceOf<SendblueConnectionException>(), "refused, not attempted");
                Assert.That(ex!.Message, Does.Contain($"308 Permanent Redirect, a redirect to another origin (https://127.0.0.1:{port})"));
            });
        }

        [TestCase(307)]
        [TestCase(308)]
        public async Task ASendRedirectedOnTheSameOrigin_IsFollowed_WithItsBodyAndTheCredentials(int status)
        {
            await using var home = new LoopbackServer((_, i) => i == 0
                ? new LoopbackResponse { Status = status }.With("Location", "/api/v2/send-message")
                : Loopback.Ok());
            using var client = Loopback.Client(home);

            var sent = await client.Messages.SendAsync(Loopback.Send());

            var requests = home.Requests;
            Assert.Multiple(() =>
            {
                Assert.That(sent.MessageHandle, Is.EqualTo(Hostile.Handle));
                Assert.That(requests.Select(r => r.Method + " " + r.Path), Is.EqualTo(new[] { "POST /api/send-message", "POST /api/v2/send-message" }));
                Assert.That(requests[1].Body, Is.EqualTo(requests[0].Body));
                Assert.That(requests[1].Header("sb-api-secret-key"), Is.EqualTo(MockHttp.Secret));
            });
        }

        [Test]
        public async Task ASend303ToAnotherOrigin_IsFollowedAsAGet_WithoutTheBodyOrCredentials()
        {
            await using var elsewhere = new LoopbackServer(_ => Loopback.Ok());
            await using var home = new LoopbackServer(_ => new LoopbackResponse { Status = 303 }.With("Location", $"{elsewhere.BaseUrl}api/status?handle=h"));
            using var client = Loopback.Client(home);

            await client.Messages.SendAsync(Loopback.Send());

            var request = elsewhere.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method + " " + request.Target, Is.EqualTo("GET /api/status?handle=h"));
                Assert.That(request.Body, Is.Empty);
                Assert.That(request.Header("sb-api-key-id"), Is.Null);
                Assert.That(request.Header("sb-api-secret-key"), Is.Null);
            });
        }

        [TestCase(307)]
        [TestCase(308)]
        public async Task AGetRedirectedToAnotherOrigin_IsFollowed_WithoutCredentials(int status)
        {
            await using var elsewhere = new LoopbackServer(_ => Loopback.Ok());
            await using var home = new LoopbackServer(_ => new LoopbackResponse { Status = status }.With("Location", $"{elsewhere.BaseUrl}api/status?handle=h"));
            using var client = Loopback.Client(home);

            await client.Messages.GetStatusAsync(Hostile.Handle);

            Assert.Multiple(() =>
            {
                Assert.That(elsewhere.Requests.Single().Header("sb-api-secret-key"), Is.Null);
                Assert.That(elsewhere.Requests.Single().Header("sb-api-key-id"), Is.Null);
            });
        }

        [Test]
        public async Task ARelativeLocationWithoutALeadingSlash_IsResolvedAgainstTheRequest()
        {
            await using var home = new LoopbackServer((_, i) => i == 0
                ? new LoopbackResponse { Status = 302 }.With("Location", "status?handle=moved")
                : Loopback.Ok());
            using var client = Loopback.Client(home);

            await client.Messages.GetStatusAsync(Hostile.Handle);

            Assert.That(home.Requests.Select(r => r.Target), Is.EqualTo(new[] { $"/api/status?handle={Hostile.Handle}", "/api/status?handle=moved" }));
        }

        private static string Reason(int status) => HostileExchange.ReasonOf(status);
    }
}
