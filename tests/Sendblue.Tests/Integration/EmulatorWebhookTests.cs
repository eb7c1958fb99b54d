using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Integration
{
    /// <summary>The webhook configuration operations, through the SDK against the emulator, and the calls the emulator makes to what was configured.</summary>
    public class EmulatorWebhookTests
    {
        private const string Inbound = "https://hooks.example.com/sendblue/inbound";
        private const string Sales = "https://hooks.example.com/sendblue/inbound-sales";
        private const string Status = "https://hooks.example.com/sendblue/status";

        [Test]
        public async Task Webhooks_AreAddedListedReplacedAndDeleted_AsUrlsOrObjects()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var empty = await client.Webhooks.ListAsync();
            var added = await client.Webhooks.CreateAsync(new CreateWebhooksRequest
            {
                Webhooks = new List<WebhookEntry>
                {
                    new() { Url = Inbound },
                    new() { Url = Sales, Secret = "whsec_sales", SendblueNumbers = new List<string> { EmulatorFixture.From } },
                },
            });
            await client.Webhooks.CreateAsync(new CreateWebhooksRequest { Type = WebhookType.Outbound, GlobalSecret = "whsec_all", Webhooks = new List<WebhookEntry> { new() { Url = Status } } });
            var listed = await client.Webhooks.ListAsync();
            var replaced = await client.Webhooks.UpdateAsync(new UpdateWebhooksRequest
            {
                Webhooks = new AccountWebhooks { Receive = new List<WebhookEntry> { new() { Url = Sales, Secret = "whsec_new" } }, CallLog = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/calls" } } },
            });
            var deleted = await client.Webhooks.DeleteAsync(new DeleteWebhooksRequest { Webhooks = new List<string> { Sales } });
            var after = await client.Webhooks.ListAsync();

            Assert.Multiple(() =>
            {
                Assert.That(empty.Status, Is.EqualTo("OK"));
                Assert.That(empty.Webhooks!.Receive, Is.Empty);
                Assert.That(empty.Webhooks.GlobalSecret, Is.Null);
                Assert.That(added.Message, Is.EqualTo("Webhooks added successfully"));
                Assert.That(added.Webhooks!.Receive!.Select(w => w.Url), Is.EqualTo(new[] { Inbound, Sales }), "receive when the add names no type");

                Assert.That(listed.Webhooks!.Receive![0].Url, Is.EqualTo(Inbound));
                Assert.That(listed.Webhooks.Receive[0].Secret, Is.Null, "a plain URL");
                Assert.That(listed.Webhooks.Receive[1].Secret, Is.EqualTo("whsec_sales"));
                Assert.That(listed.Webhooks.Receive[1].SendblueNumbers, Is.EqualTo(new[] { EmulatorFixture.From }));
                Assert.That(listed.Webhooks.Outbound!.Single().Url, Is.EqualTo(Status));
                Assert.That(listed.Webhooks.GlobalSecret, Is.EqualTo("whsec_all"));

                Assert.That(replaced.Message, Is.EqualTo("Webhooks updated successfully"));
                Assert.That(replaced.Webhooks!.Receive!.Single().Secret, Is.EqualTo("whsec_new"));
                Assert.That(replaced.Webhooks.Outbound, Is.Empty, "a replace leaves out what it does not name");
                Assert.That(replaced.Webhooks.GlobalSecret, Is.Null);
                Assert.That(replaced.Webhooks.CallLog!.Single().Url, Is.EqualTo("https://hooks.example.com/calls"));

                Assert.That(deleted.Status, Is.EqualTo("OK"));
                Assert.That(deleted.Message, Is.EqualTo("Webhooks deleted successfully"));
                Assert.That(after.Webhooks!.Receive, Is.Empty);
                Assert.That(after.Webhooks.CallLog!.Single().Url, Is.EqualTo("https://hooks.example.com/calls"), "a delete removes from its type only");
            });
        }

        [Test]
        public async Task AnAdd_Appends_SoARepeatedAddListsTheUrlTwice()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            var add = new CreateWebhooksRequest { Webhooks = new List<WebhookEntry> { new() { Url = Inbound } } };

            await client.Webhooks.CreateAsync(add);
            await client.Webhooks.CreateAsync(add);
            var listed = await client.Webhooks.ListAsync();
            await client.Webhooks.DeleteAsync(new DeleteWebhooksRequest { Type = WebhookType.Receive, Webhooks = new List<string> { Inbound } });
            var after = await client.Webhooks.ListAsync();

            Assert.Multiple(() =>
            {
                Assert.That(listed.Webhooks!.Receive!.Select(w => w.Url), Is.EqualTo(new[] { Inbound, Inbound }));
                Assert.That(after.Webhooks!.Receive, Is.Empty, "a delete removes every entry of the URL");
            });
        }

        [Test]
        public async Task WhatTheApiRefuses_Is400_NamingTheEntry()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var lines = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Webhooks.CreateAsync(new CreateWebhooksRequest
            {
                Type = WebhookType.Outbound,
                Webhooks = new List<WebhookEntry> { new() { Url = Status, SendblueNumbers = new List<string> { EmulatorFixture.From } } },
            }));
            var notUrl = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Webhooks.CreateAsync(new CreateWebhooksRequest { Webhooks = new List<WebhookEntry> { new() { Url = Inbound }, new() { Url = "hooks.example.com" } } }));
            var (type, typeBody) = await emulator.RawAsync(HttpMethod.Post, "api/account/webhooks", """{"type":"everything","webhooks":["https://hooks.example.com/x"]}""");
            var (key, keyBody) = await emulator.RawAsync(HttpMethod.Put, "api/account/webhooks", """{"webhooks":{"sometimes":[]}}""");
            var listed = await client.Webhooks.ListAsync();

            Assert.Multiple(() =>
            {
                Assert.That(lines!.ErrorMessage, Is.EqualTo("webhooks[0].sendblue_numbers is for receive webhooks only, not outbound ones."));
                Assert.That(notUrl!.ErrorMessage, Is.EqualTo("webhooks[1] must be an absolute http or https URL; it is 'hooks.example.com'."));
                Assert.That(type, Is.EqualTo(400));
                Assert.That(typeBody, Does.Contain("type 'everything' is not one of: receive, line_blocked"));
                Assert.That(key, Is.EqualTo(400));
                Assert.That(keyBody, Does.Contain("webhooks.sometimes is not a webhook type"));
                Assert.That(listed.Webhooks!.Receive, Is.Empty, "a refused add adds nothing");
            });
        }

        [Test]
        public async Task AReceiveWebhookConfiguredThroughTheApi_GetsInboundMessages_ForItsLines_WithItsSecret()
        {
            await using var listener = new LoopbackServer(_ => new LoopbackResponse { Status = 200 });
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            await client.Webhooks.CreateAsync(new CreateWebhooksRequest
            {
                GlobalSecret = "whsec_all",
                Webhooks = new List<WebhookEntry>
                {
                    new() { Url = new Uri(listener.BaseUrl, "every-line").ToString() },
                    new() { Url = new Uri(listener.BaseUrl, "this-line").ToString(), Secret = "whsec_line", SendblueNumbers = new List<string> { EmulatorFixture.From } },
                    new() { Url = new Uri(listener.BaseUrl, "other-line").ToString(), SendblueNumbers = new List<string> { "+16292925297" } },
                },
            });

            var inbound = await emulator.SimulateInboundAsync(EmulatorFixture.To, EmulatorFixture.From, "See you at 8");

            var posts = listener.Requests.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(posts.Select(p => p.Path), Is.EqualTo(new[] { "/every-line", "/this-line" }));
                Assert.That(posts[0].Header("sb-signing-secret"), Is.EqualTo("whsec_all"), "the account's global secret");
                Assert.That(posts[1].Header("sb-signing-secret"), Is.EqualTo("whsec_line"), "the webhook's own secret");
                Assert.That(posts.Select(p => SendblueWebhook.Parse(p.Body).MessageHandle), Is.All.EqualTo(inbound.MessageHandle));
            });
        }

        [Test]
        public async Task AnOutboundWebhookConfiguredThroughTheApi_GetsEveryStatusChange()
        {
            await using var listener = new LoopbackServer(_ => new LoopbackResponse { Status = 200 });
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            await client.Webhooks.CreateAsync(new CreateWebhooksRequest { Type = WebhookType.Outbound, Webhooks = new List<WebhookEntry> { new() { Url = new Uri(listener.BaseUrl, "status").ToString() } } });

            var sent = await client.Messages.SendAsync(EmulatorFixture.Hello());
            await emulator.CompleteAllAsync();

            var bodies = listener.Requests.Select(r => SendblueWebhook.Parse(r.Body)).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(bodies.Select(b => b.Status), Is.EqualTo(new MessageStatus?[] { MessageStatus.Sent, MessageStatus.Delivered }));
                Assert.That(bodies.Select(b => b.MessageHandle), Is.All.EqualTo(sent.MessageHandle));
                Assert.That(listener.Requests.Select(r => r.Header("sb-signing-secret")), Is.All.Null, "no secret configured");
            });
        }
    }
}
