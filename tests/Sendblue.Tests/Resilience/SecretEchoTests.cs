using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// A server that echoes the API key and secret back, in each place a server's words reach an
    /// exception: the reason phrase, the body, a header value or name, a redirect's Location, the
    /// text of a transport error. Neither credential appears in the exception's message,
    /// ToString(), ResponseBody, ErrorMessage or headers. One test per source.
    /// </summary>
    public class SecretEchoTests
    {
        private const string Key = MockHttp.Key;
        private const string Secret = MockHttp.Secret;

        internal static void AssertNoCredential(Exception? ex)
        {
            Assert.That(ex, Is.Not.Null);
            var texts = new[] { ex!.Message, ex.ToString() }.ToList();
            if (ex is SendblueApiException api)
            {
                texts.Add(api.ResponseBody ?? string.Empty);
                texts.Add(api.ErrorMessage ?? string.Empty);
                texts.AddRange(api.Headers.Keys);
                texts.AddRange(api.Headers.Values.SelectMany(v => v));
            }

            for (var inner = ex.InnerException; inner != null; inner = inner.InnerException)
            {
                texts.Add(inner.Message);
            }

            Assert.Multiple(() =>
            {
                foreach (var credential in new[] { Key, Secret })
                {
                    Assert.That(texts, Has.None.Contains(credential), $"'{credential}' in: {string.Join(" | ", texts)}");
                }
            });
        }

        [Test]
        public async Task TheReasonPhrase_IsScrubbed()
        {
            await using var server = new HostileServer(x => x.RespondAsync(400, $"{Secret} {Key}", """{"status":"ERROR"}"""u8.ToArray()));
            using var client = Hostile.Client(server);

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            AssertNoCredential(ex);
            Assert.That(ex!.Message, Does.StartWith("Sendblue API returned 400 [redacted] [redacted]"));
        }

        [Test]
        public async Task TheReasonPhraseOfABodyTooLarge_IsScrubbed()
        {
            await using var server = new HostileServer(x => x.RespondAsync(500, Secret, new byte[2048]));
            using var client = Hostile.Client(server, maxResponseBytes: 1024);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            AssertNoCredential(ex);
            Assert.That(ex!.Message, Does.Contain("(500 [redacted])"));
        }

        [Test]
        public async Task AnErrorBody_IsScrubbed()
        {
            await using var server = new HostileServer(x => x.RespondAsync(401, $$$"""{"error_message":"key {{{Key}}} with secret {{{Secret}}} is not valid","echo":{"sb-api-secret-key":"{{{Secret}}}"}}"""));
            using var client = Hostile.Client(server);

            var ex = Assert.ThrowsAsync<SendblueAuthenticationException>(() => client.Messages.SendAsync(Http.Loopback.Send()));

            AssertNoCredential(ex);
            Assert.That(ex!.ErrorMessage, Is.EqualTo("key [redacted] with secret [redacted] is not valid"));
        }

        [Test]
        public async Task ASuccessBodyThatCannotBeRead_IsScrubbed()
        {
            await using var server = new HostileServer(x => x.RespondAsync(200, $$"""{"message_handle":"{{Hostile.Handle}}","is_outbound":"{{Secret}}","date_created":"{{Key}}"}"""));
            using var client = Hostile.Client(server);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            AssertNoCredential(ex);
        }

        [Test]
        public async Task AHeaderValue_IsScrubbed()
        {
            await using var server = new HostileServer(x => x.RespondAsync(403, "{}", $"X-Echo: {Key}:{Secret}", $"Set-Cookie: s={Secret}; Path=/"));
            using var client = Hostile.Client(server);

            var ex = Assert.ThrowsAsync<SendbluePermissionDeniedException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            AssertNoCredential(ex);
            Assert.That(ex!.Headers["X-Echo"], Is.EqualTo(new[] { "[redacted]:[redacted]" }));
        }

        [Test]
        public async Task AHeaderName_IsScrubbed()
        {
            await using var server = new HostileServer(x => x.RespondAsync(404, "{}", $"X-{Secret}: 1"));
            using var client = Hostile.Client(server);

            var ex = Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            AssertNoCredential(ex);
            Assert.That(ex!.Headers.Keys, Has.Member("X-[redacted]"));
        }

        [Test]
        public async Task ARedirectLocation_OnARefusedRedirect_IsScrubbed()
        {
            // A send redirected to another origin whose very host name is the secret.
            await using var server = new HostileServer(x => x.RespondAsync(307, "", $"Location: http://{Secret}.invalid:8080/{Key}?secret={Secret}"));
            using var client = Hostile.Client(server);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.SendAsync(Http.Loopback.Send()));

            AssertNoCredential(ex);
            Assert.That(ex!.Message, Does.Contain("http://[redacted].invalid:8080"));
        }

        [Test]
        public async Task ARedirectLocation_OnTooManyRedirects_IsScrubbed()
        {
            await using var server = new HostileServer(x => x.RespondAsync(302, "", $"Location: /api/status?handle={Secret}&key={Key}"));
            using var client = Hostile.Client(server);

            var ex = Assert.CatchAsync<SendblueException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            AssertNoCredential(ex);
            Assert.That(ex!.Message, Does.Contain("Too many redirects"));
        }

        [Test]
        public async Task ARedirectLocation_OnARedirectNotFollowed_IsScrubbed()
        {
            // 300 is not a redirect the client follows: it is an error status, Location among its headers.
            await using var server = new HostileServer(x => x.RespondAsync(300, "", $"Location: http://127.0.0.1:1/{Secret}"));
            using var client = Hostile.Client(server);

            var ex = Assert.ThrowsAsync<SendblueApiException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            AssertNoCredential(ex);
            Assert.That(ex!.StatusCode, Is.EqualTo(300));
        }

        [Test]
        public async Task TheTextOfATransportError_IsScrubbed_InTheInnerExceptionToo([Values("header line", "status line")] string where)
        {
            // .NET's handler quotes the line it could not parse in its HttpRequestException.
            await using var server = new HostileServer(async x =>
            {
                if (where == "header line")
                {
                    await x.WriteAsync($"HTTP/1.1 200 OK\r\n{Secret} {Key}\r\n\r\n");
                }
                else
                {
                    await x.WriteAsync($"HTTP/1.1 2x0 {Secret}\r\n\r\n");
                }

                x.Close();
            });
            using var client = Hostile.Client(server, maxRetries: 0);

            var ex = Assert.CatchAsync<SendblueConnectionException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            AssertNoCredential(ex);
            Assert.That(ex!.InnerException, Is.Not.Null, "the cause is kept, scrubbed");
        }

        [Test]
        public async Task ThroughABroughtHttpClient_TheReasonPhraseAndHeadersAreScrubbedToo()
        {
            await using var server = new HostileServer(x => x.RespondAsync(422, Secret, System.Text.Encoding.UTF8.GetBytes($$"""{"error":"{{Secret}}"}"""), $"X-Echo: {Key}"));
            using var http = new HttpClient();
            using var client = new SendblueClient(Hostile.Options(server.BaseUrl), http);

            var ex = Assert.ThrowsAsync<SendblueUnprocessableEntityException>(() => client.Messages.GetStatusAsync(Hostile.Handle));

            AssertNoCredential(ex);
        }
    }
}
