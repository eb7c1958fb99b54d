using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>Inline replies, seats, App Cards and their updates, through the SDK against the emulator.</summary>
    public class EmulatorRepliesSeatsAndAppCardsTests
    {
        private static AppCard Card() => new()
        {
            AppName = "Example Shop",
            ExtensionBundleId = "com.example.shop.MessagesExtension",
            TeamId = "A1B2C3D4E5",
            Url = "https://shop.example.com/orders/1042",
            FallbackText = "Order #1042",
            Layout = new AppCardLayout { Caption = "Order #1042", Subcaption = "Placed" },
        };

        [Test]
        public async Task AReply_IsStoredWithItsParent_AndAReplyToAReplyKeepsTheThreadsRoot()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            var root = await client.Messages.SendAsync(EmulatorFixture.Hello(content: "Table for two?"));

            var reply = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = EmulatorFixture.To,
                FromNumber = EmulatorFixture.From,
                Content = "At 8",
                ReplyTo = new ReplyTo { MessageHandle = root.MessageHandle, PartIndex = 0 },
            });
            var second = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = EmulatorFixture.To,
                FromNumber = EmulatorFixture.From,
                Content = "By the window",
                ReplyTo = new ReplyTo { MessageHandle = reply.MessageHandle },
            });
            var listed = (await client.Messages.GetAsync(second.MessageHandle!)).Data!;

            Assert.Multiple(() =>
            {
                Assert.That(reply.ReplyTo!.MessageHandle, Is.EqualTo(root.MessageHandle));
                Assert.That(reply.ReplyTo.PartIndex, Is.EqualTo(0));
                Assert.That(reply.ThreadOriginator!.MessageHandle, Is.EqualTo(root.MessageHandle));
                Assert.That(second.ReplyTo!.MessageHandle, Is.EqualTo(reply.MessageHandle));
                Assert.That(second.ReplyTo.PartIndex, Is.Null, "left out when the send named no part");
                Assert.That(second.ThreadOriginator!.MessageHandle, Is.EqualTo(root.MessageHandle), "the thread's root, not the parent");
                Assert.That(listed.ReplyTo!.MessageHandle, Is.EqualTo(reply.MessageHandle));
                Assert.That(listed.ThreadOriginator!.MessageHandle, Is.EqualTo(root.MessageHandle));
                Assert.That(emulator.Find(second.MessageHandle!)!.ReplyToMessageHandle, Is.EqualTo(reply.MessageHandle));
                Assert.That(emulator.Find(second.MessageHandle!)!.ThreadOriginatorMessageHandle, Is.EqualTo(root.MessageHandle));
                Assert.That(root.ReplyTo, Is.Null);
            });
        }

        [Test]
        public async Task AReply_ToAnInboundMessage_AnswersItOnTheLineItCameIn()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            var inbound = await emulator.SimulateInboundAsync(EmulatorFixture.To, EmulatorFixture.From, "Is the table still free?");

            var reply = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = EmulatorFixture.To,
                FromNumber = EmulatorFixture.From,
                Content = "Yes, see you at 8",
                ReplyTo = new ReplyTo { MessageHandle = inbound.MessageHandle },
            });
            var fromAnotherLine = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest
            {
                Number = EmulatorFixture.To,
                FromNumber = "+16292925297",
                Content = "x",
                ReplyTo = new ReplyTo { MessageHandle = inbound.MessageHandle },
            }));

            Assert.Multiple(() =>
            {
                Assert.That(reply.ReplyTo!.MessageHandle, Is.EqualTo(inbound.MessageHandle));
                Assert.That(reply.ThreadOriginator!.MessageHandle, Is.EqualTo(inbound.MessageHandle));
                Assert.That(fromAnotherLine!.ErrorMessage, Does.Contain("is not a message of this conversation (+16292925297 with +19998887777)"));
            });
        }

        [Test]
        public async Task AReply_ToAMessageOfAnotherConversationOrNone_Is400_NamingReplyTo()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            var other = await client.Messages.SendAsync(EmulatorFixture.Hello("+15550001111"));

            var elsewhere = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest
            {
                Number = EmulatorFixture.To, FromNumber = EmulatorFixture.From, Content = "x", ReplyTo = new ReplyTo { MessageHandle = other.MessageHandle },
            }));
            var nowhere = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest
            {
                Number = EmulatorFixture.To, FromNumber = EmulatorFixture.From, Content = "x", ReplyTo = new ReplyTo { MessageHandle = "no-such-message" },
            }));

            Assert.Multiple(() =>
            {
                Assert.That(elsewhere!.ErrorMessage, Does.StartWith($"reply_to.message_handle {other.MessageHandle} is not a message of this conversation (+16292925296 with +19998887777)"));
                Assert.That(nowhere!.ErrorMessage, Is.EqualTo("reply_to.message_handle no-such-message is not a message of this account."));
                Assert.That(emulator.Messages, Has.Count.EqualTo(1), "nothing else was stored");
            });
        }

        [Test]
        public async Task ASendWithASeat_GetsTheSeatsEmail_AndAnUnknownSeatIs400()
        {
            var options = new SendblueEmulatorOptions();
            options.Seats.Add("seat-maria", "maria@example.com");
            await using var emulator = await EmulatorFixture.StartAsync(options);
            using var client = emulator.CreateClient();

            var sent = await client.Messages.SendAsync(new SendMessageRequest { Number = EmulatorFixture.To, FromNumber = EmulatorFixture.From, Content = "Hi, it's Maria", SeatId = "seat-maria" });
            var unseated = await client.Messages.SendAsync(EmulatorFixture.Hello());
            var unknown = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest { Number = EmulatorFixture.To, FromNumber = EmulatorFixture.From, Content = "x", SeatId = "seat-nobody" }));
            var listed = (await client.Messages.GetAsync(sent.MessageHandle!)).Data!;

            Assert.Multiple(() =>
            {
                Assert.That(sent.SeatId, Is.EqualTo("seat-maria"));
                Assert.That(sent.SenderEmail, Is.EqualTo("maria@example.com"));
                Assert.That(listed.SenderEmail, Is.EqualTo("maria@example.com"));
                Assert.That(emulator.Find(sent.MessageHandle!)!.SenderEmail, Is.EqualTo("maria@example.com"));
                Assert.That(unseated.SeatId, Is.Null);
                Assert.That(unseated.SenderEmail, Is.Null);
                Assert.That(unknown!.ErrorMessage, Is.EqualTo("seat_id 'seat-nobody' is not a seat of this account."));
            });
        }

        [Test]
        public async Task WithoutSeatsConfigured_AnySeatIsAccepted_WithTheAccountsEmail()
        {
            await using var emulator = await EmulatorFixture.StartAsync(new SendblueEmulatorOptions { AccountEmail = "ops@example.com" });
            using var client = emulator.CreateClient();

            var sent = await client.Messages.SendAsync(new SendMessageRequest { Number = EmulatorFixture.To, FromNumber = EmulatorFixture.From, Content = "x", SeatId = "any-seat" });

            Assert.That(sent.SenderEmail, Is.EqualTo("ops@example.com"));
        }

        [Test]
        public async Task AnAppCard_NeedsNoContent_AndIsStoredAndEchoed_WithASessionMadeUp()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var sent = await client.Messages.SendAsync(new SendMessageRequest { Number = EmulatorFixture.To, FromNumber = EmulatorFixture.From, AppCard = Card() });

            var stored = emulator.Find(sent.MessageHandle!)!;
            Assert.Multiple(() =>
            {
                Assert.That(sent.MessageType, Is.EqualTo(MessageType.Message));
                Assert.That(sent.Content, Is.Null);
                Assert.That(sent.AppCard!.AppName, Is.EqualTo("Example Shop"));
                Assert.That(sent.AppCard.ExtensionBundleId, Is.EqualTo("com.example.shop.MessagesExtension"));
                Assert.That(sent.AppCard.TeamId, Is.EqualTo("A1B2C3D4E5"));
                Assert.That(sent.AppCard.Url, Is.EqualTo("https://shop.example.com/orders/1042"));
                Assert.That(sent.AppCard.FallbackText, Is.EqualTo("Order #1042"));
                Assert.That(sent.AppCard.Layout!.Caption, Is.EqualTo("Order #1042"));
                Assert.That(sent.AppCard.SessionIdentifier, Is.Not.Empty, "Sendblue makes one up when the send leaves it out");
                Assert.That(sent.AppCard.UpdateMessageHandle, Is.Null);
                Assert.That(stored.AppCard!.SessionIdentifier, Is.EqualTo(sent.AppCard.SessionIdentifier));
            });
        }

        [Test]
        public async Task AnAppCard_ToANumberWithoutIMessage_Is400_ForCardsNeverFallBackToSms()
        {
            var options = new SendblueEmulatorOptions();
            options.SmsOnlyNumbers.Add("+15550000002");
            await using var emulator = await EmulatorFixture.StartAsync(options);
            using var client = emulator.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest { Number = "+15550000002", FromNumber = EmulatorFixture.From, AppCard = Card() }));

            Assert.That(ex!.ErrorMessage, Is.EqualTo("app_card needs a recipient with iMessage, and +15550000002 cannot receive iMessage: App Cards never fall back to SMS."));
        }

        [TestCase("""{"appName":"a","extensionBundleId":"b","teamId":"c","url":"https://example.com"}""", "app_card.layout is required.")]
        [TestCase("""{"appName":"a","extensionBundleId":"b","teamId":"c","url":"http://example.com","layout":{}}""", "app_card.url must be an https URL or a data URL; it is 'http://example.com'.")]
        [TestCase("""{"appName":"a","extensionBundleId":"b","teamId":"c","url":"https://example.com","layout":{"imageTitle":"t"}}""", "app_card.layout.imageTitle needs app_card.layout.imageUrl.")]
        [TestCase("""{"appName":"a","extensionBundleId":"b","url":"https://example.com","layout":{}}""", "app_card.teamId is required.")]
        [TestCase("""{"appName":"a","extensionBundleId":"b","teamId":"c","url":"https://example.com","layout":{},"appStoreId":"123"}""", "app_card.appStoreId must be an integer of at least 1; it is \"123\".")]
        public async Task AnAppCard_IsJudgedLikeTheApi_WithTheFieldNamed(string card, string error)
        {
            // Raw HTTP: the SDK refuses a card without its required fields before sending.
            await using var emulator = await EmulatorFixture.StartAsync();

            var (status, body) = await emulator.RawAsync(HttpMethod.Post, "api/send-message", $$"""{"number":"+19998887777","from_number":"+16292925296","app_card":{{card}}}""");

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400));
                Assert.That(body, Is.EqualTo($$"""{"status":"ERROR","error_message":{{Newtonsoft.Json.JsonConvert.ToString(error)}}}"""));
            });
        }

        [Test]
        public async Task UpdateAppCard_SendsAContinuation_InTheSameSessionLineAndReplyContext()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            var parent = await client.Messages.SendAsync(EmulatorFixture.Hello(content: "Your order?"));
            var card = Card();
            card.SessionIdentifier = "3c9a5e10-6b2f-4d8e-a1f7-0e4b9d2c6a18";
            var original = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = EmulatorFixture.To, FromNumber = EmulatorFixture.From, AppCard = card, ReplyTo = new ReplyTo { MessageHandle = parent.MessageHandle },
            });

            var continuation = await client.Messages.UpdateAppCardAsync(original.MessageHandle!, new UpdateAppCardRequest
            {
                Url = "https://shop.example.com/orders/1042?state=shipped",
                Layout = new AppCardLayout { Caption = "Order #1042", Subcaption = "Shipped today" },
            });
            var again = await client.Messages.UpdateAppCardAsync(continuation.MessageHandle!, new UpdateAppCardRequest { FallbackText = "Delivered" });

            Assert.Multiple(() =>
            {
                Assert.That(continuation.MessageHandle, Is.Not.EqualTo(original.MessageHandle), "a continuation is a message of its own");
                Assert.That(continuation.Status, Is.EqualTo(MessageStatus.Queued));
                Assert.That(continuation.Number, Is.EqualTo(EmulatorFixture.To));
                Assert.That(continuation.FromNumber, Is.EqualTo(EmulatorFixture.From));
                Assert.That(continuation.AppCard!.UpdateMessageHandle, Is.EqualTo(original.MessageHandle));
                Assert.That(continuation.AppCard.SessionIdentifier, Is.EqualTo("3c9a5e10-6b2f-4d8e-a1f7-0e4b9d2c6a18"));
                Assert.That(continuation.AppCard.Url, Is.EqualTo("https://shop.example.com/orders/1042?state=shipped"));
                Assert.That(continuation.AppCard.Layout!.Subcaption, Is.EqualTo("Shipped today"));
                Assert.That(continuation.AppCard.FallbackText, Is.EqualTo("Order #1042"), "what the update leaves out stays");
                Assert.That(continuation.AppCard.AppName, Is.EqualTo("Example Shop"));
                Assert.That(continuation.ReplyTo!.MessageHandle, Is.EqualTo(parent.MessageHandle));
                Assert.That(again.AppCard!.UpdateMessageHandle, Is.EqualTo(original.MessageHandle), "a continuation of a continuation names the original");
                Assert.That(again.AppCard.FallbackText, Is.EqualTo("Delivered"));
                Assert.That(emulator.Find(original.MessageHandle!)!.AppCard!.Url, Is.EqualTo("https://shop.example.com/orders/1042"), "the original is unchanged");
                Assert.That(emulator.Messages, Has.Count.EqualTo(4));
            });
        }

        [Test]
        public async Task UpdateAppCard_RepeatedWithTheSameIdempotencyKey_SendsOnce()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            var original = await client.Messages.SendAsync(new SendMessageRequest { Number = EmulatorFixture.To, FromNumber = EmulatorFixture.From, AppCard = Card() });
            var update = new UpdateAppCardRequest { IdempotencyKey = "order-1042-shipped", FallbackText = "Shipped" };

            var first = await client.Messages.UpdateAppCardAsync(original.MessageHandle!, update);
            var repeated = await client.Messages.UpdateAppCardAsync(original.MessageHandle!, update);
            var other = await client.Messages.UpdateAppCardAsync(original.MessageHandle!, new UpdateAppCardRequest { IdempotencyKey = "order-1042-delivered" });

            Assert.Multiple(() =>
            {
                Assert.That(repeated.MessageHandle, Is.EqualTo(first.MessageHandle));
                Assert.That(other.MessageHandle, Is.Not.EqualTo(first.MessageHandle));
                Assert.That(emulator.Messages, Has.Count.EqualTo(3));
            });
        }

        [Test]
        public async Task UpdateAppCard_OfAnUnknownHandle_Is404_AndOfAMessageWithoutACard_Is400()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            var plain = await client.Messages.SendAsync(EmulatorFixture.Hello());

            var unknown = Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Messages.UpdateAppCardAsync("no-such-card", new UpdateAppCardRequest()));
            var cardless = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.UpdateAppCardAsync(plain.MessageHandle!, new UpdateAppCardRequest()));

            Assert.Multiple(() =>
            {
                Assert.That(unknown!.ErrorMessage, Is.EqualTo("No message with handle no-such-card."));
                Assert.That(cardless!.ErrorMessage, Is.EqualTo($"Message {plain.MessageHandle} has no App Card to update."));
                Assert.That(emulator.Messages, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public async Task ASendToANumberThatOptedOut_IsRefused_UntilItOptsBackIn()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            await client.Contacts.OptOutAsync(new OptOutContactRequest { Number = EmulatorFixture.To });

            var refused = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(EmulatorFixture.Hello()));
            await client.Contacts.OptOutAsync(new OptOutContactRequest { Number = EmulatorFixture.To, OptedOut = false });
            var sent = await client.Messages.SendAsync(EmulatorFixture.Hello());

            Assert.Multiple(() =>
            {
                Assert.That(refused!.ErrorMessage, Is.EqualTo("number +19998887777 has opted out of messages; it must opt back in before it can be messaged."));
                Assert.That(sent.Status, Is.EqualTo(MessageStatus.Queued));
                Assert.That(emulator.Messages.Select(m => m.MessageHandle), Is.EqualTo(new[] { sent.MessageHandle }));
            });
        }
    }
}
