using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Integration
{
    /// <summary>Status progression, status callbacks and inbound messages, received by a real listener.</summary>
    public class EmulatorProgressionAndWebhookTests
    {
        [Test]
        public async Task Statuses_MoveQueuedSentDelivered_OnTheTestsClock()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            var handle = (await client.Messages.SendAsync(EmulatorFixture.Hello())).MessageHandle!;

            var seen = new[]
            {
                (await client.Messages.GetStatusAsync(handle)).Status,
                await AdvanceAndRead(),
                await AdvanceAndRead(),
                await AdvanceAndRead(),
            };
            var final = await client.Messages.GetAsync(handle);

            Assert.Multiple(() =>
            {
                Assert.That(seen, Is.EqualTo(new MessageStatus?[] { MessageStatus.Queued, MessageStatus.Sent, MessageStatus.Delivered, MessageStatus.Delivered }));
                Assert.That(final.Data!.DateSent, Is.Not.Null);
                Assert.That(final.Data.ErrorCode, Is.Null);
            });

            async Task<MessageStatus?> AdvanceAndRead()
            {
                await emulator.AdvanceAsync();
                return (await client.Messages.GetStatusAsync(handle)).Status;
            }
        }

        [Test]
        public async Task AFailingNumber_EndsInError_WithItsCode_AndAnSmsOnlyNumberIsDowngraded()
        {
            var options = new SendblueEmulatorOptions { FailureErrorCode = 4002, FailureErrorMessage = "Recipient unreachable" };
            options.FailingNumbers.Add("+15550000001");
            options.SmsOnlyNumbers.Add("+15550000002");
            await using var emulator = await EmulatorFixture.StartAsync(options);
            using var client = emulator.CreateClient();

            var failing = await client.Messages.SendAsync(EmulatorFixture.Hello("+15550000001"));
            var sms = await client.Messages.SendAsync(new SendMessageRequest { Number = "+15550000002", FromNumber = EmulatorFixture.From, Content = "hi", SendStyle = SendStyle.Slam });
            await emulator.CompleteAllAsync();

            var failed = await client.Messages.GetStatusAsync(failing.MessageHandle!);
            var downgraded = (await client.Messages.GetAsync(sms.MessageHandle!)).Data!;
            Assert.Multiple(() =>
            {
                Assert.That(failed.Status, Is.EqualTo(MessageStatus.Error));
                Assert.That(failed.ErrorCode, Is.EqualTo(4002));
                Assert.That(failed.ErrorMessage, Is.EqualTo("Recipient unreachable"));
                Assert.That(downgraded.Status, Is.EqualTo(MessageStatus.Delivered));
                Assert.That(downgraded.Service, Is.EqualTo(MessageService.Sms));
                Assert.That(downgraded.WasDowngraded, Is.True);
                Assert.That(downgraded.SendStyle, Is.Null, "an SMS has no expressive style");
            });
        }

        [Test]
        public async Task AutomaticProgression_DeliversWithoutTheTestAdvancing()
        {
            await using var emulator = await EmulatorFixture.StartAsync(new SendblueEmulatorOptions { AutoAdvanceInterval = TimeSpan.FromMilliseconds(30) });
            using var client = emulator.CreateClient();
            var handle = (await client.Messages.SendAsync(EmulatorFixture.Hello())).MessageHandle!;

            var clock = Stopwatch.StartNew();
            MessageStatus? status;
            do
            {
                await Task.Delay(20);
                status = (await client.Messages.GetStatusAsync(handle)).Status;
            }
            while (status != MessageStatus.Delivered && clock.Elapsed < TimeSpan.FromSeconds(10));

            Assert.That(status, Is.EqualTo(MessageStatus.Delivered));
        }

        [Test]
        public async Task StatusCallbacks_ArePostedToTheListener_WithTheSigningSecret()
        {
            await using var listener = new LoopbackServer(_ => new LoopbackResponse { Status = 200 });
            await using var emulator = await EmulatorFixture.StartAsync(new SendblueEmulatorOptions { WebhookSecret = "whsec-123" });
            using var client = emulator.CreateClient();

            var sent = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = EmulatorFixture.To,
                FromNumber = EmulatorFixture.From,
                Content = "track me",
                StatusCallback = new Uri(listener.BaseUrl, "hooks/status").ToString(),
            });
            await emulator.CompleteAllAsync();

            var posts = listener.Requests;
            var bodies = posts.Select(p => SendblueWebhook.Parse(p.Body)).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(posts.Select(p => p.Method), Is.All.EqualTo("POST"));
                Assert.That(posts.Select(p => p.Path), Is.All.EqualTo("/hooks/status"));
                Assert.That(posts.Select(p => SendblueWebhook.IsAuthentic(p.Header("sb-signing-secret"), "whsec-123")), Is.All.True);
                Assert.That(bodies.Select(b => b.Status), Is.EqualTo(new MessageStatus?[] { MessageStatus.Sent, MessageStatus.Delivered }));
                Assert.That(bodies.Select(b => b.MessageHandle), Is.All.EqualTo(sent.MessageHandle));
                Assert.That(bodies[1].AccountEmail, Is.EqualTo("emulator@sendblue.test"), "sent as accountEmail, read by the SDK");
                Assert.That(bodies[1].Content, Is.EqualTo("track me"));
                Assert.That(bodies[1].ToNumber, Is.EqualTo(EmulatorFixture.To));
                Assert.That(emulator.WebhookDeliveries.Select(d => d.StatusCode), Is.EqualTo(new int?[] { 200, 200 }));
            });
        }

        [Test]
        public async Task WithoutASecret_CallbacksCarryNoSigningHeader()
        {
            await using var listener = new LoopbackServer(_ => new LoopbackResponse { Status = 200 });
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            await client.Messages.SendAsync(new SendMessageRequest { Number = EmulatorFixture.To, FromNumber = EmulatorFixture.From, Content = "x", StatusCallback = listener.BaseUrl.ToString() });
            await emulator.AdvanceAsync();

            Assert.That(listener.Requests.Single().Header("sb-signing-secret"), Is.Null);
        }

        [Test]
        public async Task AnUnreachableCallback_IsRecorded_NotThrown()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            var url = $"http://127.0.0.1:{LoopbackServer.UnusedPort()}/hook";

            await client.Messages.SendAsync(new SendMessageRequest { Number = EmulatorFixture.To, FromNumber = EmulatorFixture.From, Content = "x", StatusCallback = url });
            await emulator.AdvanceAsync();

            var delivery = emulator.WebhookDeliveries.Single();
            Assert.Multiple(() =>
            {
                Assert.That(delivery.Url, Is.EqualTo(url));
                Assert.That(delivery.StatusCode, Is.Null);
                Assert.That(delivery.Error, Is.Not.Empty);
            });
        }

        [Test]
        public async Task SimulateInbound_StoresAReceivedMessage_AndPostsItToTheReceiveWebhook()
        {
            await using var listener = new LoopbackServer(_ => new LoopbackResponse { Status = 200 });
            await using var emulator = await EmulatorFixture.StartAsync(new SendblueEmulatorOptions
            {
                ReceiveWebhookUrl = new Uri(listener.BaseUrl, "hooks/inbound"),
                WebhookSecret = "whsec-9",
            });
            using var client = emulator.CreateClient();

            var inbound = await emulator.SimulateInboundAsync("+19998887777", "+16292925296", "See you at 8");
            var listed = await client.Messages.ListAsync(new MessageListQuery { IsOutbound = false });

            var post = listener.Requests.Single();
            var body = SendblueWebhook.Parse(post.Body);
            Assert.Multiple(() =>
            {
                Assert.That(post.Path, Is.EqualTo("/hooks/inbound"));
                Assert.That(post.Header("sb-signing-secret"), Is.EqualTo("whsec-9"));
                Assert.That(body.Status, Is.EqualTo(MessageStatus.Received));
                Assert.That(body.IsOutbound, Is.False);
                Assert.That(body.FromNumber, Is.EqualTo("+19998887777"));
                Assert.That(body.ToNumber, Is.EqualTo("+16292925296"));
                Assert.That(body.Content, Is.EqualTo("See you at 8"));
                Assert.That(body.MessageHandle, Is.EqualTo(inbound.MessageHandle));
                Assert.That(listed.Data!.Single().MessageHandle, Is.EqualTo(inbound.MessageHandle));
                Assert.That(listed.Data!.Single().Number, Is.EqualTo("+19998887777"));
                Assert.That(listed.Data!.Single().SendblueNumber, Is.EqualTo("+16292925296"));
            });
        }
    }
}
