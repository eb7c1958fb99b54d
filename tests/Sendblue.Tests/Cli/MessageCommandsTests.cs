using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Cli
{
    /// <summary><c>send</c>, <c>status</c> and <c>get</c> against an emulator, as text and as JSON.</summary>
    public class MessageCommandsTests
    {
        private const string To = "+19998887777";
        private const string From = "+16292925296";

        [Test]
        public async Task Send_PrintsTheHandle_AndPutsEveryOptionOnTheWire()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator,
                "send", "--to", To, "--from", From, "--content", "Hello from the CLI", "--style", "Shooting_Star",
                "--media-url", "https://example.com/cat.png", "--status-callback", "https://example.com/hooks/status"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var stored = emulator.Messages.Single();
            var body = JObject.Parse(emulator.Requests.Single().Body);
            Assert.Multiple(() =>
            {
                Assert.That(result.Out, Does.Contain("message_handle  " + stored.MessageHandle));
                Assert.That(result.Out, Does.Contain("QUEUED"));
                Assert.That((string?)body["number"], Is.EqualTo(To));
                Assert.That((string?)body["from_number"], Is.EqualTo(From));
                Assert.That((string?)body["content"], Is.EqualTo("Hello from the CLI"));
                Assert.That((string?)body["send_style"], Is.EqualTo("shooting_star"), "a known style is matched without case");
                Assert.That((string?)body["media_url"], Is.EqualTo("https://example.com/cat.png"));
                Assert.That((string?)body["status_callback"], Is.EqualTo("https://example.com/hooks/status"));
            });
        }

        [Test]
        public async Task Send_Json_PrintsTheResponseAsParseableJson()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator,
                "send", "--to", To, "--from", From, "--content", "Hi", "--json"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var json = JObject.Parse(result.Out);
            Assert.Multiple(() =>
            {
                Assert.That((string?)json["message_handle"], Is.EqualTo(emulator.Messages.Single().MessageHandle));
                Assert.That((string?)json["status"], Is.EqualTo("QUEUED"));
                Assert.That((string?)json["number"], Is.EqualTo(To));
            });
        }

        [Test]
        public async Task Status_PrintsTheCurrentStatus()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            using var client = emulator.CreateClient();
            var sent = await client.Messages.SendAsync(new SendMessageRequest { Number = To, FromNumber = From, Content = "Hi" });
            await emulator.CompleteAllAsync();

            var text = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "status", sent.MessageHandle!));
            var json = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "status", sent.MessageHandle!, "--json"));

            Assert.Multiple(() =>
            {
                Assert.That(text.ExitCode, Is.EqualTo(0), text.ToString());
                Assert.That(text.Out, Does.Match(@"status\s+DELIVERED"));
                Assert.That(json.ExitCode, Is.EqualTo(0), json.ToString());
                Assert.That((string?)JObject.Parse(json.Out)["status"], Is.EqualTo("DELIVERED"));
                Assert.That(emulator.Requests.Last().QueryString, Is.EqualTo("?handle=" + sent.MessageHandle));
            });
        }

        [Test]
        public async Task Get_PrintsTheMessage()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var seeded = emulator.AddMessage(new EmulatedMessage
            {
                FromNumber = From,
                ToNumber = To,
                Content = "Seeded",
                Status = MessageStatus.Delivered,
                Service = MessageService.Sms,
            });

            var text = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "get", seeded.MessageHandle!));
            var json = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "get", seeded.MessageHandle!, "--json"));

            Assert.That(text.ExitCode, Is.EqualTo(0), text.ToString());
            Assert.That(json.ExitCode, Is.EqualTo(0), json.ToString());
            var data = JObject.Parse(json.Out)["data"]!;
            Assert.Multiple(() =>
            {
                Assert.That(text.Out, Does.Match(@"content\s+Seeded"));
                Assert.That(text.Out, Does.Match(@"service\s+SMS"));
                Assert.That((string?)data["message_handle"], Is.EqualTo(seeded.MessageHandle));
                Assert.That((string?)data["content"], Is.EqualTo("Seeded"));
                Assert.That((string?)data["accountEmail"], Is.EqualTo("emulator@sendblue.test"));
            });
        }

        [Test]
        public async Task Get_OfAnUnknownId_IsAnApiError_ExitOne()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "get", "no-such-message"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
                Assert.That(result.Out, Is.Empty);
                Assert.That(result.Error, Does.Contain("SendblueNotFoundException").And.Contain("404"));
            });
        }

        [Test]
        public async Task Send_TheApiRefuses_IsAnApiError_ExitOne_WithTheServersWords()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "send", "--to", "not-a-number", "--from", From, "--content", "Hi"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
                Assert.That(result.Error, Does.Contain("SendblueBadRequestException").And.Contain("400"));
                Assert.That(emulator.Messages, Is.Empty);
            });
        }
    }
}
