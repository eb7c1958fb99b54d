using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;
using Sendblue.Testing;

namespace Sendblue.ContractTests.Emulator
{
    /// <summary>
    /// Every response the emulator sends, error responses included, conforms to the spec for its
    /// operation and status, and every webhook body it posts conforms to MessageContent. One broad
    /// scenario drives it through every operation of the spec, every filter, and every error it can
    /// answer with (400, 401, 404, 429 from its rate limit, injected 429/500/502/503/504 on every
    /// operation); then each entry of <see cref="SendblueEmulator.Requests"/> is validated.
    /// </summary>
    public partial class EmulatorConformanceTests
    {
        private const string From = "+16292925296";
        private const string To = "+19998887777";
        private const string Failing = "+15550000001";
        private const string SmsOnly = "+15550000002";
        private const string Seat = "2f8e4c1a-7b3d-4e9f-a6c5-1d0b8e7f2a34";
        private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        private readonly List<EmulatedRequest> _requests = new();
        private readonly List<EmulatedWebhookDelivery> _webhooks = new();

        [OneTimeSetUp]
        public async Task RunTheScenario()
        {
            var options = new SendblueEmulatorOptions
            {
                WebhookSecret = "whsec-contract",
                ReceiveWebhookUrl = Support.Loopback.Refusing("hooks/inbound"),
            };
            options.FailingNumbers.Add(Failing);
            options.SmsOnlyNumbers.Add(SmsOnly);
            options.Seats.Add(Seat, "maria@example.com");
            await using (var emulator = await SendblueEmulator.StartAsync(options))
            {
                await DriveAsync(emulator);
                _requests.AddRange(emulator.Requests);
                _webhooks.AddRange(emulator.WebhookDeliveries);
            }

            // The emulator's own rate limit (not an injected fault): the second list in the window is a 429.
            await using (var limited = await SendblueEmulator.StartAsync(new SendblueEmulatorOptions { ListRateLimit = 1, ListRateLimitWindow = TimeSpan.FromMinutes(5) }))
            {
                using var client = Client(limited);
                await client.Messages.ListAsync();
                Assert.ThrowsAsync<SendblueRateLimitException>(() => client.Messages.ListAsync());
                _requests.AddRange(limited.Requests);
            }
        }

        private static SendblueClient Client(SendblueEmulator emulator, string? secret = null)
        {
            var options = emulator.CreateClientOptions();
            options.MaxRetries = 0;
            options.ApiSecret = secret ?? options.ApiSecret;
            return new SendblueClient(options);
        }

        private static async Task DriveAsync(SendblueEmulator emulator)
        {
            using var client = Client(emulator);
            using var raw = new HttpClient { BaseAddress = emulator.BaseUrl };
            raw.DefaultRequestHeaders.Add("sb-api-key-id", emulator.ApiKey);
            raw.DefaultRequestHeaders.Add("sb-api-secret-key", emulator.ApiSecret);
            var callback = Support.Loopback.Refusing("hooks/status").ToString();

            // Seeded messages of every shape the emulator can hold.
            emulator.AddMessage(new EmulatedMessage { FromNumber = From, ToNumber = To, Content = "delivered", Status = MessageStatus.Delivered, DateCreated = T0, DateSent = T0.AddSeconds(2), SendStyle = SendStyle.Confetti });
            emulator.AddMessage(new EmulatedMessage { FromNumber = "+15550001111", ToNumber = From, IsOutbound = false, Content = "inbound", Status = MessageStatus.Received, DateCreated = T0.AddMinutes(1), DateSent = T0.AddMinutes(1) });
            emulator.AddMessage(new EmulatedMessage { FromNumber = From, ToNumber = To, MessageType = MessageType.Group, GroupId = "g-1", GroupDisplayName = "Dinner", Participants = new[] { To, "+15550001111" }, Content = "group", Status = MessageStatus.Sent, DateCreated = T0.AddMinutes(2), WorkerId = "w-1" });
            emulator.AddMessage(new EmulatedMessage { FromNumber = From, ToNumber = "+15550003333", Content = "failed", Status = MessageStatus.Error, ErrorCode = 4001, ErrorMessage = "undeliverable", Service = MessageService.Rcs, DateCreated = T0.AddMinutes(3) });
            emulator.AddMessage(new EmulatedMessage { FromNumber = From, ToNumber = To, MediaUrl = "https://example.com/a.png", Status = MessageStatus.Queued, OptedOut = true, Plan = "dedicated", AccountEmail = "other@example.com", DateCreated = T0.AddMinutes(4) });

            // Sends of every shape, then their progression (each change is posted to the callback).
            var sent = new List<MessageResponse>
            {
                await client.Messages.SendAsync(new SendMessageRequest { Number = To, FromNumber = From, Content = "every field", MediaUrl = "https://example.com/b.png", SendStyle = SendStyle.ShootingStar, StatusCallback = callback }),
                await client.Messages.SendAsync(new SendMessageRequest { Number = To, FromNumber = From, MediaUrl = "https://example.com/c.png", StatusCallback = callback }),
                await client.Messages.SendAsync(new SendMessageRequest { Number = Failing, FromNumber = From, Content = "will fail", StatusCallback = callback }),
                await client.Messages.SendAsync(new SendMessageRequest { Number = SmsOnly, FromNumber = From, Content = "sms only", SendStyle = SendStyle.Slam, StatusCallback = callback }),
            };
            foreach (var message in sent)
            {
                await client.Messages.GetStatusAsync(message.MessageHandle!);
            }

            await emulator.AdvanceAsync();
            await client.Messages.GetStatusAsync(sent[0].MessageHandle!);
            await emulator.CompleteAllAsync();
            await emulator.SimulateInboundAsync("+15550004444", From, "hello from a customer");

            foreach (var message in sent)
            {
                await client.Messages.GetStatusAsync(message.MessageHandle!);
                await client.Messages.GetAsync(message.MessageHandle!);
            }

            foreach (var message in emulator.Messages)
            {
                await client.Messages.GetAsync(message.MessageHandle!);
            }

            // Lists: none, every filter at once, each filter alone, and a walk over every page.
            await client.Messages.ListAsync();
            await client.Messages.ListAsync(new MessageListQuery
            {
                AccountEmail = emulator.Messages[0].AccountEmail, CreatedAtGte = T0, CreatedAtLte = T0.AddDays(1), FromNumber = From, GroupId = "g-1",
                IsOutbound = true, Limit = 10, MessageType = MessageType.Group, Number = To, Offset = 0, OrderBy = MessageOrderBy.SentAt,
                OrderDirection = SortDirection.Asc, SendblueNumber = From, SentAtGte = T0.AddYears(-1), SentAtLte = T0.AddYears(5), Service = MessageService.IMessage,
                Status = MessageStatus.Sent, ToNumber = To, UpdatedAtGte = T0.AddYears(-1), UpdatedAtLte = T0.AddYears(5), WorkerId = "w-1",
            });
            foreach (var query in new[]
            {
                new MessageListQuery { IsOutbound = false }, new MessageListQuery { Status = MessageStatus.Error }, new MessageListQuery { Service = MessageService.Sms },
                new MessageListQuery { MessageType = MessageType.Group }, new MessageListQuery { OrderBy = MessageOrderBy.UpdatedAt, OrderDirection = SortDirection.Asc },
                new MessageListQuery { Offset = 1000 }, new MessageListQuery { Number = "+10000000000" }, new MessageListQuery { SentAtLte = T0.AddYears(-10) },
            })
            {
                await client.Messages.ListAsync(query);
            }

            await foreach (var _ in client.Messages.ListAllAsync(new MessageListQuery { Limit = 2 }))
            {
            }

            // 404: no such message.
            Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Messages.GetAsync("no-such-message"));
            Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Messages.GetStatusAsync("no-such-handle"));

            // 400: what the API refuses and the SDK does not judge (formats, unknown values), through the SDK...
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest { Number = "12345", FromNumber = From, Content = "x" }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.SendAsync(new SendMessageRequest { Number = To, FromNumber = From, Content = "x", StatusCallback = "not a url" }));
            Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Messages.ListAsync(new MessageListQuery { Status = new MessageStatus("LOST") }));

            // ...and what the SDK would never send, raw.
            foreach (var path in new[] { "api/status", "api/v2/messages?limit=0", "api/v2/messages?offset=-3", "api/v2/messages?created_at_gte=yesterday", "api/v2/messages?is_outbound=maybe" })
            {
                (await raw.GetAsync(path)).Dispose();
            }

            foreach (var body in new[] { "not json", "[]", """{"number":19998887777,"from_number":"+16292925296","content":"x"}""", """{"from_number":"+16292925296","content":"x"}""", """{"number":"+19998887777","from_number":"+16292925296"}""", """{"number":"+19998887777","from_number":"+16292925296","content":"x","send_style":"sparkle"}""" })
            {
                (await raw.PostAsync("api/send-message", new StringContent(body, Encoding.UTF8, "application/json"))).Dispose();
            }

            // The rest of the API (EmulatorConformanceTests.Rest.cs): every other operation, its errors, and the webhooks configured through it.
            var known = await DriveTheRestAsync(emulator, client, raw, sent[0].MessageHandle!);

            // 401: a wrong secret, on every operation.
            using (var wrong = Client(emulator, secret: "wrong-secret"))
            {
                foreach (var call in Calls)
                {
                    Assert.ThrowsAsync<SendblueAuthenticationException>(() => call.Value(wrong, known), call.Key.ToString());
                }
            }

            // Injected faults: every 5xx the SDK maps, and a 429 with Retry-After, on every operation.
            foreach (var call in Calls)
            {
                foreach (var status in new[] { 500, 502, 503, 504 })
                {
                    emulator.Faults.FailNext(call.Key, 1, status);
                    Assert.ThrowsAsync<SendblueServerException>(() => call.Value(client, known), $"{call.Key} {status}");
                }

                emulator.Faults.FailNext(call.Key, 1, 429, TimeSpan.FromSeconds(90));
                Assert.ThrowsAsync<SendblueRateLimitException>(() => call.Value(client, known), $"{call.Key} 429");
            }

            // A dropped connection answers nothing (status 0): there is no response to judge.
            emulator.Faults.DropNext(EmulatorOperation.List);
            Assert.ThrowsAsync<SendblueConnectionException>(() => client.Messages.ListAsync());
        }

        private IEnumerable<EmulatedRequest> Answered => _requests.Where(r => r.StatusCode != 0 && r.Operation is not null);

        private IReadOnlyList<ContractCheck> Checks() =>
            Answered.Select(r => SpecContract.Shared.CheckResponse(EmulatorOperationIds.Of(r.Operation!.Value), r.StatusCode, r.ResponseBody, r.ResponseHeaders)).ToList();

        [Test]
        public void EveryResponseTheEmulatorSent_ConformsToTheSpecForItsOperationAndStatus()
        {
            var checks = Checks();

            Assert.Multiple(() =>
            {
                Assert.That(checks, Has.Count.GreaterThan(300), "the scenario ran");
                Assert.That(ContractCheck.Describe(checks), Is.Empty);
            });
        }

        [Test]
        public void TheEmulatorsResponses_HaveNoFieldOrValueTheSpecLacks()
        {
            Assert.That(Checks().SelectMany(c => c.Drift).Select(d => d.ToString()).Distinct(), Is.Empty);
        }

        [Test]
        public void EveryRecordedRequest_AddressesItsOperation_AtTheSpecsMethodAndPath()
        {
            var misrouted = Answered
                .Where(r => !SpecContract.Shared.Operation(EmulatorOperationIds.Of(r.Operation!.Value)).Matches(r.Method, r.Path))
                .Select(r => $"{r.Method} {r.Path} was served as {r.Operation}")
                .Distinct()
                .ToList();

            Assert.That(misrouted, Is.Empty);
        }

        [Test]
        public void TheScenario_CoversEveryOperationAndEveryStatusTheEmulatorCanAnswer()
        {
            var covered = Answered.Select(r => $"{EmulatorOperationIds.Of(r.Operation!.Value)} {r.StatusCode}").Distinct().ToList();

            // Every operation of the spec answers 200, and each status the emulator can answer on it.
            var expected = SpecContract.Shared.Operations
                .SelectMany(o => new[] { 200, 401, 429, 500, 502, 503, 504 }.Select(status => $"{o.QualifiedId} {status}"))
                .Concat(AnswersWith400.Select(op => $"{EmulatorOperationIds.Of(op)} 400"))
                .Concat(AnswersWith404.Select(op => $"{EmulatorOperationIds.Of(op)} 404"))
                .ToList();

            Assert.Multiple(() =>
            {
                Assert.That(covered, Is.SupersetOf(expected));
                Assert.That(Calls.Keys, Is.EquivalentTo(Enum.GetValues<EmulatorOperation>()), "every operation has a call for the 401 and the fault rounds");
            });
        }

        [Test]
        public void ADroppedConnection_IsRecordedWithStatus0_AndLeftOut()
        {
            Assert.That(_requests.Count(r => r.StatusCode == 0), Is.EqualTo(1));
        }

        [Test]
        public void The429sOfTheRateLimit_CarryRetryAfter_AsTheSpecDeclares()
        {
            var tooMany = Answered.Where(r => r.StatusCode == 429).ToList();

            Assert.Multiple(() =>
            {
                // One injected per operation, and one of the emulator's own list limit.
                Assert.That(tooMany, Has.Count.EqualTo(Calls.Count + 1));
                Assert.That(tooMany.Select(r => r.ResponseHeader("Retry-After")), Has.All.Not.Null);
            });
        }

        [Test]
        public void EveryWebhookBody_ConformsToMessageContent_AndTheSdkParsesIt()
        {
            var checks = _webhooks.Select(w => SpecContract.Shared.CheckSchema("MessageContent", w.Body, $"webhook to {new Uri(w.Url).AbsolutePath}")).ToList();

            int To(string path) => _webhooks.Count(w => new Uri(w.Url).AbsolutePath == path);

            Assert.Multiple(() =>
            {
                // Four sends with a status callback move twice each (QUEUED -> SENT -> DELIVERED or ERROR).
                Assert.That(To("/hooks/status"), Is.EqualTo(8));

                // Two inbound messages reach the options' receive URL; the second also the receive
                // webhook for every line and the one for its line, configured through the Webhooks API.
                Assert.That(To("/hooks/inbound"), Is.EqualTo(2));
                Assert.That(To("/hooks/api-inbound"), Is.EqualTo(1));
                Assert.That(To("/hooks/api-inbound-line"), Is.EqualTo(1));
                Assert.That(To("/hooks/api-inbound-other-line"), Is.Zero);

                // The outbound webhook configured through the API gets each status change after it was added: one send, twice.
                Assert.That(To("/hooks/api-outbound"), Is.EqualTo(2));
                Assert.That(_webhooks, Has.Count.EqualTo(14));
                Assert.That(ContractCheck.Describe(checks), Is.Empty);
                foreach (var webhook in _webhooks)
                {
                    var message = SendblueWebhook.Parse(webhook.Body);
                    Assert.That(message.MessageHandle, Is.Not.Null.And.Not.Empty);
                    Assert.That(message.AccountEmail, Is.Not.Null.And.Not.Empty);
                }
            });
        }

        [Test]
        public void TheWebhookFieldsTheSpecLacks_AreFieldsSendblueDocumentsInItsOwnWebhookBodies()
        {
            var extra = _webhooks
                .SelectMany(w => SpecContract.Shared.CheckSchema("MessageContent", w.Body, "webhook").Drift)
                .Where(d => d.Kind == DriftKind.UnknownField)
                .Select(d => d.Location.TrimStart('$', '.'))
                .Distinct()
                .ToList();

            Assert.Multiple(() =>
            {
                // accountEmail, the spelling Sendblue's webhook bodies use, is declared (x-sendblue-aliases).
                Assert.That(extra, Does.Not.Contain("accountEmail"), "the spelling Sendblue's webhook bodies use is an alias of account_email");
                Assert.That(extra, Is.SubsetOf(Recorded.RecordedPayloads.DocumentedWebhookFields()));
            });
        }
    }
}
