using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Cli
{
    /// <summary>What every command beyond the messages' holds to: help that describes each option, exit 1 on an API error, exit 2 on a branch without its command.</summary>
    public class ResourceCommandsTests
    {
        /// <summary>A row of Spectre's option table: "    -h, --help ..." or "        --name &lt;VALUE&gt;  description".</summary>
        private static readonly Regex OptionRow = new(@"^ {4}(?:-\w, | {4})(?<name>--[a-z][a-z0-9-]*)(?: <(?<value>[A-Z_=]+)>)? +(?<description>\S.*)$", RegexOptions.Multiline);

        /// <summary>The spec's answer to a request it refuses (components/responses/BadRequest).</summary>
        private const string BadRequest = """{ "status": "ERROR", "error_message": "from_number is required" }""";

        private static readonly object[] Commands =
        {
            new object[] { new[] { "send" }, new[] { "--to", "--from", "--content", "--media-url", "--style", "--status-callback", "--reply-to", "--reply-part", "--seat", "--json", "--base-url" } },
            new object[] { new[] { "group", "send" }, new[] { "--group", "--to", "--from", "--content", "--media-url", "--reply-to", "--reply-part", "--seat", "--json", "--base-url" } },
            new object[] { new[] { "typing", "start" }, new[] { "--from", "--max-duration-ms", "--json", "--base-url" } },
            new object[] { new[] { "typing", "stop" }, new[] { "--from", "--json", "--base-url" } },
            new object[] { new[] { "lookup" }, new[] { "--json", "--base-url" } },
            new object[] { new[] { "contacts", "list" }, new[] { "--all", "--limit", "--offset", "--phone-number", "--json", "--base-url" } },
            new object[] { new[] { "contacts", "get" }, new[] { "--json", "--base-url" } },
            new object[] { new[] { "contacts", "create" }, new[] { "--first-name", "--last-name", "--assigned-to-email", "--sendblue-number", "--tag", "--custom-variable", "--update-if-exists", "--json", "--base-url" } },
            new object[] { new[] { "contacts", "delete" }, new[] { "--json", "--base-url" } },
            new object[] { new[] { "webhooks", "list" }, new[] { "--json", "--base-url" } },
            new object[] { new[] { "webhooks", "add" }, new[] { "--type", "--secret", "--sendblue-number", "--json", "--base-url" } },
            new object[] { new[] { "webhooks", "remove" }, new[] { "--type", "--json", "--base-url" } },
            new object[] { new[] { "lines" }, new[] { "--json", "--base-url" } },
        };

        /// <summary>One valid run of each new command, to be answered with an error.</summary>
        private static readonly string[][] Runs =
        {
            new[] { "send", "--to", "+19998887777", "--from", "+16292925296", "--content", "Hi", "--reply-to", "h-1" },
            new[] { "group", "send", "--group", "g-1", "--from", "+16292925296", "--content", "Hi" },
            new[] { "typing", "start", "+19998887777", "--from", "+16292925296" },
            new[] { "typing", "stop", "+19998887777", "--from", "+16292925296" },
            new[] { "lookup", "+19998887777" },
            new[] { "contacts", "list" },
            new[] { "contacts", "list", "--all" },
            new[] { "contacts", "get", "+19998887777" },
            new[] { "contacts", "create", "+19998887777" },
            new[] { "contacts", "delete", "+19998887777" },
            new[] { "webhooks", "list" },
            new[] { "webhooks", "add", "https://example.com/in", "--type", "receive" },
            new[] { "webhooks", "remove", "https://example.com/in", "--type", "receive" },
            new[] { "lines" },
        };

        [TestCaseSource(nameof(Commands))]
        public async Task Help_ListsTheCommandsOptions_EachWithADescription(string[] command, string[] options)
        {
            var result = await CliRunner.RunWithoutCredentialsAsync(command.Append("--help").ToArray());

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var rows = OptionRow.Matches(result.Out).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["description"].Value);
            Assert.Multiple(() =>
            {
                Assert.That(result.Out, Does.Contain($"sendblue {string.Join(" ", command)}"), "the usage names the command by its path");
                foreach (var option in options)
                {
                    Assert.That(rows.TryGetValue(option, out var description), Is.True, $"{option} is in the help of {string.Join(" ", command)}");
                    Assert.That(description?.Trim(), Has.Length.GreaterThan(10), $"{option} is described");
                }
            });
        }

        [Test]
        public async Task TheHelp_NamesEveryCommand()
        {
            var result = await CliRunner.RunWithoutCredentialsAsync("--help");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            foreach (var command in new[] { "demo", "send", "status", "get", "list", "group", "typing", "lookup", "contacts", "webhooks", "lines" })
            {
                Assert.That(result.Out, Does.Match($@"(?m)^    {command}\b"), command);
            }
        }

        [TestCase("group", "send")]
        [TestCase("typing", "start")]
        [TestCase("contacts", "create")]
        [TestCase("webhooks", "remove")]
        public async Task ABranchWithoutItsCommand_IsAUsageError_ExitTwo_AndPrintsTheBranchsHelp(string branch, string oneOfItsCommands)
        {
            var bare = await CliRunner.RunWithoutCredentialsAsync(branch);
            var withAnOption = await CliRunner.RunWithoutCredentialsAsync(branch, "--json");
            var help = await CliRunner.RunWithoutCredentialsAsync(branch, "--help");

            Assert.Multiple(() =>
            {
                Assert.That(bare.ExitCode, Is.EqualTo(2), bare.ToString());
                Assert.That(bare.Out, Does.Contain($"sendblue {branch}").And.Match($@"(?m)^    {oneOfItsCommands}\b"));
                Assert.That(withAnOption.ExitCode, Is.EqualTo(2), withAnOption.ToString());
                Assert.That(help.ExitCode, Is.EqualTo(0), help.ToString());
            });
        }

        [TestCaseSource(nameof(Runs))]
        public async Task AnApiError_ExitsOne_WithTheExceptionTheStatusAndTheServersWords_AndPrintsNoData(string[] run)
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(BadRequest, 400));

            var result = await CliRunner.RunAsync(api, run);

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
                Assert.That(result.Out, Is.Empty);
                Assert.That(result.Error, Is.EqualTo(Expected.Lines("error: SendblueBadRequestException (HTTP 400): from_number is required")));
                Assert.That(api.Requests, Has.Count.EqualTo(1), "sent once: a 400 is not retried");
            });
        }

        [TestCaseSource(nameof(Runs))]
        public async Task WithoutCredentials_ExitsTwo_AndSendsNothing(string[] run)
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(BadRequest, 400));

            var result = await CliRunner.RunWithoutCredentialsAsync(run.Concat(new[] { "--base-url", api.BaseUrl.ToString() }).ToArray());

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.Contain("SENDBLUE_API_API_KEY"));
                Assert.That(api.Requests, Is.Empty);
            });
        }
    }
}
