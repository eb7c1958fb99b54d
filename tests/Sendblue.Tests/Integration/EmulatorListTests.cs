using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>Every list filter, ordering and page bounds, and long walks, against the emulator.</summary>
    public class EmulatorListTests
    {
        private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        /// <summary>Six messages that differ in every filtered field; each filter below picks a known subset.</summary>
        private static void Seed(SendblueEmulator emulator)
        {
            EmulatedMessage M(string handle, int minutes, Func<EmulatedMessage, EmulatedMessage> shape) => shape(new EmulatedMessage
            {
                MessageHandle = handle,
                FromNumber = "+16292925296",
                ToNumber = "+19998887777",
                Content = handle,
                Status = MessageStatus.Delivered,
                DateCreated = T0.AddMinutes(minutes),
                DateSent = T0.AddMinutes(minutes).AddSeconds(5),
                DateUpdated = T0.AddMinutes(minutes).AddSeconds(30),
            });

            emulator.AddMessage(M("a", 0, m => m));
            emulator.AddMessage(M("b", 10, m => m with { ToNumber = "+15550001111", Service = MessageService.Sms, WasDowngraded = true }));
            emulator.AddMessage(M("c", 20, m => m with { IsOutbound = false, FromNumber = "+15550001111", ToNumber = "+16292925296", Status = MessageStatus.Received }));
            emulator.AddMessage(M("d", 30, m => m with { MessageType = MessageType.Group, GroupId = "g-1", Participants = new[] { "+19998887777", "+15550001111" } }));
            emulator.AddMessage(M("e", 40, m => m with { FromNumber = "+16292920000", Status = MessageStatus.Error, ErrorCode = 4001, WorkerId = "w-7" }));
            emulator.AddMessage(M("f", 50, m => m with { AccountEmail = "other@example.com", Service = MessageService.Rcs, DateSent = null, Status = MessageStatus.Queued }));
        }

        private static IEnumerable<TestCaseData> Filters()
        {
            TestCaseData Case(string name, MessageListQuery query, params string[] handles) =>
                new TestCaseData(query, handles).SetArgDisplayNames(name);

            yield return Case("account_email", new() { AccountEmail = "other@example.com" }, "f");
            yield return Case("created_at_gte", new() { CreatedAtGte = T0.AddMinutes(40) }, "f", "e");
            yield return Case("created_at_lte", new() { CreatedAtLte = T0.AddMinutes(10) }, "b", "a");
            yield return Case("created_at range, other offset", new() { CreatedAtGte = new DateTimeOffset(2024, 5, 1, 14, 10, 0, TimeSpan.FromHours(2)), CreatedAtLte = T0.AddMinutes(20) }, "c", "b");
            yield return Case("from_number", new() { FromNumber = "+16292920000" }, "e");
            yield return Case("group_id", new() { GroupId = "g-1" }, "d");
            yield return Case("is_outbound", new() { IsOutbound = false }, "c");
            yield return Case("message_type", new() { MessageType = MessageType.Group }, "d");
            yield return Case("number", new() { Number = "+15550001111" }, "c", "b");
            yield return Case("sendblue_number", new() { SendblueNumber = "+16292920000" }, "e");
            yield return Case("sent_at_gte", new() { SentAtGte = T0.AddMinutes(40) }, "e");
            yield return Case("sent_at_lte", new() { SentAtLte = T0.AddMinutes(1) }, "a");
            yield return Case("service", new() { Service = MessageService.Rcs }, "f");
            yield return Case("status", new() { Status = MessageStatus.Error }, "e");
            yield return Case("to_number", new() { ToNumber = "+15550001111" }, "b");
            yield return Case("updated_at_gte", new() { UpdatedAtGte = T0.AddMinutes(50) }, "f");
            yield return Case("updated_at_lte", new() { UpdatedAtLte = T0.AddMinutes(0).AddSeconds(30) }, "a");
            yield return Case("worker_id", new() { WorkerId = "w-7" }, "e");
            yield return Case("limit and offset", new() { Limit = 2, Offset = 1 }, "e", "d");
            yield return Case("order_by updatedAt asc", new() { OrderBy = MessageOrderBy.UpdatedAt, OrderDirection = SortDirection.Asc }, "a", "b", "c", "d", "e", "f");
            yield return Case("order_by sentAt desc", new() { OrderBy = MessageOrderBy.SentAt, OrderDirection = SortDirection.Desc }, "e", "d", "c", "b", "a", "f");
            yield return Case("no filter: newest first", new(), "f", "e", "d", "c", "b", "a");
        }

        [TestCaseSource(nameof(Filters))]
        public async Task ListAsync_EachFilter_SelectsTheMatchingMessages(MessageListQuery query, string[] expected)
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            Seed(emulator);
            using var client = emulator.CreateClient();

            var page = await client.Messages.ListAsync(query);

            Assert.That(page.Data!.Select(m => m.MessageHandle), Is.EqualTo(expected));
        }

        [Test]
        public async Task ListAsync_ReportsPaginationLikeTheApi()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            Seed(emulator);
            using var client = emulator.CreateClient();

            var first = await client.Messages.ListAsync(new MessageListQuery { Limit = 4 });
            var last = await client.Messages.ListAsync(new MessageListQuery { Limit = 4, Offset = 4 });

            Assert.Multiple(() =>
            {
                Assert.That(first.Pagination!.HasMore, Is.True);
                Assert.That(first.Pagination.Total, Is.EqualTo(6));
                Assert.That(first.Pagination.Limit, Is.EqualTo(4));
                Assert.That(last.Pagination!.HasMore, Is.False);
                Assert.That(last.Pagination.Offset, Is.EqualTo(4));
                Assert.That(last.Data, Has.Count.EqualTo(2));
            });
        }

        [TestCase("limit=0", "limit must be an integer from 1 to 1000; it is '0'.")]
        [TestCase("limit=1001", "limit must be an integer from 1 to 1000; it is '1001'.")]
        [TestCase("offset=-1", "offset must be an integer of at least 0; it is '-1'.")]
        [TestCase("status=LOST", "status must be one of REGISTERED, PENDING, SENT, DELIVERED, RECEIVED, QUEUED, ERROR, DECLINED, ACCEPTED, SUCCESS; it is 'LOST'.")]
        [TestCase("created_at_gte=yesterday", "created_at_gte must be an ISO 8601 date-time; it is 'yesterday'.")]
        public async Task List_OutOfBoundsParameters_Are400(string query, string error)
        {
            // Raw HTTP: the SDK refuses a bad limit before sending, so only another client gets here.
            await using var emulator = await EmulatorFixture.StartAsync();

            var (status, body) = await emulator.RawAsync(HttpMethod.Get, "api/v2/messages?" + query);

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400));
                Assert.That(body, Is.EqualTo($$"""{"status":"ERROR","error_message":"{{error}}"}"""));
            });
        }

        [Test]
        public async Task ListAllAsync_WalksOver1000Messages_In10Pages_EachOnce()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            for (var i = 0; i < 1000; i++)
            {
                emulator.AddMessage(new EmulatedMessage { MessageHandle = $"m-{i:D4}", FromNumber = "+16292925296", ToNumber = "+19998887777", Content = $"#{i}", DateCreated = T0.AddSeconds(i) });
            }

            using var client = emulator.CreateClient();
            var handles = new List<string?>();
            await foreach (var message in client.Messages.ListAllAsync(new MessageListQuery { OrderDirection = SortDirection.Asc }))
            {
                handles.Add(message.MessageHandle);
            }

            Assert.Multiple(() =>
            {
                Assert.That(handles, Is.EqualTo(Enumerable.Range(0, 1000).Select(i => $"m-{i:D4}")));
                Assert.That(emulator.Requests, Has.Count.EqualTo(10));
                Assert.That(emulator.Requests.Select(r => r.QueryString), Is.EqualTo(Enumerable.Range(0, 10).Select(p => $"?offset={p * 100}&order_direction=asc")));
            });
        }

        [Test]
        public async Task ListAllAsync_WhileMessagesAreSent_YieldsNoDuplicates()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            for (var i = 0; i < 250; i++)
            {
                emulator.AddMessage(new EmulatedMessage { MessageHandle = $"old-{i:D3}", FromNumber = "+16292925296", ToNumber = "+19998887777", Content = "old", DateCreated = T0.AddSeconds(i) });
            }

            using var client = emulator.CreateClient();
            var handles = new List<string?>();
            await foreach (var message in client.Messages.ListAllAsync())
            {
                handles.Add(message.MessageHandle);
                if (handles.Count % 100 == 50)
                {
                    // New messages land at the head (newest first) mid-walk and shift every offset.
                    await client.Messages.SendAsync(EmulatorFixture.Hello(content: "new"));
                }
            }

            Assert.Multiple(() =>
            {
                Assert.That(handles, Is.Unique);
                Assert.That(handles.Count(h => h!.StartsWith("old-", StringComparison.Ordinal)), Is.EqualTo(250));
            });
        }
    }
}
