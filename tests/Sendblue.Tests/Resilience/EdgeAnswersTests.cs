using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// Issue 17, points 3 and 4, as a new user would meet them against a real server: every 2xx is
    /// a success (an empty one where a model is required says so, with its status), and integers
    /// as Sendblue writes them (<c>4001.0</c>, <c>"4001"</c>) read as integers, while a fraction
    /// or an overflow is a SendblueException naming the field. Both are the reader's and the
    /// generated client's part (the one caller, SendblueApi, and JsonRead).
    /// </summary>
    public class EdgeAnswersTests
    {
        public static IEnumerable<TestCaseData> OtherSuccesses()
        {
            foreach (var status in new[] { 201, 202, 203 })
            {
                yield return (new TestCaseData(Operations.Send, status, Payloads.MessageResponse));
                yield return (new TestCaseData(Operations.GetStatus, status, Payloads.MessageResponse));
                yield return (new TestCaseData(Operations.Get, status, Payloads.Retrieve(Hostile.Handle)));
                yield return (new TestCaseData(Operations.List, status, Payloads.Page(0, 1, 100, false, Hostile.Handle)));
            }
        }

        [TestCaseSource(nameof(OtherSuccesses))]
        public async Task A2xxOtherThan200WithABody_ReadsAsTheModel(Operation operation, int status, string body)
        {
            await using var server = new HostileServer(x => x.RespondAsync(status, body));
            using var client = Hostile.Client(server, maxRetries: 0);

            var result = await operation.Invoke(client.Messages);

            var handle = result switch
            {
                MessageResponse m => m.MessageHandle,
                MessageRetrieveResponse r => r.Data?.MessageHandle,
                MessageListResponse l => l.Data?.Single().MessageHandle,
                _ => null,
            };
            Assert.That(handle, Is.EqualTo(Hostile.Handle));
        }

        [TestCase(204, "")]
        [TestCase(200, "")]
        [TestCase(201, "")]
        public async Task A2xxWithNoBody_WhereAModelIsRequired_IsASendblueException_SayingSo(int status, string body)
        {
            await using var server = new HostileServer(x => status == 204
                ? x.WriteHeadAsync(204, "No Content")
                : x.RespondAsync(status, body));
            using var client = Hostile.Client(server, maxRetries: 0);

            var ex = Assert.CatchAsync<Exception>(() => client.Messages.SendAsync(Http.Loopback.Send()));

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.InstanceOf<SendblueException>(), ex?.ToString() ?? "no exception");
                Assert.That(ex!.Message, Does.Contain("empty answer").And.Contain(status.ToString()));
                Assert.That(server.Requests, Has.Count.EqualTo(1), "a send's empty answer is not a reason to send again");
            });
        }

        [TestCase("4001", 4001)]
        [TestCase("4001.0", 4001)]
        [TestCase("\"4001\"", 4001)]
        [TestCase("4.001e3", 4001)]
        public async Task AnIntegerValuedErrorCode_ReadsAsTheInteger(string wire, int expected)
        {
            await using var server = new HostileServer(x => x.Request.Path == "/api/status"
                ? x.RespondAsync(200, $$"""{"message_handle":"h","error_code":{{wire}}}""")
                : x.RespondAsync(200, "{\"status\":\"OK\",\"data\":[{\"message_handle\":\"m\",\"error_code\":" + wire + "}],\"pagination\":{\"hasMore\":false,\"total\":1}}"));
            using var client = Hostile.Client(server, maxRetries: 0);

            var status = await client.Messages.GetStatusAsync("h");
            var listed = await client.Messages.ListAsync();

            Assert.Multiple(() =>
            {
                Assert.That(status.ErrorCode, Is.EqualTo(expected), "MessageResponse.ErrorCode");
                Assert.That(listed.Data!.Single().ErrorCode, Is.EqualTo(expected), "Message.ErrorCode");
            });
        }

        [TestCase("total", "3.0", 3)]
        [TestCase("limit", "\"100\"", 100)]
        [TestCase("offset", "0.0", 0)]
        public async Task AnIntegerValuedPaginationField_ReadsAsTheInteger(string field, string wire, int expected)
        {
            await using var server = new HostileServer(x => x.RespondAsync(200, "{\"status\":\"OK\",\"data\":[],\"pagination\":{\"hasMore\":false,\"limit\":100,\"offset\":0,\"total\":3,\"" + field + "\":" + wire + "}}"));
            using var client = Hostile.Client(server, maxRetries: 0);

            var page = await client.Messages.ListAsync();

            var pagination = page.Pagination!;
            var read = field switch { "total" => pagination.Total, "limit" => pagination.Limit, _ => pagination.Offset };
            Assert.That(read, Is.EqualTo(expected), "pagination." + field);
        }

        [TestCase("4001.5", "error_code")]
        [TestCase("99999999999", "error_code")]
        [TestCase("\"4001.5\"", "error_code")]
        [TestCase("1e400", "error_code")]
        public async Task ANonIntegralOrOverflowingErrorCode_IsASendblueException_NamingTheField(string wire, string field)
        {
            await using var server = new HostileServer(x => x.RespondAsync(200, $$"""{"message_handle":"h","error_code":{{wire}}}"""));
            using var client = Hostile.Client(server, maxRetries: 0);

            var ex = Assert.CatchAsync<Exception>(() => client.Messages.GetStatusAsync("h"));

            Assert.Multiple(() =>
            {
                Assert.That(ex, Is.InstanceOf<SendblueException>(), ex?.ToString() ?? "no exception");
                Assert.That(ex?.Message, Does.Contain(field));
            });
        }

        [TestCase("4001.0")]
        [TestCase("\"4001\"")]
        [TestCase("4001.5")]
        public async Task AnErrorBodyWithAnOddErrorCode_IsStillTheStatusException_WithTheServersWords(string wire)
        {
            await using var server = new HostileServer(x => x.RespondAsync(400, $$"""{"status":"ERROR","error_code":{{wire}},"error_message":"from_number is required"}"""));
            using var client = Hostile.Client(server, maxRetries: 0);

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(Http.Loopback.Send()));

            Assert.That(ex!.ErrorMessage, Is.EqualTo("from_number is required"));
        }
    }
}
