using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Cli
{
    /// <summary><c>typing start</c> and <c>typing stop</c>: one request each, the answer printed, an answer of ERROR an API error.</summary>
    public class TypingCommandTests
    {
        [Test]
        public async Task TypingStart_SendsTheSpecsExampleRequest_AndPrintsTheAnswer()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("TypingIndicators_Send")));

            var result = await CliRunner.RunAsync(api, "typing", "start", "+19998887777", "--from", "+16292925296", "--max-duration-ms", "120000");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var request = api.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("POST"));
                Assert.That(request.Target, Is.EqualTo("/api/send-typing-indicator"));
                Expected.SameBody(request, SpecExamples.Request("TypingIndicators_Send"));
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    "number  +19998887777",
                    "status  SENT")));
                Assert.That(result.Error, Is.Empty);
            });
        }

        [Test]
        public async Task TypingStop_SendsStateStop_AndNoDuration()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("TypingIndicators_Send")));

            var result = await CliRunner.RunAsync(api, "typing", "stop", "+19998887777", "--from", "+16292925296");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameBody(api.Requests.Single(), JObject.Parse("""{ "number": "+19998887777", "from_number": "+16292925296", "state": "stop" }"""));
        }

        [Test]
        public async Task TypingStart_Json_PrintsTheAnswer()
        {
            var answer = SpecExamples.Response("TypingIndicators_Send");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "typing", "start", "+19998887777", "--from", "+16292925296", "--json");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameJson(result.Out, answer);
        }

        [Test]
        public async Task Typing_AnAnswerOfError_IsAnApiError_ExitOne_WithTheApisReason()
        {
            const string answer = """{ "number": "+19998887777", "status": "ERROR", "error_message": "Typing indicators are only supported on iMessage" }""";
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "typing", "start", "+19998887777", "--from", "+16292925296");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    "number         +19998887777",
                    "status         ERROR",
                    "error_message  Typing indicators are only supported on iMessage")));
                Assert.That(result.Error, Is.EqualTo(Expected.Lines("error: the typing indicator was not sent: Typing indicators are only supported on iMessage.")));
            });
        }

        [TestCase(new[] { "start", "+19998887777" }, "error: --from is required")]
        [TestCase(new[] { "stop", "+19998887777" }, "error: --from is required")]
        [TestCase(new[] { "start", "+19998887777", "--from", "+16292925296", "--max-duration-ms", "1m" }, "error: --max-duration-ms must be a whole number, such as 120000; it is '1m'.")]
        [TestCase(new[] { "start", "+19998887777", "--from", "+16292925296", "--max-duration-ms", "0" }, "error: SendTypingIndicatorRequest.MaxDurationMs must be between 1 and 300000")]
        [TestCase(new[] { "stop", "+19998887777", "--from", "+16292925296", "--max-duration-ms", "5" }, "error: Unknown option '--max-duration-ms'.")]
        public async Task Typing_AMissingOrMalformedOption_IsAUsageError_NamingIt_AndSendsNothing(string[] args, string message)
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("TypingIndicators_Send")));

            var result = await CliRunner.RunAsync(api, new[] { "typing" }.Concat(args).ToArray());

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith(message));
                Assert.That(api.Requests, Is.Empty);
            });
        }
    }
}
