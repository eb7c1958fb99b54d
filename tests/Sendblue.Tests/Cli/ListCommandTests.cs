using System;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Cli
{
    /// <summary><c>list</c>: filters on the wire, one page, every page, JSON, progress.</summary>
    public class ListCommandTests
    {
        [Test]
        public async Task List_PutsEveryFilterOnTheWire()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator,
                "list",
                "--number", "+19998887777",
                "--from-number", "+16292925296",
                "--to-number", "+19998887777",
                "--sendblue-number", "+16292925296",
                "--status", "delivered",
                "--service", "sms",
                "--message-type", "Message",
                "--is-outbound", "false",
                "--group-id", "group-1",
                "--account-email", "me@example.com",
                "--worker-id", "worker-7",
                "--created-after", "2025-01-01T00:00:00+02:00",
                "--created-before", "2025-01-31T23:59:59Z",
                "--sent-after", "2025-02-01T00:00:00Z",
                "--sent-before", "2025-02-28T00:00:00Z",
                "--updated-after", "2025-03-01T00:00:00Z",
                "--updated-before", "2025-03-31T00:00:00Z",
                "--order-by", "sentAt",
                "--order-direction", "asc",
                "--limit", "25",
                "--offset", "50"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var query = HttpUtility.ParseQueryString(emulator.Requests.Single().QueryString);
            Assert.Multiple(() =>
            {
                Assert.That(query["number"], Is.EqualTo("+19998887777"));
                Assert.That(query["from_number"], Is.EqualTo("+16292925296"));
                Assert.That(query["to_number"], Is.EqualTo("+19998887777"));
                Assert.That(query["sendblue_number"], Is.EqualTo("+16292925296"));
                Assert.That(query["status"], Is.EqualTo("DELIVERED"), "a known value is matched without case");
                Assert.That(query["service"], Is.EqualTo("SMS"));
                Assert.That(query["message_type"], Is.EqualTo("message"));
                Assert.That(query["is_outbound"], Is.EqualTo("false"));
                Assert.That(query["group_id"], Is.EqualTo("group-1"));
                Assert.That(query["account_email"], Is.EqualTo("me@example.com"));
                Assert.That(query["worker_id"], Is.EqualTo("worker-7"));
                Assert.That(query["created_at_gte"], Is.EqualTo("2024-12-31T22:00:00Z"), "the instant, in UTC");
                Assert.That(query["created_at_lte"], Is.EqualTo("2025-01-31T23:59:59Z"));
                Assert.That(query["sent_at_gte"], Is.EqualTo("2025-02-01T00:00:00Z"));
                Assert.That(query["sent_at_lte"], Is.EqualTo("2025-02-28T00:00:00Z"));
                Assert.That(query["updated_at_gte"], Is.EqualTo("2025-03-01T00:00:00Z"));
                Assert.That(query["updated_at_lte"], Is.EqualTo("2025-03-31T00:00:00Z"));
                Assert.That(query["order_by"], Is.EqualTo("sentAt"));
                Assert.That(query["order_direction"], Is.EqualTo("asc"));
                Assert.That(query["limit"], Is.EqualTo("25"));
                Assert.That(query["offset"], Is.EqualTo("50"));
                Assert.That(query.Count, Is.EqualTo(21), "one parameter per option, nothing else");
            });
        }

        [Test]
        public async Task List_WithoutFilters_SendsNone()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(emulator.Requests.Single().QueryString, Is.Empty);
        }

        [Test]
        public async Task List_PrintsOnePageAsATable_AndWhereItSits()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var seeded = Seed(emulator, 3);

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--limit", "2"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
                Assert.That(result.Out, Does.Contain(seeded[2].MessageHandle), "newest first by default");
                Assert.That(result.Out, Does.Contain(seeded[1].MessageHandle));
                Assert.That(result.Out, Does.Not.Contain(seeded[0].MessageHandle));
                Assert.That(result.Out, Does.Contain("Messages 1-2 of 3.").And.Contain("--offset 2"));
            });
        }

        [Test]
        public async Task List_Json_PrintsThePage()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            Seed(emulator, 3);

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--json"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var page = JObject.Parse(result.Out);
            Assert.Multiple(() =>
            {
                Assert.That((JArray)page["data"]!, Has.Count.EqualTo(3));
                Assert.That((int?)page["pagination"]?["total"], Is.EqualTo(3));
                Assert.That((bool?)page["pagination"]?["hasMore"], Is.False);
            });
        }

        [Test]
        public async Task ListAll_Json_WalksEveryPage_IntoOneArray()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var seeded = Seed(emulator, 250);

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--all", "--json"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var all = JArray.Parse(result.Out);
            Assert.Multiple(() =>
            {
                Assert.That(all, Has.Count.EqualTo(250));
                Assert.That(all.Select(m => (string?)m["message_handle"]), Is.EquivalentTo(seeded.Select(m => m.MessageHandle)));
                Assert.That(emulator.Requests, Has.Count.EqualTo(3), "pages of 100");
                Assert.That(result.Error, Is.Empty, "no progress when stderr is not a terminal");
            });
        }

        [Test]
        public async Task ListAll_OnATerminal_ShowsProgressOnStderr_AndKeepsStdoutData()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            Seed(emulator, 120);

            var result = await CliRunner.RunAsync(
                () => new SendblueClientOptions { ApiKey = emulator.ApiKey, ApiSecret = emulator.ApiSecret },
                errorIsTerminal: true,
                CliRunner.At(emulator, "list", "--all", "--limit", "50", "--json"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
                Assert.That(JArray.Parse(result.Out), Has.Count.EqualTo(120));
                Assert.That(result.Error, Does.Contain("Read 120 messages"));
            });
        }

        [Test]
        public async Task ListAll_AsText_PrintsATableAndTheCount()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            Seed(emulator, 120);

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--all", "--status", "DELIVERED"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
                Assert.That(result.Out, Does.Contain("120 messages."));
                Assert.That(result.Out.Split('\n').Count(line => line.Contains("DELIVERED", StringComparison.Ordinal)), Is.EqualTo(120));
            });
        }

        private static EmulatedMessage[] Seed(SendblueEmulator emulator, int count)
        {
            var start = DateTimeOffset.UtcNow.AddHours(-1);
            return Enumerable.Range(0, count)
                .Select(i => emulator.AddMessage(new EmulatedMessage
                {
                    FromNumber = "+16292925296",
                    ToNumber = "+19998887777",
                    Content = $"Message {i}",
                    Status = MessageStatus.Delivered,
                    DateCreated = start.AddSeconds(i),
                    DateSent = start.AddSeconds(i),
                }))
                .ToArray();
        }
    }
}
