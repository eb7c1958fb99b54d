using System;
using System.Collections.Generic;
using System.Net;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Errors
{
    /// <summary>The API key and secret stay out of everything a user might print or log, even when a server echoes them.</summary>
    public class SecretNeverShownTests
    {
        private const string Secret = MockHttp.Secret;

        private static void AssertNoSecret(Exception ex)
        {
            Assert.Multiple(() =>
            {
                foreach (var credential in new[] { Secret, MockHttp.Key })
                {
                    Assert.That(ex.Message, Does.Not.Contain(credential));
                    Assert.That(ex.ToString(), Does.Not.Contain(credential));
                    if (ex is SendblueApiException api)
                    {
                        Assert.That(api.ResponseBody ?? string.Empty, Does.Not.Contain(credential));
                        Assert.That(api.ErrorMessage ?? string.Empty, Does.Not.Contain(credential));
                        Assert.That(api.Headers.Values, Has.None.Some.Contains(credential));
                    }
                }
            });
        }

        public static IEnumerable<TestCaseData> EchoingErrorBodies()
        {
            yield return new TestCaseData(401, $$"""{"error_message":"invalid secret {{Secret}}"}""").SetArgDisplayNames("401 error_message");
            yield return new TestCaseData(403, $$"""{"message":"key test-key-id with secret {{Secret}} may not send"}""").SetArgDisplayNames("403 message");
            yield return new TestCaseData(418, $$"""{"error":"{{Secret}}"}""").SetArgDisplayNames("418 error");
            yield return new TestCaseData(400, $$$"""{"headers":{"sb-api-secret-key":"{{{Secret}}}"}}""").SetArgDisplayNames("400 echoed headers");
            yield return new TestCaseData(502, $"<html><pre>sb-api-secret-key: {Secret}</pre></html>").SetArgDisplayNames("502 html");
            yield return new TestCaseData(500, new string('x', 400) + Secret).SetArgDisplayNames("500 long body");
        }

        [TestCaseSource(nameof(EchoingErrorBodies))]
        public void ErrorBodyEchoingTheSecret_IsScrubbedEverywhere(int status, string body)
        {
            var http = MockHttp.Returning(body, (HttpStatusCode)status);
            using var client = http.CreateClient();

            var ex = Assert.CatchAsync<SendblueApiException>(() => client.Messages.GetStatusAsync("h-1"))!;

            AssertNoSecret(ex);
            Assert.That(ex.ResponseBody, Does.Contain("[redacted]"));
        }

        [Test]
        public void AResponseHeaderEchoingTheCredentials_IsScrubbed()
        {
            var http = new MockHttp(_ =>
            {
                var response = MockHttp.Json("{}", HttpStatusCode.BadRequest);
                response.Headers.TryAddWithoutValidation("X-Echo", $"{MockHttp.Key}:{Secret}");
                return response;
            });
            using var client = http.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.GetStatusAsync("h-1"))!;

            AssertNoSecret(ex);
            Assert.That(ex.Headers["X-Echo"], Is.EqualTo(new[] { "[redacted]:[redacted]" }));
        }

        [Test]
        public void ErrorBodyEchoingTheSecret_StillSaysWhatTheServerSaid()
        {
            var http = MockHttp.Returning($$"""{"error_message":"invalid secret {{Secret}}"}""", HttpStatusCode.Unauthorized);
            using var client = http.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueAuthenticationException>(() => client.Messages.GetStatusAsync("h-1"))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.ErrorMessage, Is.EqualTo("invalid secret [redacted]"));
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 401 Unauthorized: invalid secret [redacted]"));
            });
        }

        public static IEnumerable<TestCaseData> EchoingSuccessBodies()
        {
            yield return new TestCaseData(Operations.Send, $$"""{"error_code":"{{Secret}}"}""").SetArgDisplayNames("SendAsync error_code");
            yield return new TestCaseData(Operations.GetStatus, $$"""{"date_created":"{{Secret}}"}""").SetArgDisplayNames("GetStatusAsync date_created");
            yield return new TestCaseData(Operations.Get, $$$"""{"data":{"is_outbound":"{{{Secret}}}"}}""").SetArgDisplayNames("GetAsync is_outbound");
            yield return new TestCaseData(Operations.List, $$$"""{"data":[],"pagination":{"total":"{{{Secret}}}"}}""").SetArgDisplayNames("ListAsync total");
        }

        [TestCaseSource(nameof(EchoingSuccessBodies))]
        public void UnreadableSuccessBodyEchoingTheSecret_DoesNotShowItInTheException(Operation operation, string body)
        {
            var http = MockHttp.Returning(body);
            using var client = http.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueException>(() => operation.Invoke(client.Messages))!;

            AssertNoSecret(ex);
            Assert.That(ex.Message, Does.Contain("[redacted]"));
        }

        [Test]
        public void Options_ToString_ShowsNeitherKeyNorSecret()
        {
            var text = MockHttp.Options().ToString();

            Assert.Multiple(() =>
            {
                Assert.That(text, Does.Not.Contain(Secret));
                Assert.That(text, Does.Not.Contain(MockHttp.Key));
                Assert.That(text, Does.Contain("ApiSecret = (set)"));
                Assert.That(text, Does.Contain("ApiKey = (set)"));
            });
        }

        [Test]
        public void Client_ToString_ShowsNeitherKeyNorSecret()
        {
            using var client = MockHttp.Returning("{}").CreateClient();

            var text = client.ToString();

            Assert.Multiple(() =>
            {
                Assert.That(text, Does.Not.Contain(Secret));
                Assert.That(text, Does.Not.Contain(MockHttp.Key));
            });
        }

        [Test]
        public void SecretWithSurroundingSpaces_IsScrubbedAsItWasSent()
        {
            var options = MockHttp.Options();
            options.ApiSecret = "  " + Secret + "\n";
            var http = MockHttp.Returning($$"""{"error":"bad secret {{Secret}}"}""", HttpStatusCode.Unauthorized);
            using var client = http.CreateClient(options);

            var ex = Assert.ThrowsAsync<SendblueAuthenticationException>(() => client.Messages.GetStatusAsync("h-1"))!;

            Assert.Multiple(() =>
            {
                Assert.That(http.Single.Header("sb-api-secret-key"), Is.EqualTo(Secret));
                Assert.That(ex.Message, Does.Not.Contain(Secret));
            });
        }
    }
}
