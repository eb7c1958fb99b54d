using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.ContractTests.Emulator
{
    /// <summary>The scenario's part beyond the four message operations: every other operation of the spec, and its errors.</summary>
    public partial class EmulatorConformanceTests
    {
        private const string Contact = "+18887776666";
        private const string OtherLine = "+16292925297";

        /// <summary>One call of each operation through the SDK, for the 401 and the fault rounds.</summary>
        private static readonly IReadOnlyDictionary<EmulatorOperation, Func<SendblueClient, Known, Task>> Calls = new Dictionary<EmulatorOperation, Func<SendblueClient, Known, Task>>
        {
            [EmulatorOperation.Send] = (c, k) => c.Messages.SendAsync(new SendMessageRequest { Number = To, FromNumber = From, Content = "x" }),
            [EmulatorOperation.GetStatus] = (c, k) => c.Messages.GetStatusAsync(k.Handle),
            [EmulatorOperation.Get] = (c, k) => c.Messages.GetAsync(k.Handle),
            [EmulatorOperation.List] = (c, k) => c.Messages.ListAsync(),
            [EmulatorOperation.UpdateAppCard] = (c, k) => c.Messages.UpdateAppCardAsync(k.AppCardHandle, new UpdateAppCardRequest { FallbackText = "x" }),
            [EmulatorOperation.SendGroupMessage] = (c, k) => c.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = From, GroupId = k.GroupId, Content = "x" }),
            [EmulatorOperation.ModifyGroup] = (c, k) => c.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = k.GroupId, ModifyType = GroupModifyType.AddRecipient, Number = "+15550009999" }),
            [EmulatorOperation.SendTypingIndicator] = (c, k) => c.TypingIndicators.SendAsync(new SendTypingIndicatorRequest { FromNumber = From, Number = To }),
            [EmulatorOperation.UploadMediaObject] = (c, k) => c.MediaObjects.UploadAsync(new UploadMediaObjectRequest { MediaUrl = "https://example.com/x.png" }),
            [EmulatorOperation.LookupNumber] = (c, k) => c.Lookups.LookupNumberAsync(To),
            [EmulatorOperation.ListContacts] = (c, k) => c.Contacts.ListAsync(),
            [EmulatorOperation.CreateContact] = (c, k) => c.Contacts.CreateAsync(new CreateContactRequest { Number = "+15550008888" }),
            [EmulatorOperation.GetContact] = (c, k) => c.Contacts.GetAsync(k.ContactPhone),
            [EmulatorOperation.UpdateContact] = (c, k) => c.Contacts.UpdateAsync(k.ContactPhone, new UpdateContactRequest { FirstName = "x" }),
            [EmulatorOperation.DeleteContact] = (c, k) => c.Contacts.DeleteAsync(k.ContactPhone),
            [EmulatorOperation.CountContacts] = (c, k) => c.Contacts.CountAsync(),
            [EmulatorOperation.OptOutContact] = (c, k) => c.Contacts.OptOutAsync(new OptOutContactRequest { Number = k.ContactPhone }),
            [EmulatorOperation.VerifyContact] = (c, k) => c.Contacts.VerifyAsync(new VerifyContactRequest { Number = k.ContactPhone }),
            [EmulatorOperation.BulkCreateContacts] = (c, k) => c.Contacts.BulkCreateAsync(new BulkCreateContactsRequest { Contacts = new List<BulkContact> { new() { Phone = "+15550008887" } } }),
            [EmulatorOperation.BulkDeleteContacts] = (c, k) => c.Contacts.BulkDeleteAsync(new BulkDeleteContactsRequest { ContactIds = new List<string> { k.ContactPhone } }),
            [EmulatorOperation.ListWebhooks] = (c, k) => c.Webhooks.ListAsync(),
            [EmulatorOperation.CreateWebhooks] = (c, k) => c.Webhooks.CreateAsync(new CreateWebhooksRequest { Webhooks = new List<WebhookEntry> { new() { Url = "https://example.com/x" } } }),
            [EmulatorOperation.UpdateWebhooks] = (c, k) => c.Webhooks.UpdateAsync(new UpdateWebhooksRequest { Webhooks = new AccountWebhooks() }),
            [EmulatorOperation.DeleteWebhooks] = (c, k) => c.Webhooks.DeleteAsync(new DeleteWebhooksRequest { Webhooks = new List<string> { "https://example.com/x" } }),
            [EmulatorOperation.GetLineState] = (c, k) => c.Lines.GetStateAsync(),
        };

        /// <summary>The operations that judge what they are given, and so can answer 400.</summary>
        private static readonly EmulatorOperation[] AnswersWith400 =
        {
            EmulatorOperation.Send, EmulatorOperation.GetStatus, EmulatorOperation.List, EmulatorOperation.UpdateAppCard,
            EmulatorOperation.SendGroupMessage, EmulatorOperation.ModifyGroup, EmulatorOperation.SendTypingIndicator,
            EmulatorOperation.UploadMediaObject, EmulatorOperation.LookupNumber, EmulatorOperation.ListContacts,
            EmulatorOperation.CreateContact, EmulatorOperation.UpdateContact, EmulatorOperation.OptOutContact,
            EmulatorOperation.VerifyContact, EmulatorOperation.BulkCreateContacts, EmulatorOperation.BulkDeleteContacts,
            EmulatorOperation.CreateWebhooks, EmulatorOperation.UpdateWebhooks, EmulatorOperation.DeleteWebhooks,
        };

        /// <summary>The operations that look something up, and so can answer 404.</summary>
        private static readonly EmulatorOperation[] AnswersWith404 =
        {
            EmulatorOperation.GetStatus, EmulatorOperation.Get, EmulatorOperation.UpdateAppCard, EmulatorOperation.SendGroupMessage,
            EmulatorOperation.ModifyGroup, EmulatorOperation.GetContact, EmulatorOperation.UpdateContact,
            EmulatorOperation.DeleteContact, EmulatorOperation.VerifyContact,
        };

        /// <summary>The raw path of each operation that takes a JSON body, to send it bodies the SDK never would.</summary>
        private static readonly (EmulatorOperation Operation, HttpMethod Method, string Path)[] BodyPaths =
        {
            (EmulatorOperation.Send, HttpMethod.Post, "api/send-message"),
            (EmulatorOperation.SendGroupMessage, HttpMethod.Post, "api/send-group-message"),
            (EmulatorOperation.ModifyGroup, HttpMethod.Post, "api/modify-group"),
            (EmulatorOperation.SendTypingIndicator, HttpMethod.Post, "api/send-typing-indicator"),
            (EmulatorOperation.UploadMediaObject, HttpMethod.Post, "api/upload-media-object"),
            (EmulatorOperation.CreateContact, HttpMethod.Post, "api/v2/contacts"),
            (EmulatorOperation.BulkDeleteContacts, HttpMethod.Delete, "api/v2/contacts"),
            (EmulatorOperation.BulkCreateContacts, HttpMethod.Post, "api/v2/contacts/bulk"),
            (EmulatorOperation.OptOutContact, HttpMethod.Post, "api/v2/contacts/opt-out"),
            (EmulatorOperation.VerifyContact, HttpMethod.Post, "api/v2/contacts/verify"),
            (EmulatorOperation.CreateWebhooks, HttpMethod.Post, "api/account/webhooks"),
            (EmulatorOperation.UpdateWebhooks, HttpMethod.Put, "api/account/webhooks"),
            (EmulatorOperation.DeleteWebhooks, HttpMethod.Delete, "api/account/webhooks"),
        };

        private static async Task<Known> DriveTheRestAsync(SendblueEmulator emulator, SendblueClient client, HttpClient raw, string parent)
        {
            async Task RawAsync(HttpMethod method, string path, string json)
            {
                using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                (await raw.SendAsync(request)).Dispose();
            }

            // Messages: inline replies (a reply to a reply keeps the thread's root), seats, App Cards of every field, and their continuations.
            var reply = await client.Messages.SendAsync(new SendMessageRequest { Number = To, FromNumber = From, Content = "a reply", ReplyTo = new ReplyTo { MessageHandle = parent, PartIndex = 0 }, SeatId = Seat });
            var replyToReply = await client.Messages.SendAsync(new SendMessageRequest { Number = To, FromNumber = From, Content = "and another", ReplyTo = new ReplyTo { MessageHandle = reply.MessageHandle } });
            var card = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = To,
                FromNumber = From,
                Content = "Your order",
                ReplyTo = new ReplyTo { MessageHandle = replyToReply.MessageHandle },
                AppCard = new AppCard
                {
                    AppName = "Example Shop",
                    ExtensionBundleId = "com.example.shop.MessagesExtension",
                    TeamId = "A1B2C3D4E5",
                    Url = "https://shop.example.com/orders/1042",
                    AppStoreId = 1234567890,
                    FallbackText = "Order #1042",
                    Interactive = true,
                    SessionIdentifier = "3c9a5e10-6b2f-4d8e-a1f7-0e4b9d2c6a18",
                    Layout = new AppCardLayout
                    {
                        Caption = "Order #1042", Subcaption = "Placed", TrailingCaption = "$42", TrailingSubcaption = "2 items",
                        ImageUrl = "https://cdn.example.com/cards/1042.png", ImageTitle = "Ready", ImageSubtitle = "Today", Summary = "Order #1042 placed",
                    },
                },
            });
            var bareCard = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = To,
                FromNumber = From,
                AppCard = new AppCard { AppName = "Example Shop", ExtensionBundleId = "com.example.shop.MessagesExtension", TeamId = "A1B2C3D4E5", Url = "data:application/json,{}", Layout = new AppCardLayout() },
            });
            var update = new UpdateAppCardRequest
            {
                IdempotencyKey = "order-1042-shipped", FallbackText = "Order #1042 has shipped", Interactive = false, SendStyle = SendStyle.Gentle,
                Url = "https://shop.example.com/orders/1042?state=shipped", Layout = new AppCardLayout { Caption = "Order #1042", Subcaption = "Shipped today" },
            };
            var continuation = await client.Messages.UpdateAppCardAsync(card.MessageHandle!, update);
            await client.Messages.UpdateAppCardAsync(card.MessageHandle!, update);
            await client.Messages.UpdateAppCardAsync(continuation.MessageHandle!, new UpdateAppCardRequest());
            await client.Messages.UpdateAppCardAsync(bareCard.MessageHandle!, new UpdateAppCardRequest { Layout = new AppCardLayout { Caption = "Updated" } });
            var inboundCard = emulator.AddMessage(new EmulatedMessage
            {
                FromNumber = To, ToNumber = From, IsOutbound = false, Status = MessageStatus.Received,
                AppCard = new MessageAppCard { BalloonBundleId = "com.apple.messages.MSMessageExtensionBalloonPlugin:A1B2C3D4E5:com.example.shop.MessagesExtension", ExtensionBundleId = "com.example.shop.MessagesExtension", TeamId = "A1B2C3D4E5", Url = "https://shop.example.com/orders/1042?picked=blue", SessionIdentifier = "3c9a5e10-6b2f-4d8e-a1f7-0e4b9d2c6a18", Revision = 2 },
            });
            foreach (var handle in new[] { reply.MessageHandle!, replyToReply.MessageHandle!, card.MessageHandle!, continuation.MessageHandle!, inboundCard.MessageHandle! })
            {
                await client.Messages.GetStatusAsync(handle);
                await client.Messages.GetAsync(handle);
            }

            Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Messages.UpdateAppCardAsync("no-such-card", update));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.UpdateAppCardAsync(parent, update), "a message without a card");
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.UpdateAppCardAsync(inboundCard.MessageHandle!, update), "a card received");
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.UpdateAppCardAsync(card.MessageHandle!, new UpdateAppCardRequest { Url = "ftp://example.com/card" }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest { Number = To, FromNumber = From, Content = "x", ReplyTo = new ReplyTo { MessageHandle = "no-such-parent" } }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest { Number = "+15550007777", FromNumber = From, Content = "x", ReplyTo = new ReplyTo { MessageHandle = parent } }), "a parent of another conversation");
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest { Number = To, FromNumber = From, Content = "x", SeatId = "no-such-seat" }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest { Number = SmsOnly, FromNumber = From, AppCard = new AppCard { AppName = "a", ExtensionBundleId = "b", TeamId = "c", Url = "https://example.com", Layout = new AppCardLayout() } }));
            await RawAsync(HttpMethod.Post, $"api/messages/{card.MessageHandle}/update-app-card", "[]");

            // Groups: a new group by its numbers (a second send to the same numbers finds it), sends by id with every field, and changes.
            var group = await client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = From, Numbers = new List<string> { To, Contact, "+15550001111", "+15550002222" }, Content = "Dinner at 8?" });
            await client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = From, Numbers = new List<string> { "+15550002222", "+15550001111", Contact, To }, MediaUrl = "https://example.com/menu.png" });
            var groupId = emulator.Groups.Single(g => g.Participants.Contains(Contact)).GroupId;
            await client.Groups.SendMessageAsync(new SendGroupMessageRequest
            {
                FromNumber = From, GroupId = groupId, Content = "Booked", MediaUrl = "https://example.com/booking.png",
                ReplyTo = new ReplyTo { MessageHandle = group.MessageHandle }, SeatId = Seat,
            });
            await client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = From, Numbers = new List<string> { To, SmsOnly }, Content = "an SMS group" });
            await client.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = groupId, ModifyType = GroupModifyType.AddRecipient, Number = "+15550003333", FromNumber = From });
            await client.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = groupId, ModifyType = GroupModifyType.RemoveRecipient, Number = "+15550003333" });
            await client.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = groupId, ModifyType = GroupModifyType.AddRecipient, Number = "ada@example.com" });
            await client.Messages.ListAsync(new MessageListQuery { GroupId = groupId });
            await client.Messages.ListAsync(new MessageListQuery { MessageType = MessageType.Group });
            Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = From, GroupId = "no-such-group", Content = "x" }));
            Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = "no-such-group", ModifyType = GroupModifyType.AddRecipient, Number = "+15550003333" }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = groupId, ModifyType = GroupModifyType.AddRecipient, Number = To }), "already in the group");
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = groupId, ModifyType = GroupModifyType.AddRecipient, Number = "+15550003333", FromNumber = OtherLine }), "line_not_registered");
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = From, Numbers = new List<string> { "12345" }, Content = "x" }));
            await RawAsync(HttpMethod.Post, "api/modify-group", $$"""{"group_id":"{{groupId}}","modify_type":"rename","number":"+15550003333"}""");
            await RawAsync(HttpMethod.Post, "api/send-group-message", """{"from_number":"+16292925296","content":"x"}""");

            // Typing indicators: start (with a duration), stop, and one to a number without iMessage (answered ERROR).
            await client.TypingIndicators.SendAsync(new SendTypingIndicatorRequest { FromNumber = From, Number = To, State = TypingIndicatorState.Start, MaxDurationMs = 120000 });
            await client.TypingIndicators.SendAsync(new SendTypingIndicatorRequest { FromNumber = From, Number = To, State = TypingIndicatorState.Stop });
            await client.TypingIndicators.SendAsync(new SendTypingIndicatorRequest { FromNumber = From, Number = SmsOnly });
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.TypingIndicators.SendAsync(new SendTypingIndicatorRequest { FromNumber = From, Number = "12345" }));
            await RawAsync(HttpMethod.Post, "api/send-typing-indicator", """{"from_number":"+16292925296","number":"+19998887777","max_duration_ms":0}""");

            // Media objects and lookups.
            await client.MediaObjects.UploadAsync(new UploadMediaObjectRequest { MediaUrl = "https://files.example.com/menus/summer-2024.jpg" });
            await client.MediaObjects.UploadAsync(new UploadMediaObjectRequest { MediaUrl = "https://files.example.com/" });
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.MediaObjects.UploadAsync(new UploadMediaObjectRequest { MediaUrl = "not a url" }));
            foreach (var number in new[] { To, SmsOnly, "Ada@Example.com" })
            {
                await client.Lookups.LookupNumberAsync(number);
            }

            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Lookups.LookupNumberAsync("12345"));
            (await raw.GetAsync("api/evaluate-service")).Dispose();

            // Contacts: every operation, every list parameter, a walk, and the older spellings the API takes.
            await client.Contacts.CreateAsync(new CreateContactRequest
            {
                Number = Contact, FirstName = "Ada", LastName = "Lovelace", AssignedToEmail = "maria@example.com", SendblueNumber = From,
                Tags = new List<string> { "customer" }, CustomVariables = new Dictionary<string, string> { ["Lead Source"] = "Website" },
            });
            await client.Contacts.CreateAsync(new CreateContactRequest { Number = Contact, Tags = new List<string> { "customer", "vip" }, UpdateIfExists = true });
            await client.Contacts.CreateAsync(new CreateContactRequest { Number = "+15550001111" });
            await RawAsync(HttpMethod.Post, "api/v2/contacts", """{"phoneNumber":"+15550002222","firstName":"Alan","lastName":"Turing","assignedToEmail":"maria@example.com","sendblueNumber":"+16292925296"}""");
            await client.Contacts.BulkCreateAsync(new BulkCreateContactsRequest
            {
                Contacts = new List<BulkContact>
                {
                    new() { Phone = "+15550003333", FirstName = "Grace", LastName = "Hopper", CompanyName = "Navy", Tags = new List<string> { "vip" }, CustomVariables = new Dictionary<string, string> { ["Plan"] = "Pro" } },
                    new() { Phone = "+15550004444" },
                },
            });
            await RawAsync(HttpMethod.Post, "api/v2/contacts/bulk", """{"contacts":[{"phone":"+15550005555","company":"Example Bistro","firstName":"Edsger","lastName":"Dijkstra"}]}""");
            var contact = (await client.Contacts.GetAsync(Contact)).Contact!;
            await client.Contacts.UpdateAsync(Contact, new UpdateContactRequest
            {
                CompanyName = "Analytical Engines", FirstName = "Augusta", LastName = "King", AssignedToEmail = "maria@example.com", SendblueNumber = From,
                Tags = new List<string> { "customer" }, CustomVariables = new Dictionary<string, string> { ["Plan"] = "Enterprise" }, OptOut = false,
            });
            await client.Contacts.ListAsync();
            await client.Contacts.ListAsync(new ContactListQuery
            {
                Cid = contact.ContactId, CreatedAtGte = T0, Limit = 10, Offset = 0, OrderBy = "first_name", OrderDirection = SortDirection.Asc, PhoneNumber = Contact,
            });
            foreach (var query in new[]
            {
                new ContactListQuery { OrderBy = "last_name", OrderDirection = SortDirection.Desc }, new ContactListQuery { Offset = 3 },
                new ContactListQuery { PhoneNumber = "+10000000000" }, new ContactListQuery { CreatedAtGte = DateTimeOffset.UtcNow.AddYears(1) },
            })
            {
                await client.Contacts.ListAsync(query);
            }

            await foreach (var _ in client.Contacts.ListAllAsync(new ContactListQuery { Limit = 2 }))
            {
            }

            await client.Contacts.CountAsync();
            await client.Contacts.OptOutAsync(new OptOutContactRequest { Number = "+15550004444", OptedOut = true });
            await client.Contacts.OptOutAsync(new OptOutContactRequest { Number = "+15550004444", OptedOut = false });
            await client.Contacts.OptOutAsync(new OptOutContactRequest { Number = "+15550006666" });
            await client.Contacts.GetAsync("+15550004444");
            await client.Contacts.VerifyAsync(new VerifyContactRequest { Number = Contact });
            await client.Contacts.BulkDeleteAsync(new BulkDeleteContactsRequest { ContactIds = new List<string> { "+15550003333", "+15550009999" } });
            await client.Contacts.DeleteAsync("+15550001111");
            Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Contacts.GetAsync("+15550001111"));
            Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Contacts.UpdateAsync("+15550001111", new UpdateContactRequest { FirstName = "x" }));
            Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Contacts.DeleteAsync("+15550001111"));
            Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Contacts.VerifyAsync(new VerifyContactRequest { Number = "+15550001111" }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Contacts.CreateAsync(new CreateContactRequest { Number = Contact }), "a duplicate");
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Contacts.BulkCreateAsync(new BulkCreateContactsRequest { Contacts = new List<BulkContact> { new() { Phone = Contact } } }), "a duplicate");
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Contacts.UpdateAsync(Contact, new UpdateContactRequest { AssignedToEmail = "not an email" }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Contacts.OptOutAsync(new OptOutContactRequest { Number = "12345" }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Contacts.VerifyAsync(new VerifyContactRequest { Number = "12345" }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Contacts.ListAsync(new ContactListQuery { OrderBy = "shoe_size" }));
            (await raw.GetAsync("api/v2/contacts?limit=0&offset=10001")).Dispose();
            await RawAsync(HttpMethod.Delete, "api/v2/contacts", """{"contact_ids":"+15550003333"}""");

            // Webhooks: add of both entry forms, replace, list, delete, and what is refused.
            await client.Webhooks.ListAsync();
            await client.Webhooks.CreateAsync(new CreateWebhooksRequest
            {
                Type = WebhookType.Receive,
                GlobalSecret = "whsec_global",
                Webhooks = new List<WebhookEntry>
                {
                    new() { Url = "https://hooks.example.com/sendblue/inbound" },
                    new() { Url = "https://hooks.example.com/sendblue/inbound-sales", Secret = "whsec_sales", SendblueNumbers = new List<string> { From } },
                },
            });
            await client.Webhooks.CreateAsync(new CreateWebhooksRequest { Type = WebhookType.Outbound, Webhooks = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/sendblue/status", Secret = "whsec_status" } } });
            await client.Webhooks.CreateAsync(new CreateWebhooksRequest { Webhooks = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/sendblue/inbound" } } });
            await client.Webhooks.ListAsync();
            await client.Webhooks.DeleteAsync(new DeleteWebhooksRequest { Type = WebhookType.Receive, Webhooks = new List<string> { "https://hooks.example.com/sendblue/inbound" } });
            await client.Webhooks.DeleteAsync(new DeleteWebhooksRequest { Webhooks = new List<string> { "https://hooks.example.com/never-added" } });
            await client.Webhooks.UpdateAsync(new UpdateWebhooksRequest
            {
                Webhooks = new AccountWebhooks
                {
                    GlobalSecret = "whsec_all",
                    CallLog = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/calls" } },
                    ContactCreated = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/contacts", Secret = "whsec_contacts" } },
                    ContactProfile = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/profiles" } },
                    InboundCall = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/inbound-calls" } },
                    LineAssigned = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/lines" } },
                    LineBlocked = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/lines" } },
                    Outbound = new List<WebhookEntry>(),
                    Receive = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/sendblue/inbound", SendblueNumbers = new List<string> { From } } },
                    TypingIndicator = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/typing" } },
                },
            });
            await client.Webhooks.ListAsync();
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Webhooks.CreateAsync(new CreateWebhooksRequest { Type = WebhookType.Outbound, Webhooks = new List<WebhookEntry> { new() { Url = "https://hooks.example.com/x", SendblueNumbers = new List<string> { From } } } }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Webhooks.CreateAsync(new CreateWebhooksRequest { Webhooks = new List<WebhookEntry> { new() { Url = "not a url" } } }));
            await RawAsync(HttpMethod.Post, "api/account/webhooks", """{"type":"everything","webhooks":["https://hooks.example.com/x"]}""");
            await RawAsync(HttpMethod.Put, "api/account/webhooks", """{"webhooks":{"sometimes":["https://hooks.example.com/x"]}}""");
            await RawAsync(HttpMethod.Delete, "api/account/webhooks", """{"webhooks":["not a url"]}""");

            // Every operation that takes a body refuses one that is no JSON object.
            foreach (var (_, method, path) in BodyPaths)
            {
                await RawAsync(method, path, "[]");
            }

            // Lines: the numbers the account's messages used.
            await client.Lines.GetStateAsync();

            // Webhooks configured through the API are called: settle what is in flight, then configure
            // receive webhooks (one for every line, one for this line, one for another line) and an outbound one.
            await emulator.CompleteAllAsync();
            await client.Webhooks.UpdateAsync(new UpdateWebhooksRequest
            {
                Webhooks = new AccountWebhooks
                {
                    Receive = new List<WebhookEntry>
                    {
                        new() { Url = Support.Loopback.Refusing("hooks/api-inbound").ToString() },
                        new() { Url = Support.Loopback.Refusing("hooks/api-inbound-line").ToString(), Secret = "whsec_line", SendblueNumbers = new List<string> { From } },
                        new() { Url = Support.Loopback.Refusing("hooks/api-inbound-other-line").ToString(), SendblueNumbers = new List<string> { OtherLine } },
                    },
                    Outbound = new List<WebhookEntry> { new() { Url = Support.Loopback.Refusing("hooks/api-outbound").ToString() } },
                },
            });
            await emulator.SimulateInboundAsync("+15550004444", From, "a second customer message");
            await client.Messages.SendAsync(new SendMessageRequest { Number = To, FromNumber = From, Content = "watched by the outbound webhook" });
            await emulator.CompleteAllAsync();
            await client.Lines.GetStateAsync();

            return new Known(parent, card.MessageHandle!, groupId, Contact);
        }

        /// <summary>What the 401 and fault rounds address: things that exist by then.</summary>
        private sealed record Known(string Handle, string AppCardHandle, string GroupId, string ContactPhone);
    }
}
