using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Cli
{
    /// <summary><c>send --reply-to --reply-part --seat</c>: an inline reply on behalf of a seat, on the wire and as printed.</summary>
    public class SendReplyAndSeatTests
    {
        private const string Parent = "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55";
        private const string Seat = "2f8e4c1a-7b3d-4e9f-a6c5-1d0b8e7f2a34";

        /// <summary>The spec's answer to a send, as it comes back for a reply on behalf of a seat.</summary>
        private static string ReplyAnswer()
        {
            var answer = JObject.Parse(SpecExamples.Response("Send"));
            answer["message_handle"] = "9d1e4b7a-2c3f-4a5b-8e6d-7f0a1b2c3d4e";
            answer["reply_to"] = new JObject { ["message_handle"] = Parent, ["part_index"] = 1 };
            answer["seat_id"] = Seat;
            answer["sender_email"] = "maria@example.com";
            return answer.ToString();
        }

        [Test]
        public async Task Send_AReply_OnBehalfOfASeat_PutsReplyToAndSeatIdOnTheWire_AndPrintsThem()
        {
            var answer = ReplyAnswer();
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api,
                "send", "--to", "+19998887777", "--from", "+16292925296", "--content", "See you then.",
                "--reply-to", Parent, "--reply-part", "1", "--seat", Seat);

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var request = api.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("POST"));
                Assert.That(request.Target, Is.EqualTo("/api/send-message"));
                Expected.SameBody(request, JObject.Parse($$"""
                    {
                      "number": "+19998887777",
                      "from_number": "+16292925296",
                      "content": "See you then.",
                      "reply_to": { "message_handle": "{{Parent}}", "part_index": 1 },
                      "seat_id": "{{Seat}}"
                    }
                    """));
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    "message_handle  9d1e4b7a-2c3f-4a5b-8e6d-7f0a1b2c3d4e",
                    "status          QUEUED",
                    "number          +19998887777",
                    "from_number     +16292925296",
                    "is_outbound     true",
                    "content         Your table for two is ready. Reply STOP to opt out.",
                    "send_style      celebration",
                    $"reply_to        {Parent} (part 1)",
                    "date_created    2024-05-14T18:03:11.512Z",
                    "date_updated    2024-05-14T18:03:11.512Z",
                    "account_email   ops@example.com",
                    $"seat_id         {Seat}",
                    "sender_email    maria@example.com")));
                Assert.That(result.Error, Is.Empty);
            });
        }

        [Test]
        public async Task Send_AReplyWithoutAPart_SendsOnlyTheHandle()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Send")));

            var result = await CliRunner.RunAsync(api, "send", "--to", "+19998887777", "--from", "+16292925296", "--content", "Yes", "--reply-to", Parent);

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(Expected.Body(api.Requests.Single())["reply_to"], Is.EqualTo(new JObject { ["message_handle"] = Parent }));
        }

        [Test]
        public async Task Send_WithoutTheNewOptions_SendsExactlyWhatItDidBefore()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Send")));

            var result = await CliRunner.RunAsync(api, "send", "--to", "+19998887777", "--from", "+16292925296", "--content", "Hi");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameBody(api.Requests.Single(), JObject.Parse("""{ "number": "+19998887777", "from_number": "+16292925296", "content": "Hi" }"""));
        }

        [Test]
        public async Task Send_Json_PrintsTheReplyFields_WithTheApisNames()
        {
            var answer = ReplyAnswer();
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "send", "--to", "+19998887777", "--from", "+16292925296", "--content", "Hi", "--reply-to", Parent, "--json");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameJson(result.Out, answer);
        }

        [TestCase(new[] { "--reply-part", "1" }, "--reply-part needs --reply-to")]
        [TestCase(new[] { "--reply-to", Parent, "--reply-part", "first" }, "--reply-part must be a whole number, such as 1; it is 'first'.")]
        [TestCase(new[] { "--reply-to", " " }, "--reply-to needs the message_handle")]
        public async Task Send_AReplyOptionWrong_IsAUsageError_NamingIt_AndSendsNothing(string[] options, string message)
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Send")));

            var result = await CliRunner.RunAsync(api, new[] { "send", "--to", "+19998887777", "--from", "+16292925296", "--content", "Hi" }.Concat(options).ToArray());

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith("error: " + message));
                Assert.That(api.Requests, Is.Empty);
            });
        }
    }
}
