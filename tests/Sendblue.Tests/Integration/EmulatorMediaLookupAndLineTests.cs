using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>Media uploads, lookups and the account's lines, through the SDK against the emulator.</summary>
    public class EmulatorMediaLookupAndLineTests
    {
        [Test]
        public async Task AnUpload_IsAnsweredWithAMediaObjectId_AndRecorded()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var uploaded = await client.MediaObjects.UploadAsync(new UploadMediaObjectRequest { MediaUrl = "https://files.example.com/menus/summer-2024.jpg" });

            var recorded = emulator.MediaObjects.Single();
            Assert.Multiple(() =>
            {
                Assert.That(uploaded.Status, Is.EqualTo("OK"));
                Assert.That(uploaded.Message, Is.EqualTo("Media object uploaded successfully"));
                Assert.That(uploaded.MediaObjectId, Does.Match("^[0-9a-f]{8}_summer-2024\\.jpg$"));
                Assert.That(recorded.MediaObjectId, Is.EqualTo(uploaded.MediaObjectId));
                Assert.That(recorded.MediaUrl, Is.EqualTo("https://files.example.com/menus/summer-2024.jpg"));
            });
        }

        [Test]
        public async Task AnUpload_FromSomethingThatIsNoHttpUrl_Is400()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.MediaObjects.UploadAsync(new UploadMediaObjectRequest { MediaUrl = "file:///etc/passwd" }));

            Assert.Multiple(() =>
            {
                Assert.That(ex!.ErrorMessage, Is.EqualTo("media_url must be an absolute http or https URL; it is 'file:///etc/passwd'."));
                Assert.That(emulator.MediaObjects, Is.Empty);
            });
        }

        [Test]
        public async Task ALookup_AnswersIMessage_ButSmsForTheSmsOnlyNumbers()
        {
            var options = new SendblueEmulatorOptions();
            options.SmsOnlyNumbers.Add("+15550000002");
            await using var emulator = await EmulatorFixture.StartAsync(options);
            using var client = emulator.CreateClient();

            var imessage = await client.Lookups.LookupNumberAsync(EmulatorFixture.To);
            var sms = await client.Lookups.LookupNumberAsync("+15550000002");
            var email = await client.Lookups.LookupNumberAsync("Ada@Example.com");

            Assert.Multiple(() =>
            {
                Assert.That(imessage.Number, Is.EqualTo(EmulatorFixture.To));
                Assert.That(imessage.Service, Is.EqualTo(MessageService.IMessage));
                Assert.That(sms.Number, Is.EqualTo("+15550000002"));
                Assert.That(sms.Service, Is.EqualTo(MessageService.Sms));
                Assert.That(email.Number, Is.EqualTo("ada@example.com"), "normalized");
                Assert.That(email.Service, Is.EqualTo(MessageService.IMessage));
            });
        }

        [Test]
        public async Task ALookup_OfNoNumberOrAddress_Is400()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Lookups.LookupNumberAsync("555-0100"));
            var (status, body) = await emulator.RawAsync(HttpMethod.Get, "api/evaluate-service");

            Assert.Multiple(() =>
            {
                Assert.That(ex!.ErrorMessage, Is.EqualTo("number must be a phone number in E.164 format or an email address; it is '555-0100'."));
                Assert.That(status, Is.EqualTo(400));
                Assert.That(body, Does.Contain("number is required."));
            });
        }

        [Test]
        public async Task TheLines_AreTheAccountsSendblueNumbers_EachAssignedAndOnline()
        {
            var options = new SendblueEmulatorOptions();
            options.SendblueNumbers.Add("+16292925297");
            options.SendblueNumbers.Add(EmulatorFixture.From);
            await using var emulator = await EmulatorFixture.StartAsync(options);
            using var client = emulator.CreateClient();

            var state = await client.Lines.GetStateAsync();

            var lines = state.Data!;
            Assert.Multiple(() =>
            {
                Assert.That(state.Status, Is.EqualTo("OK"));
                Assert.That(state.SnapshotAt, Is.Not.Null);
                Assert.That(lines.Select(l => l.SendblueNumber), Is.EqualTo(new[] { EmulatorFixture.From, "+16292925297" }));
                Assert.That(lines.Select(l => l.Assignment), Is.All.EqualTo(LineAssignment.Assigned));
                Assert.That(lines.Select(l => l.Status), Is.All.EqualTo(LineStatus.Online));
                Assert.That(lines.Select(l => l.WorkerId), Is.Unique);
                Assert.That(lines.Select(l => l.DegradedSince), Is.All.Null);
                Assert.That(lines.Select(l => l.StatusChangedAt), Is.All.Not.Null);
            });
        }

        [Test]
        public async Task WithoutSendblueNumbersConfigured_TheLinesAreTheNumbersTheAccountUsed()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            var before = await client.Lines.GetStateAsync();

            await client.Messages.SendAsync(EmulatorFixture.Hello());
            await client.Messages.SendAsync(new SendMessageRequest { Number = EmulatorFixture.To, FromNumber = "+16292925297", Content = "from the second line" });
            await emulator.SimulateInboundAsync("+15550001111", EmulatorFixture.From, "hi");
            var after = await client.Lines.GetStateAsync();

            Assert.Multiple(() =>
            {
                Assert.That(before.Data, Is.Empty);
                Assert.That(after.Data!.Select(l => l.SendblueNumber), Is.EqualTo(new[] { EmulatorFixture.From, "+16292925297" }));
            });
        }
    }
}
