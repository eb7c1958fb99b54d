using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Cli
{
    /// <summary>0 ok, 1 API error, 2 usage error: what scripts around the command line rely on.</summary>
    public class ExitCodeTests
    {
        [Test]
        public async Task NoCredentials_ExitTwo_NamingBothVariables_AndSuggestingTheDemo()
        {
            var result = await CliRunner.RunWithoutCredentialsAsync("list");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Out, Is.Empty);
                Assert.That(result.Error, Does.Contain("SENDBLUE_API_API_KEY").And.Contain("SENDBLUE_API_API_SECRET"));
                Assert.That(result.Error, Does.Contain("sendblue demo").And.Contain("dotnet run --project src/Sendblue.Cli -- demo"));
            });
        }

        [Test]
        public async Task OnlyTheKey_ExitTwo_NamingTheMissingSecret()
        {
            var result = await CliRunner.RunAsync(
                () => new SendblueClientOptions { ApiKey = "key", ApiSecret = null },
                errorIsTerminal: false,
                "status", "some-handle");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.Contain("SENDBLUE_API_API_SECRET is not set"));
            });
        }

        /// <summary>
        /// A value the command's own checks refuse (a missing --from, a malformed --custom-variable, a
        /// missing argument) points to that command's help, which lists its options, as an unknown
        /// option does; the top-level help lists only the commands.
        /// </summary>
        [TestCase("send --to +19998887777 --content Hi", "send")]
        [TestCase("status", "status")]
        [TestCase("typing start +19998887777", "typing start")]
        [TestCase("contacts create +19998887777 --custom-variable foo", "contacts create")]
        [TestCase("webhooks add https://example.com/hook", "webhooks add")]
        [TestCase("group send --from +16292925296 --content Hi", "group send")]
        public async Task AValueACommandRefuses_PointsToThatCommandsHelp(string line, string command)
        {
            var result = await CliRunner.RunAsync(
                () => new SendblueClientOptions { ApiKey = "key", ApiSecret = "secret" },
                errorIsTerminal: false,
                line.Split(' '));

            var lines = result.Error.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(lines.First(), Does.StartWith("error: "), result.ToString());
                Assert.That(lines.Last(), Is.EqualTo($"Run 'sendblue {command} --help' for usage."), result.ToString());
            });
        }

        [Test]
        public async Task AnUnknownCommand_PointsToTheTopLevelHelp()
        {
            var result = await CliRunner.RunWithoutCredentialsAsync("frob");

            Assert.That(result.Error.TrimEnd(), Does.EndWith("Run 'sendblue --help' for usage."), result.ToString());
        }

        [TestCase("frob")]
        [TestCase("list", "--frob")]
        [TestCase("list", "--stauts", "DELIVERED")]
        [TestCase("list", "--", "--status", "DELIVERED")]
        [TestCase("demo", "--frob")]
        [TestCase("status", "some-handle", "--frob", "1")]
        [TestCase("get", "some-handle", "--frob")]
        [TestCase("send", "--to", "+19998887777", "--from", "+16292925296", "--content", "Hi", "--frob")]
        [TestCase("send", "--to", "+19998887777", "--from", "+16292925296")]
        [TestCase("send", "--from", "+16292925296", "--content", "Hi")]
        [TestCase("status")]
        [TestCase("list", "--limit", "abc")]
        [TestCase("list", "--limit", "0")]
        [TestCase("list", "--offset", "-1")]
        [TestCase("list", "--created-after", "yesterday")]
        [TestCase("list", "--is-outbound", "maybe")]
        [TestCase("list", "--base-url", "not a url")]
        [TestCase("lines", "--frob")]
        [TestCase("lookup")]
        [TestCase("contacts", "get")]
        [TestCase("contacts", "list", "--stauts", "x")]
        [TestCase("contacts", "list", "--limit", "many")]
        [TestCase("contacts", "frob")]
        [TestCase("typing", "start", "--from", "+16292925296")]
        [TestCase("webhooks", "list", "extra")]
        [TestCase("group", "send", "--to", "+19998887777", "--from", "+16292925296", "--content", "Hi", "--style", "slam")]
        public async Task UsageErrors_ExitTwo_AndSendNothing(params string[] args)
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            // At the emulator, so that a usage error that slipped through would show as a request.
            var result = await CliRunner.RunAsync(emulator, args.Contains("--base-url") ? args : CliRunner.At(emulator, args));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith("error: "));
                Assert.That(emulator.Requests, Is.Empty);
            });
        }

        [Test]
        public async Task NoCommand_ExitTwo_AndPrintsTheHelp()
        {
            var result = await CliRunner.RunWithoutCredentialsAsync();

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Out, Does.Contain("demo").And.Contain("send").And.Contain("list"));
            });
        }

        [Test]
        public async Task Help_ExitZero()
        {
            var result = await CliRunner.RunWithoutCredentialsAsync("list", "--help");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
                Assert.That(result.Out, Does.Contain("--created-after").And.Contain("--all").And.Contain("--json"));
            });
        }

        [Test]
        public async Task InputTheSdkRefuses_ExitTwo_AndSendsNothing()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            // A blank handle passes the command line's parser; the SDK's ArgumentException stops it.
            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "status", " "));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.Contain("handle"));
                Assert.That(emulator.Requests, Is.Empty);
            });
        }

        [Test]
        public async Task WrongCredentials_ExitOne()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(
                () => new SendblueClientOptions { ApiKey = "wrong", ApiSecret = "wrong" },
                errorIsTerminal: false,
                CliRunner.At(emulator, "list"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
                Assert.That(result.Error, Does.Contain("SendblueAuthenticationException").And.Contain("401"));
            });
        }

        [Test]
        public async Task NoServer_ExitOne_AsAConnectionError()
        {
            // A port nobody listens on: the emulator's, after it stopped.
            var emulator = await SendblueEmulator.StartAsync();
            var args = CliRunner.At(emulator, "status", "some-handle");
            await emulator.DisposeAsync();

            var result = await CliRunner.RunAsync(
                () => new SendblueClientOptions { ApiKey = "key", ApiSecret = "secret", MaxRetries = 0 },
                errorIsTerminal: false,
                args);

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
                Assert.That(result.Error, Does.Contain("SendblueConnectionException"));
            });
        }
    }
}
