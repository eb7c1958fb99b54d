using System.Net;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Errors
{
    /// <summary>What an error says: the server's own words when it gave them, the body otherwise.</summary>
    public class ErrorMessageTests
    {
        private static SendblueApiException Fail(string body, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var http = MockHttp.Returning(body, status);
            using var client = http.CreateClient();
            return Assert.CatchAsync<SendblueApiException>(() => client.Messages.SendAsync(Operations.NewRequest()))!;
        }

        [Test]
        public void Message_ReadsLikeTheApiContract()
        {
            var ex = Fail("""{"status":"ERROR","error_message":"from_number is required"}""");

            Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 400 Bad Request: from_number is required"));
        }

        [TestCase("""{"error_message":"from_number is required"}""")]
        [TestCase("""{"message":"from_number is required"}""")]
        [TestCase("""{"error":"from_number is required"}""")]
        [TestCase("""{"status":"ERROR","message":"from_number is required","extra":{"a":[1,2]}}""")]
        public void ErrorMessage_IsTakenFromEachOfTheFieldsTheApiUses(string body)
        {
            var ex = Fail(body);

            Assert.Multiple(() =>
            {
                Assert.That(ex.ErrorMessage, Is.EqualTo("from_number is required"));
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 400 Bad Request: from_number is required"));
                Assert.That(ex.ResponseBody, Is.EqualTo(body));
            });
        }

        [TestCase("""{"error":"third","message":"second","error_message":"first"}""", "first")]
        [TestCase("""{"error":"third","message":"second"}""", "second")]
        [TestCase("""{"error_message":"  ","message":"second"}""", "second")]
        [TestCase("""{"error_message":null,"error":"third"}""", "third")]
        [TestCase("""{"error_message":42,"error":"third"}""", "third")]
        public void ErrorMessage_PrefersErrorMessage_ThenMessage_ThenError_SkippingBlanksAndNonStrings(string body, string expected)
        {
            Assert.That(Fail(body).ErrorMessage, Is.EqualTo(expected));
        }

        [Test]
        public void ErrorFieldThatIsAnObject_LeavesErrorMessageNull_AndTheBodyInTheMessage()
        {
            const string body = """{"error":{"code":21211,"detail":"invalid number"}}""";

            var ex = Fail(body);

            Assert.Multiple(() =>
            {
                Assert.That(ex.ErrorMessage, Is.Null);
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 400 Bad Request: " + body));
                Assert.That(ex.ResponseBody, Is.EqualTo(body));
            });
        }

        [Test]
        public void HtmlErrorBody_FromAProxy_IsQuotedInTheMessage_AndKept()
        {
            const string html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";

            var ex = Fail(html, HttpStatusCode.BadGateway);

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.TypeOf<SendblueServerException>());
                Assert.That(ex.ErrorMessage, Is.Null);
                Assert.That(ex.ResponseBody, Is.EqualTo(html));
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 502 Bad Gateway: " + html));
            });
        }

        [Test]
        public void LongNonJsonBody_IsCutTo300CharactersInTheMessage_ButKeptWhole()
        {
            var body = "<html>" + new string('x', 1000) + "</html>";

            var ex = Fail(body, HttpStatusCode.ServiceUnavailable);

            Assert.Multiple(() =>
            {
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 503 Service Unavailable: " + body.Substring(0, 300) + "..."));
                Assert.That(ex.ResponseBody, Is.EqualTo(body));
            });
        }

        [TestCase("")]
        [TestCase("   ")]
        public void EmptyErrorBody_SaysSo(string body)
        {
            var ex = Fail(body, HttpStatusCode.Unauthorized);

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.TypeOf<SendblueAuthenticationException>());
                Assert.That(ex.ErrorMessage, Is.Null);
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 401 Unauthorized with an empty body."));
            });
        }

        [Test]
        public void EmptyErrorBody_HasNoResponseBody()
        {
            Assert.That(Fail(string.Empty).ResponseBody, Is.Null);
        }

        [Test]
        public void ErrorBodyThatIsAJsonString_IsQuotedAsText()
        {
            var ex = Fail("\"rate limited\"", HttpStatusCode.Forbidden);

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.TypeOf<SendbluePermissionDeniedException>());
                Assert.That(ex.ErrorMessage, Is.Null);
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 403 Forbidden: \"rate limited\""));
            });
        }
    }
}
