using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Cli
{
    /// <summary><c>webhooks list|add|remove</c>: the account's webhooks, read and changed one URL at a time.</summary>
    public class WebhooksCommandTests
    {
        private const string Sales = "https://hooks.example.com/sendblue/inbound-sales";

        [Test]
        public async Task WebhooksList_PrintsOneRowPerWebhook_ReceiveFirst_WithoutTheSecrets()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Webhooks_List")));

            var result = await CliRunner.RunAsync(api, "webhooks", "list");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var request = api.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("GET"));
                Assert.That(request.Target, Is.EqualTo("/api/account/webhooks"));
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    "╭──────────┬──────────────────────────────────────────────────┬────────┬──────────────╮",
                    "│ Type     │ URL                                              │ Secret │ Lines        │",
                    "├──────────┼──────────────────────────────────────────────────┼────────┼──────────────┤",
                    "│ receive  │ https://hooks.example.com/sendblue/inbound       │        │              │",
                    "│ receive  │ https://hooks.example.com/sendblue/inbound-sales │ set    │ +16292925296 │",
                    "│ outbound │ https://hooks.example.com/sendblue/status        │        │              │",
                    "╰──────────┴──────────────────────────────────────────────────┴────────┴──────────────╯",
                    "A global secret is set.")));
                Assert.That(result.Out, Does.Not.Contain("whsec_"), "secrets stay off the screen");
            });
        }

        [Test]
        public async Task WebhooksList_AnEventTypeTheSdkDoesNotKnow_IsListedToo_AfterTheKnownOnes()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("""
                { "status": "OK", "webhooks": { "message_reaction": ["https://hooks.example.com/reactions"], "receive": ["https://hooks.example.com/in"] } }
                """));

            var result = await CliRunner.RunAsync(api, "webhooks", "list");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var rows = result.Out.Split('\n').Where(l => l.StartsWith("│ ", System.StringComparison.Ordinal)).Skip(1).Select(l => l.Split('│')[1].Trim());
            Assert.That(rows, Is.EqualTo(new[] { "receive", "message_reaction" }));
        }

        [Test]
        public async Task WebhooksList_None_SaysSo()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("""{ "status": "OK", "webhooks": { "receive": [], "outbound": [] } }"""));

            var result = await CliRunner.RunAsync(api, "webhooks", "list");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.Out, Is.EqualTo(Expected.Lines("No webhooks.")));
        }

        [Test]
        public async Task WebhooksList_Json_PrintsTheAnswer_SecretsAndBothEntryForms()
        {
            var answer = SpecExamples.Response("Webhooks_List");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "webhooks", "list", "--json");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameJson(result.Out, answer);
        }

        [Test]
        public async Task WebhooksAdd_WithASecretAndALine_SendsOneObjectEntry_AndPrintsTheWebhooksAfter()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Webhooks_Create")));

            var result = await CliRunner.RunAsync(api, "webhooks", "add", Sales, "--type", "Receive", "--secret", "whsec_sales_41b8", "--sendblue-number", "+16292925296");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var request = api.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("POST"));
                Assert.That(request.Target, Is.EqualTo("/api/account/webhooks"));
                Expected.SameBody(request, JObject.Parse($$"""
                    { "type": "receive", "webhooks": [ { "url": "{{Sales}}", "secret": "whsec_sales_41b8", "sendblue_numbers": ["+16292925296"] } ] }
                    """));
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    $"Added {Sales} to the receive webhooks.",
                    "The account's webhooks now:",
                    "╭──────────┬──────────────────────────────────────────────────┬────────┬──────────────╮",
                    "│ Type     │ URL                                              │ Secret │ Lines        │",
                    "├──────────┼──────────────────────────────────────────────────┼────────┼──────────────┤",
                    "│ receive  │ https://hooks.example.com/sendblue/inbound       │        │              │",
                    "│ receive  │ https://hooks.example.com/sendblue/inbound-sales │ set    │ +16292925296 │",
                    "│ outbound │ https://hooks.example.com/sendblue/status        │        │              │",
                    "╰──────────┴──────────────────────────────────────────────────┴────────┴──────────────╯")));
            });
        }

        [Test]
        public async Task WebhooksAdd_OnlyAUrl_SendsThePlainStringForm()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Webhooks_Create")));

            var result = await CliRunner.RunAsync(api, "webhooks", "add", "https://hooks.example.com/sendblue/status", "--type", "outbound");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameBody(api.Requests.Single(), JObject.Parse("""{ "type": "outbound", "webhooks": ["https://hooks.example.com/sendblue/status"] }"""));
        }

        [Test]
        public async Task WebhooksAdd_Json_PrintsTheAnswer()
        {
            var answer = SpecExamples.Response("Webhooks_Create");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "webhooks", "add", Sales, "--type", "receive", "--json");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameJson(result.Out, answer);
        }

        [Test]
        public async Task WebhooksRemove_SendsTheSpecsExampleRequest_AndSaysWhatWasRemoved()
        {
            var answer = SpecExamples.Response("Webhooks_Delete");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var text = await CliRunner.RunAsync(api, "webhooks", "remove", Sales, "--type", "receive");
            var json = await CliRunner.RunAsync(api, "webhooks", "remove", Sales, "--type", "receive", "--json");

            Assert.Multiple(() =>
            {
                Assert.That(text.ExitCode, Is.EqualTo(0), text.ToString());
                Assert.That(api.Requests[0].Method, Is.EqualTo("DELETE"));
                Assert.That(api.Requests[0].Target, Is.EqualTo("/api/account/webhooks"));
                Expected.SameBody(api.Requests[0], SpecExamples.Request("Webhooks_Delete"));
                Assert.That(text.Out, Is.EqualTo(Expected.Lines($"Removed {Sales} from the receive webhooks.")));
                Assert.That(json.ExitCode, Is.EqualTo(0), json.ToString());
            });
            Expected.SameJson(json.Out, answer);
        }

        [TestCase("add")]
        [TestCase("remove")]
        public async Task Webhooks_AnEventTypeTheSpecDoesNotList_IsAUsageError_NamingTheOptionAndTheTypes(string command)
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("""{ "status": "OK" }"""));

            var result = await CliRunner.RunAsync(api, "webhooks", command, Sales, "--type", "message_reaction");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith($"error: --type must be one of {string.Join(", ", WebhookType.KnownValues)}; it is 'message_reaction'."));
                Assert.That(api.Requests, Is.Empty);
            });
        }

        [Test]
        public async Task WebhooksHelp_NamesEveryEventTypeOfTheSdk()
        {
            var result = await CliRunner.RunWithoutCredentialsAsync("webhooks", "add", "--help");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var help = System.Text.RegularExpressions.Regex.Replace(result.Out, @"\s+", " ");
            foreach (var type in WebhookType.KnownValues)
            {
                Assert.That(help, Does.Contain(type.ToString()), "--type's description lists the types the SDK knows");
            }
        }

        [TestCase("add", new[] { Sales }, "error: --type is required")]
        [TestCase("remove", new[] { Sales }, "error: --type is required")]
        [TestCase("add", new[] { "hooks.example.com/in", "--type", "receive" }, "error: <url> must be an absolute http or https URL")]
        [TestCase("remove", new[] { "ftp://hooks.example.com/in", "--type", "receive" }, "error: <url> must be an absolute http or https URL")]
        [TestCase("remove", new[] { Sales, "--type", "receive", "--secret", "x" }, "error: Unknown option '--secret'.")]
        public async Task Webhooks_AMissingTypeOrABadUrl_IsAUsageError_NamingIt_AndSendsNothing(string command, string[] args, string message)
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("""{ "status": "OK" }"""));

            var result = await CliRunner.RunAsync(api, new[] { "webhooks", command }.Concat(args).ToArray());

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith(message));
                Assert.That(api.Requests, Is.Empty);
            });
        }
    }
}
