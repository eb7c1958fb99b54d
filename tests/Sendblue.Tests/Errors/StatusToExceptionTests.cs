using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Errors
{
    /// <summary>Every error status becomes its own exception type, whatever the operation.</summary>
    public class StatusToExceptionTests
    {
        private const string Body = """{"status":"ERROR","error_message":"something went wrong"}""";

        public static IEnumerable<TestCaseData> Statuses()
        {
            yield return new TestCaseData(400, typeof(SendblueBadRequestException), "Bad Request");
            yield return new TestCaseData(401, typeof(SendblueAuthenticationException), "Unauthorized");
            yield return new TestCaseData(403, typeof(SendbluePermissionDeniedException), "Forbidden");
            yield return new TestCaseData(404, typeof(SendblueNotFoundException), "Not Found");
            yield return new TestCaseData(409, typeof(SendblueConflictException), "Conflict");
            yield return new TestCaseData(422, typeof(SendblueUnprocessableEntityException), "Unprocessable Entity");
            yield return new TestCaseData(429, typeof(SendblueRateLimitException), "Too Many Requests");
            yield return new TestCaseData(500, typeof(SendblueServerException), "Internal Server Error");
            yield return new TestCaseData(502, typeof(SendblueServerException), "Bad Gateway");
            yield return new TestCaseData(503, typeof(SendblueServerException), "Service Unavailable");
            yield return new TestCaseData(504, typeof(SendblueServerException), "Gateway Timeout");
            yield return new TestCaseData(451, typeof(SendblueApiException), "Unavailable For Legal Reasons");
            yield return new TestCaseData(405, typeof(SendblueApiException), "Method Not Allowed");
        }

        [TestCaseSource(nameof(Statuses))]
        public void ErrorStatus_ThrowsItsExceptionType_WithStatusMessageAndBody(int status, Type expected, string reason)
        {
            var http = MockHttp.Returning(Body, (HttpStatusCode)status);
            using var client = http.CreateClient();

            var ex = (SendblueApiException)Assert.ThrowsAsync(expected, () => client.Messages.GetStatusAsync("h-1"))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.InstanceOf<SendblueApiException>().And.InstanceOf<SendblueException>());
                Assert.That(ex.StatusCode, Is.EqualTo(status));
                Assert.That(ex.ErrorMessage, Is.EqualTo("something went wrong"));
                Assert.That(ex.ResponseBody, Is.EqualTo(Body));
                Assert.That(ex.Message, Is.EqualTo($"Sendblue API returned {status} {reason}: something went wrong"));
                Assert.That(ex.InnerException, Is.Null);
            });
        }

        [Test]
        public void StatusWithoutAReasonPhrase_418_ThrowsSendblueApiExceptionExactly()
        {
            var http = MockHttp.Returning("""{"error":"I'm a teapot"}""", (HttpStatusCode)418);
            using var client = http.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueApiException>(() => client.Messages.GetStatusAsync("h-1"))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.GetType(), Is.EqualTo(typeof(SendblueApiException)));
                Assert.That(ex.StatusCode, Is.EqualTo(418));
                Assert.That(ex.ErrorMessage, Is.EqualTo("I'm a teapot"));
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 418: I'm a teapot"));
            });
        }

        [Test]
        public void UnlistedStatusAbove500_IsAServerException()
        {
            var http = MockHttp.Returning("""{"error":"origin down"}""", (HttpStatusCode)599);
            using var client = http.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueServerException>(() => client.Messages.GetStatusAsync("h-1"))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.StatusCode, Is.EqualTo(599));
                Assert.That(ex.Message, Is.EqualTo("Sendblue API returned 599: origin down"));
            });
        }

        public static IEnumerable<TestCaseData> OperationsAndStatuses() =>
            from operation in Operations.All
            from pair in new (int Status, Type Type)[]
            {
                (400, typeof(SendblueBadRequestException)),
                (401, typeof(SendblueAuthenticationException)),
                (404, typeof(SendblueNotFoundException)),
                (418, typeof(SendblueApiException)),
                (500, typeof(SendblueServerException)),
            }
            select new TestCaseData(operation, pair.Status, pair.Type).SetArgDisplayNames(operation.Name, pair.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));

        [TestCaseSource(nameof(OperationsAndStatuses))]
        public void EveryOperation_MapsErrorStatusesTheSameWay(Operation operation, int status, Type expected)
        {
            var http = MockHttp.Returning("""{"message":"nope"}""", (HttpStatusCode)status);
            using var client = http.CreateClient();

            var ex = (SendblueApiException)Assert.ThrowsAsync(expected, () => operation.Invoke(client.Messages))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.StatusCode, Is.EqualTo(status));
                Assert.That(ex.ErrorMessage, Is.EqualTo("nope"));
                Assert.That(http.Requests, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public void ResponseHeaders_AreAvailable_ContentHeadersIncluded_CaseInsensitive()
        {
            var http = new MockHttp(_ =>
            {
                var response = MockHttp.Json("""{"error_message":"no such message"}""", HttpStatusCode.NotFound);
                response.Headers.Add("X-Request-Id", "req-7f3a");
                response.Headers.Add("X-Multi", new[] { "a", "b" });
                return response;
            });
            using var client = http.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Messages.GetAsync("m-1"))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.Headers["X-Request-Id"], Is.EqualTo(new[] { "req-7f3a" }));
                Assert.That(ex.Headers["x-request-id"], Is.EqualTo(new[] { "req-7f3a" }));
                Assert.That(ex.Headers["X-Multi"], Is.EqualTo(new[] { "a", "b" }));
                Assert.That(ex.Headers["Content-Type"].Single(), Does.StartWith("application/json"));
            });
        }

        [Test]
        public void ExceptionFamily_DerivesFromSendblueApiExceptionAndSendblueException()
        {
            var statusTypes = new[]
            {
                typeof(SendblueBadRequestException),
                typeof(SendblueAuthenticationException),
                typeof(SendbluePermissionDeniedException),
                typeof(SendblueNotFoundException),
                typeof(SendblueConflictException),
                typeof(SendblueUnprocessableEntityException),
                typeof(SendblueRateLimitException),
                typeof(SendblueServerException),
            };

            Assert.Multiple(() =>
            {
                foreach (var type in statusTypes)
                {
                    Assert.That(type.BaseType, Is.EqualTo(typeof(SendblueApiException)), type.Name);
                }

                Assert.That(typeof(SendblueApiException).BaseType, Is.EqualTo(typeof(SendblueException)));
                Assert.That(typeof(SendblueConnectionException).BaseType, Is.EqualTo(typeof(SendblueException)));
                Assert.That(typeof(SendblueTimeoutException).BaseType, Is.EqualTo(typeof(SendblueConnectionException)));
            });
        }
    }
}
