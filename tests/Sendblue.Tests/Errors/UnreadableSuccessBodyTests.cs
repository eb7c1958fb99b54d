using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Errors
{
    /// <summary>
    /// A 200 whose body cannot be read gives a SendblueException that says why, never a Newtonsoft
    /// or NSwag exception; a body that can be read, however odd, gives a result.
    /// </summary>
    public class UnreadableSuccessBodyTests
    {
        private static readonly Dictionary<Operation, string> ResultType = new()
        {
            [Operations.Send] = nameof(MessageResponse),
            [Operations.GetStatus] = nameof(MessageResponse),
            [Operations.Get] = nameof(MessageRetrieveResponse),
            [Operations.List] = nameof(MessageListResponse),
        };

        public static IEnumerable<TestCaseData> NotAnObject() =>
            from operation in Operations.All
            from body in new[] { "{not json", "<!DOCTYPE html><html><body>Sign in to Wi-Fi</body></html>", "\"a string\"", "[]", "42", "true", "{\"status\":", new string('[', 100) + new string(']', 100) }
            select new TestCaseData(operation, body).SetArgDisplayNames(operation.Name, body.Length > 20 ? body.Substring(0, 20) + "..." : body);

        [TestCaseSource(nameof(NotAnObject))]
        public void BodyThatIsNotAJsonObject_ThrowsSendblueException_SayingTheBodyIsNotValid(Operation operation, string body)
        {
            using var client = MockHttp.Returning(body).CreateClient();

            var ex = Assert.ThrowsAsync<SendblueException>(() => operation.Invoke(client.Messages))!;

            Assert.That(ex.Message, Does.StartWith($"The Sendblue API returned 200 with a body that is not a valid {ResultType[operation]}: "));
        }

        /// <summary>An answer that is a bare list (the contact list) names what it expected in words, and says in one sentence when the body is no list.</summary>
        [TestCase("""{"contacts":[]}""", "the body is a JSON object, not a list.")]
        [TestCase("\"a string\"", "the body is not a JSON array.")]
        [TestCase("<html><body>Sign in</body></html>", "the body is an HTML page, not JSON (a proxy, a captive portal or a wrong BaseUrl answered).")]
        [TestCase("[5]", "'[0]' must be a Contact object; it is the number 5.")]
        public void AListAnswerThatIsNoList_SaysSo_InTheSdksWords(string body, string says)
        {
            using var client = MockHttp.Returning(body).CreateClient();

            var ex = Assert.ThrowsAsync<SendblueException>(() => client.Contacts.ListAsync())!;

            Assert.That(ex.Message, Is.EqualTo("The Sendblue API returned 200 with a body that is not a valid list of Contact: " + says));
        }

        [Test]
        public void AListAnswerOfNull_SaysTheAnswerIsEmpty_NamingTheList()
        {
            using var client = MockHttp.Returning("null").CreateClient();

            var ex = Assert.ThrowsAsync<SendblueApiException>(() => client.Contacts.ListAsync())!;

            Assert.That(ex.Message, Is.EqualTo("The Sendblue API returned 200 with an empty answer (JSON null) where a list of Contact was expected."));
        }

        public static IEnumerable<TestCaseData> NoBody() =>
            from operation in Operations.All
            from body in new[] { "null", string.Empty, "  \n" }
            select new TestCaseData(operation, body).SetArgDisplayNames(operation.Name, body.Length == 0 ? "(empty)" : body.Trim().Length == 0 ? "(blank)" : body);

        [TestCaseSource(nameof(NoBody))]
        public void NullOrEmptyBody_ThrowsSendblueException_SayingTheBodyIsEmpty(Operation operation, string body)
        {
            using var client = MockHttp.Returning(body).CreateClient();

            var ex = Assert.ThrowsAsync<SendblueApiException>(() => operation.Invoke(client.Messages))!;

            Assert.That(ex.Message, Is.EqualTo($"The Sendblue API returned 200 with an empty answer{(body == "null" ? " (JSON null)" : string.Empty)} where a {ResultType[operation]} was expected."));
        }

        public static IEnumerable<TestCaseData> WrongTypeInAField()
        {
            TestCaseData Case(Operation operation, string body, string says) =>
                new TestCaseData(operation, body, says).SetArgDisplayNames(operation.Name, body);

            yield return Case(Operations.Send, """{"error_code":"abc"}""", "'error_code' must be a 32-bit whole number; it is the string \"abc\"");
            yield return Case(Operations.GetStatus, """{"error_code":"abc"}""", "'error_code' must be a 32-bit whole number; it is the string \"abc\"");
            yield return Case(Operations.Send, """{"error_code":99999999999}""", "'error_code' must be a 32-bit whole number; it is the number 99999999999, and it is out of range.");
            yield return Case(Operations.Send, """{"error_code":"5e9"}""", "'error_code' must be a 32-bit whole number; it is the string \"5e9\", and it is out of range.");
            yield return Case(Operations.Send, """{"error_code":"1e30"}""", "'error_code' must be a 32-bit whole number; it is the string \"1e30\", and it is out of range.");
            yield return Case(Operations.Send, """{"error_code":"4e1x"}""", "'error_code' must be a 32-bit whole number; it is the string \"4e1x\", and it is not a number.");
            yield return Case(Operations.Send, """{"is_outbound":"maybe"}""", "Path 'is_outbound'");
            yield return Case(Operations.GetStatus, """{"date_created":"yesterday"}""", "'date_created' must be a date and time (ISO 8601); it is the string \"yesterday\".");
            yield return Case(Operations.GetStatus, """{"date_updated":5}""", "'date_updated' must be a date and time (ISO 8601); it is the number 5.");
            yield return Case(Operations.Send, """{"status":{"code":"SENT"}}""", "'status' must be a string; it is an object.");
            yield return Case(Operations.Send, """{"send_style":["loud"]}""", "'send_style' must be a string; it is an array.");
            yield return Case(Operations.Get, """{"data":{"error_code":"abc"}}""", "'data.error_code' must be a 32-bit whole number; it is the string \"abc\"");
            yield return Case(Operations.Get, """{"data":"m-1"}""", "'data'");
            yield return Case(Operations.Get, """{"data":{"participants":"+1555"}}""", "'data.participants' must be an array; it is the string \"+1555\".");
            yield return Case(Operations.Get, """{"data":{"service":{}}}""", "'data.service' must be a string; it is an object.");
            yield return Case(Operations.List, """{"data":[{"error_code":"abc"}]}""", "'data[0].error_code' must be a 32-bit whole number; it is the string \"abc\"");
            yield return Case(Operations.List, """{"data":{}}""", "'data'");
            yield return Case(Operations.List, """{"data":[5]}""", "'data[0]' must be a Message object; it is the number 5.");
            yield return Case(Operations.List, """{"pagination":{"hasMore":"yes"}}""", "Path 'pagination.hasMore'");
            yield return Case(Operations.List, """{"pagination":[]}""", "'pagination' must be a Pagination object; it is an array.");
        }

        [TestCaseSource(nameof(WrongTypeInAField))]
        public void WrongTypeInAField_ThrowsSendblueException_NamingTheField(Operation operation, string body, string says)
        {
            using var client = MockHttp.Returning(body).CreateClient();

            var ex = Assert.ThrowsAsync<SendblueException>(() => operation.Invoke(client.Messages))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.Message, Does.StartWith($"The Sendblue API returned 200 with a body that is not a valid {ResultType[operation]}: "));
                Assert.That(ex.Message, Does.Contain(says));
            });
        }

        [TestCase("""{"error_code":"abc"}""")]
        [TestCase("""{"error_code":"abc","status":"OK","data":null}""")]
        public async Task FieldTheRetrieveResponseDoesNotHave_IsKept_NotAnError(string body)
        {
            using var client = MockHttp.Returning(body).CreateClient();

            var result = await client.Messages.GetAsync("m-1");

            Assert.Multiple(() =>
            {
                Assert.That(result.Data, Is.Null);
                Assert.That(result.AdditionalProperties["error_code"], Is.EqualTo("abc"));
            });
        }

        [Test]
        public async Task FieldTheListResponseDoesNotHave_IsKept_NotAnError()
        {
            using var client = MockHttp.Returning("""{"error_code":"abc"}""").CreateClient();

            var result = await client.Messages.ListAsync();

            Assert.Multiple(() =>
            {
                Assert.That(result.Data, Is.Null);
                Assert.That(result.Pagination, Is.Null);
                Assert.That(result.AdditionalProperties["error_code"], Is.EqualTo("abc"));
            });
        }

        [Test]
        public async Task EmptyObject_IsAResultWithNothingSet()
        {
            using var client = MockHttp.Returning("{}").CreateClient();

            var result = await client.Messages.SendAsync(Operations.NewRequest());

            Assert.Multiple(() =>
            {
                Assert.That(result.MessageHandle, Is.Null);
                Assert.That(result.Status, Is.Null);
                Assert.That(result.DateCreated, Is.Null);
                Assert.That(result.AdditionalProperties, Is.Empty);
            });
        }

        [Test]
        public async Task ErrorCodeAsDigitsInAString_ReadsAsTheNumber()
        {
            using var client = MockHttp.Returning("""{"error_code":"4001"}""").CreateClient();

            var result = await client.Messages.GetStatusAsync("h-1");

            Assert.That(result.ErrorCode, Is.EqualTo(4001));
        }

        [TestCase(201)]
        [TestCase(202)]
        [TestCase(203)]
        public async Task AnyOther2xxWithABody_IsASuccess_ReadAsTheOperationsModel(int status)
        {
            using var client = MockHttp.Returning(Payloads.MessageResponse, (HttpStatusCode)status).CreateClient();

            var result = await client.Messages.GetStatusAsync("h-1");

            Assert.That(result.MessageHandle, Is.EqualTo("5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55"));
        }

        [TestCase(200)]
        [TestCase(204)]
        public void A2xxWithoutABody_WhereAModelIsRequired_IsAnEmptyAnswer_CarryingTheStatus(int status)
        {
            using var client = MockHttp.Returning(string.Empty, (HttpStatusCode)status).CreateClient();

            var ex = Assert.ThrowsAsync<SendblueApiException>(() => client.Messages.GetStatusAsync("h-1"))!;

            Assert.Multiple(() =>
            {
                Assert.That(ex.StatusCode, Is.EqualTo(status));
                Assert.That(ex.Message, Is.EqualTo($"The Sendblue API returned {status} with an empty answer where a MessageResponse was expected."));
            });
        }
    }
}
