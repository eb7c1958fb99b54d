using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Cli
{
    /// <summary><c>group send</c>: to an existing group or to the members of a new one.</summary>
    public class GroupSendCommandTests
    {
        private const string From = "+16292925296";

        [Test]
        public async Task GroupSend_ToAGroup_SendsTheSpecsExampleRequest_AndPrintsTheQueuedMessage()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Groups_SendMessage")));

            var result = await CliRunner.RunAsync(api,
                "group", "send", "--group", "4a7c2e91-0d3b-4f68-9b15-e2c8a6d04f37", "--from", From, "--content", "The table is booked for 8 tonight.",
                "--reply-to", "0c4e7a19-3b2d-4f6e-8a90-5d1c2b3a4f60", "--seat", "2f8e4c1a-7b3d-4e9f-a6c5-1d0b8e7f2a34");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var request = api.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("POST"));
                Assert.That(request.Target, Is.EqualTo("/api/send-group-message"));
                Expected.SameBody(request, SpecExamples.Request("Groups_SendMessage"));
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    "message_handle  e27b9c40-1f5a-4d3e-8c6b-9a0d2f4e7b15",
                    "status          QUEUED",
                    "from_number     +16292925296",
                    "is_outbound     true",
                    "content         The table is booked for 8 tonight.",
                    "message_type    group",
                    "reply_to        0c4e7a19-3b2d-4f6e-8a90-5d1c2b3a4f60",
                    "date_created    2024-05-15T19:02:51.304Z",
                    "date_updated    2024-05-15T19:02:51.304Z",
                    "account_email   ops@example.com",
                    "seat_id         2f8e4c1a-7b3d-4e9f-a6c5-1d0b8e7f2a34",
                    "sender_email    maria@example.com")));
            });
        }

        [Test]
        public async Task GroupSend_ToNewMembers_SendsEveryToAsNumbers_InOrder()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Groups_SendMessage")));

            var result = await CliRunner.RunAsync(api,
                "group", "send", "--to", "+19998887777", "--to", "+18887776666", "--from", From, "--media-url", "https://example.com/menu.pdf");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameBody(api.Requests.Single(), JObject.Parse("""
                { "numbers": ["+19998887777", "+18887776666"], "from_number": "+16292925296", "media_url": "https://example.com/menu.pdf" }
                """));
        }

        [Test]
        public async Task GroupSend_Json_PrintsTheAnswer_WithTheApisNames()
        {
            var answer = SpecExamples.Response("Groups_SendMessage");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "group", "send", "--group", "g-1", "--from", From, "--content", "Hi", "--json");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameJson(result.Out, answer);
        }

        [TestCase(new[] { "--from", From, "--content", "Hi" }, "A group message needs --group <group_id> (an existing group) or --to <number>")]
        [TestCase(new[] { "--group", "g-1", "--to", "+19998887777", "--from", From, "--content", "Hi" }, "Give --group (an existing group) or --to (the members of a new one), not both.")]
        [TestCase(new[] { "--group", "g-1", "--content", "Hi" }, "--from is required")]
        [TestCase(new[] { "--group", "g-1", "--from", From }, "A message needs --content, --media-url, or both.")]
        [TestCase(new[] { "--group", "g-1", "--from", From, "--content", "Hi", "--reply-part", "0" }, "--reply-part needs --reply-to")]
        public async Task GroupSend_IncompleteOrContradictory_IsAUsageError_NamingTheOptions_AndSendsNothing(string[] options, string message)
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Groups_SendMessage")));

            var result = await CliRunner.RunAsync(api, new[] { "group", "send" }.Concat(options).ToArray());

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith("error: " + message));
                Assert.That(api.Requests, Is.Empty);
            });
        }
    }
}
