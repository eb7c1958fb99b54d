using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Cli
{
    /// <summary><c>lookup &lt;number&gt;</c> and <c>lines</c>: one read each, printed as fields, a table, or JSON.</summary>
    public class LookupAndLinesCommandTests
    {
        [Test]
        public async Task Lookup_AsksForTheNumber_PercentEncoded_AndPrintsItsService()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Lookups_LookupNumber")));

            var result = await CliRunner.RunAsync(api, "lookup", "+19998887777");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var request = api.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("GET"));
                Assert.That(request.Target, Is.EqualTo("/api/evaluate-service?number=%2B19998887777"));
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    "number   +19998887777",
                    "service  iMessage")));
            });
        }

        [Test]
        public async Task Lookup_Json_PrintsTheAnswer()
        {
            var answer = SpecExamples.Response("Lookups_LookupNumber");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "lookup", "ada@example.com", "--json");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
                Assert.That(api.Requests.Single().Target, Is.EqualTo("/api/evaluate-service?number=ada%40example.com"));
            });
            Expected.SameJson(result.Out, answer);
        }

        [Test]
        public async Task Lookup_ANumberTheSdkRefuses_IsAUsageError_AndSendsNothing()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Lookups_LookupNumber")));

            var result = await CliRunner.RunAsync(api, "lookup", "");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith("error: number is empty"));
                Assert.That(api.Requests, Is.Empty);
            });
        }

        [Test]
        public async Task Lines_PrintsEveryLine_AsATable_AndWhenTheViewWasTaken()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Lines_GetState")));

            var result = await CliRunner.RunAsync(api, "lines");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var request = api.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("GET"));
                Assert.That(request.Target, Is.EqualTo("/api/v2/lines/state"));
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    "╭──────────────┬──────────────┬──────────┬──────────────────────────┬──────────────────────────┬──────────────────────────┬─────────────╮",
                    "│ Number       │ Assignment   │ Status   │ Status changed           │ Degraded since           │ Effective until          │ Worker      │",
                    "├──────────────┼──────────────┼──────────┼──────────────────────────┼──────────────────────────┼──────────────────────────┼─────────────┤",
                    "│ +16292925296 │ assigned     │ ONLINE   │ 2024-05-14T07:41:22.006Z │                          │                          │ worker-3f9c │",
                    "│ +16292925297 │ grace_period │ DEGRADED │ 2024-05-15T11:48:10.000Z │ 2024-05-15T11:48:10.000Z │ 2024-05-22T00:00:00.000Z │ worker-81aa │",
                    "╰──────────────┴──────────────┴──────────┴──────────────────────────┴──────────────────────────┴──────────────────────────┴─────────────╯",
                    "2 lines, as of 2024-05-15T12:00:03.114Z.")));
            });
        }

        [Test]
        public async Task Lines_None_SaysSo()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("""{ "status": "OK", "snapshot_at": "2024-05-15T12:00:03.114Z", "data": [] }"""));

            var result = await CliRunner.RunAsync(api, "lines");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.Out, Is.EqualTo(Expected.Lines("No lines, as of 2024-05-15T12:00:03.114Z.")));
        }

        [Test]
        public async Task Lines_Json_PrintsTheAnswer()
        {
            var answer = SpecExamples.Response("Lines_GetState");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "lines", "--json");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameJson(result.Out, answer);
        }
    }
}
