using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Sendblue.Tests.Cli
{
    /// <summary><c>demo</c>: the README's main command, with no credentials and no network.</summary>
    public class DemoCommandTests
    {
        // A table row starts with a time such as "│ 14:03:07.123 │".
        private static readonly Regex Row = new(@"^│ \d\d:\d\d:\d\d\.\d{3} │", RegexOptions.Multiline);

        [Test]
        public async Task Demo_ExitsZero_AndPrintsTheConversation_WithoutCredentials()
        {
            var result = await CliRunner.RunAsync(
                () => throw new AssertionException("the demo must not read credentials"),
                errorIsTerminal: false,
                "demo");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
                Assert.That(result.Error, Is.Empty, result.ToString());
                Assert.That(Row.Matches(result.Out), Has.Count.EqualTo(5), "three sent, one received, one inline reply: " + result.Out);
                Assert.That(RowsWith(result.Out, "DELIVERED"), Is.EqualTo(3), result.Out);
                Assert.That(RowsWith(result.Out, "ERROR"), Is.EqualTo(1), result.Out);
                Assert.That(RowsWith(result.Out, "SMS"), Is.EqualTo(1), result.Out);
                Assert.That(RowsWith(result.Out, "RECEIVED"), Is.EqualTo(1), result.Out);
                Assert.That(result.Out, Does.Contain("Perfect, see you then!"));
                Assert.That(result.Out, Does.Contain("+15555550101: iMessage").And.Contain("+15555550102: SMS"), "the lookups");
                Assert.That(result.Out, Does.Contain("with TypingIndicators.SendAsync: SENT"), "the typing indicator");
                Assert.That(result.Out, Does.Match("inline reply to it \\(reply_to [0-9a-f-]{36}\\)"), "the inline reply names the message it answers");
            });
        }

        /// <summary>
        /// Redirected to a file (<c>demo &gt; demo.txt</c>), a sentence stays on one line: the layout
        /// width of a redirected output is for tables, and a file has no screen edge to wrap at.
        /// </summary>
        [Test]
        public async Task Demo_RedirectedToAFile_KeepsEachSentenceOnOneLine()
        {
            var result = await CliRunner.RunWithoutCredentialsAsync("demo");

            var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.That(
                lines,
                Has.Member("With SENDBLUE_API_API_KEY and SENDBLUE_API_API_SECRET set, 'sendblue send', 'status', 'get', 'list', 'lookup', 'typing', 'group', 'contacts', 'webhooks' and 'lines' talk to the API."),
                result.Out);
        }

        [Test]
        public async Task Demo_ListsTheConversationOldestFirst_WithTheReplyLast()
        {
            var result = await CliRunner.RunWithoutCredentialsAsync("demo");

            var rows = Row.Matches(result.Out).Select(m => LineAt(result.Out, m.Index)).ToList();
            Assert.That(rows, Has.Count.EqualTo(5), result.ToString());
            Assert.Multiple(() =>
            {
                Assert.That(rows.Take(3), Has.All.Contain("│ out │"));
                Assert.That(rows[3], Does.Contain("│ in  │").And.Contain("RECEIVED"));
                Assert.That(rows[4], Does.Contain("│ out │").And.Contain("Great, your table is waiting."));
            });
        }

        /// <summary>
        /// The same as a user runs it: a separate process on the built app. The in-process test
        /// above covers the behaviour; this one catches what only a real start shows (assembly
        /// loading, the runtime config, Console being redirected).
        /// </summary>
        [Test]
        public async Task Demo_AsAProcess_ExitsZero_AndPrintsTheTable()
        {
            var app = FindApp();
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(app);
            start.ArgumentList.Add("demo");
            start.Environment.Remove("SENDBLUE_API_API_KEY");
            start.Environment.Remove("SENDBLUE_API_API_SECRET");

            // The demo runs on the emulator: a broken base URL in the environment does not stop it.
            start.Environment["SENDBLUE_API_BASE_URL"] = "not a url";

            // Nor does a proxy the machine names for its HTTP traffic (a closed port here): the emulator is on loopback.
            var proxy = $"http://127.0.0.1:{Sendblue.Tests.TestSupport.LoopbackServer.UnusedPort()}";
            start.Environment["http_proxy"] = proxy;
            start.Environment["HTTP_PROXY"] = proxy;

            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(60))) != exited)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("demo did not finish within 60 s");
            }

            var output = await stdout;
            Assert.Multiple(async () =>
            {
                Assert.That(process.ExitCode, Is.EqualTo(0), output + await stderr);
                Assert.That(Row.Matches(output), Has.Count.EqualTo(5), output);
                Assert.That(output, Does.Contain("DELIVERED").And.Contain("ERROR").And.Contain("RECEIVED"));
            });
        }

        private static int RowsWith(string output, string word) =>
            Row.Matches(output).Count(m => LineAt(output, m.Index).Contains(" " + word + " ", StringComparison.Ordinal));

        private static string LineAt(string text, int index)
        {
            var end = text.IndexOf('\n', index);
            return end < 0 ? text[index..] : text[index..end];
        }

        /// <summary>The built app: copied next to this assembly by the project reference, else in its own bin.</summary>
        private static string FindApp()
        {
            var here = TestContext.CurrentContext.TestDirectory;
            var beside = Path.Combine(here, "Sendblue.Cli.dll");
            if (File.Exists(beside) && File.Exists(Path.Combine(here, "Sendblue.Cli.runtimeconfig.json")))
            {
                return beside;
            }

            // tests/Sendblue.Tests/bin/<Configuration>/<tfm>/ -> src/Sendblue.Cli/bin/<Configuration>/<tfm>/
            var tfm = new DirectoryInfo(here);
            var configuration = tfm.Parent!;
            var root = configuration.Parent!.Parent!.Parent!.Parent!.FullName;
            var own = Path.Combine(root, "src", "Sendblue.Cli", "bin", configuration.Name, tfm.Name, "Sendblue.Cli.dll");
            Assert.That(own, Does.Exist, "build src/Sendblue.Cli first");
            return own;
        }
    }
}
