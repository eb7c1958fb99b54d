using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Sendblue.Testing.Endpoints;

namespace Sendblue.Testing
{
    /// <summary>
    /// A local stand-in for the Sendblue API: a real HTTP server on 127.0.0.1 with an
    /// in-memory store, so tests exercise the SDK (or any HTTP client) over real sockets.
    /// </summary>
    /// <example>
    /// <code>
    /// await using var emulator = await SendblueEmulator.StartAsync();
    /// using var client = emulator.CreateClient();
    /// var sent = await client.Messages.SendAsync(new SendMessageRequest { Number = "+19998887777", FromNumber = "+16292925296", Content = "Hi" });
    /// await emulator.CompleteAllAsync();                       // QUEUED -> SENT -> DELIVERED
    /// var status = await client.Messages.GetStatusAsync(sent.MessageHandle!);
    /// </code>
    /// </example>
    public sealed class SendblueEmulator : IAsyncDisposable
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        /// <summary>How long disposing waits for requests in flight before it closes their connections.</summary>
        private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

        private readonly SendblueEmulatorOptions _options;
        private readonly ConcurrentQueue<EmulatedRequest> _requests = new();
        private readonly ConcurrentQueue<EmulatedWebhookDelivery> _deliveries = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly SemaphoreSlim _advancing = new(1, 1);
        private readonly HttpClient _webhooks = new(new SocketsHttpHandler { Proxy = new Sendblue.Http.LoopbackDirectProxy() }) { Timeout = TimeSpan.FromSeconds(10) };
        private WebApplication? _app;
        private Task? _autoAdvance;
        private int _disposed;

        private SendblueEmulator(SendblueEmulatorOptions options)
        {
            _options = options;
            StartedAt = Now();
        }

        /// <summary>The emulator's address, such as <c>http://127.0.0.1:54321/</c>.</summary>
        public Uri BaseUrl { get; private set; } = null!;

        /// <summary>The API key id the emulator accepts.</summary>
        public string ApiKey => _options.ApiKey;

        /// <summary>The API secret the emulator accepts.</summary>
        public string ApiSecret => _options.ApiSecret;

        /// <summary>Faults to inject into the next requests of an operation.</summary>
        public EmulatorFaults Faults { get; } = new();

        /// <summary>Every request received so far, in order of arrival.</summary>
        public IReadOnlyList<EmulatedRequest> Requests => _requests.ToArray();

        /// <summary>Every status callback and receive webhook posted so far, in order.</summary>
        public IReadOnlyList<EmulatedWebhookDelivery> WebhookDeliveries => _deliveries.ToArray();

        /// <summary>A snapshot of every stored message, in order of arrival.</summary>
        public IReadOnlyList<EmulatedMessage> Messages => Store.Snapshot().Select(e => Copy(e.Message)).ToList();

        /// <summary>A snapshot of the account's contacts, in order of creation.</summary>
        public IReadOnlyList<EmulatedContact> Contacts => Account.ContactSnapshot();

        /// <summary>The numbers opted out of messages (by the opt-out operation, a contact update or seeding); sends to them are refused.</summary>
        public IReadOnlyCollection<string> OptedOutNumbers
        {
            get
            {
                lock (Account.Gate)
                {
                    return Account.OptedOut.OrderBy(n => n, StringComparer.Ordinal).ToList();
                }
            }
        }

        /// <summary>A snapshot of the group chats the emulator knows, with their participants now.</summary>
        public IReadOnlyList<EmulatedGroup> Groups
        {
            get
            {
                lock (Account.Gate)
                {
                    return Account.Groups.ToList();
                }
            }
        }

        /// <summary>Every typing indicator received so far, in order of arrival.</summary>
        public IReadOnlyList<EmulatedTypingIndicator> TypingIndicators
        {
            get
            {
                lock (Account.Gate)
                {
                    return Account.TypingIndicators.ToList();
                }
            }
        }

        /// <summary>Every media object uploaded so far, in order of arrival.</summary>
        public IReadOnlyList<EmulatedMediaObject> MediaObjects
        {
            get
            {
                lock (Account.Gate)
                {
                    return Account.MediaObjects.ToList();
                }
            }
        }

        internal MessageStore Store { get; } = new();

        /// <summary>Cancelled when the emulator is being disposed: what holds a request (an injected delay) lets go.</summary>
        internal CancellationToken Stopping => _stop.Token;

        internal AccountStore Account { get; } = new();

        /// <summary>When the emulator started, on its clock: since then its lines have been ONLINE.</summary>
        internal DateTimeOffset StartedAt { get; }

        /// <summary>Starts an emulator on 127.0.0.1 and returns once it accepts connections.</summary>
        /// <param name="options">How it behaves; the defaults suit a unit test.</param>
        /// <param name="cancellationToken">Cancels the start.</param>
        public static async Task<SendblueEmulator> StartAsync(SendblueEmulatorOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new SendblueEmulatorOptions();
            if (string.IsNullOrEmpty(options.ApiKey) || string.IsNullOrEmpty(options.ApiSecret))
            {
                throw new ArgumentException("The emulator needs an ApiKey and an ApiSecret to accept.", nameof(options));
            }

            if (options.AutoAdvanceInterval is TimeSpan interval && interval <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), interval, "AutoAdvanceInterval must be positive, or null to advance by hand.");
            }

            var emulator = new SendblueEmulator(options);
            try
            {
                await emulator.StartServerAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return emulator;
        }

        /// <summary>Client options pointing at this emulator with its credentials.</summary>
        public SendblueClientOptions CreateClientOptions() => new()
        {
            ApiKey = ApiKey,
            ApiSecret = ApiSecret,
            BaseUrl = BaseUrl,
        };

        /// <summary>A client of the SDK pointing at this emulator with its credentials.</summary>
        public SendblueClient CreateClient() => new(CreateClientOptions());

        /// <summary>The stored message with this handle, or null.</summary>
        public EmulatedMessage? Find(string messageHandle) => Store.Find(messageHandle) is EmulatedMessage m ? Copy(m) : null;

        /// <summary>The contact with this phone number, or null.</summary>
        public EmulatedContact? FindContact(string phone)
        {
            lock (Account.Gate)
            {
                return Account.Contacts.TryGetValue(phone, out var entry) ? Account.Shown(entry.Contact) : null;
            }
        }

        /// <summary>
        /// Seeds the contact store, as if the contact had been created earlier. A missing id or date
        /// is filled in; <see cref="EmulatedContact.OptOut"/> sets the number's opt-out record.
        /// </summary>
        /// <returns>The contact as stored.</returns>
        /// <exception cref="ArgumentException">The contact has no phone number, or one that is already a contact.</exception>
        public EmulatedContact AddContact(EmulatedContact contact)
        {
            if (contact is null)
            {
                throw new ArgumentNullException(nameof(contact));
            }

            if (string.IsNullOrEmpty(contact.Phone))
            {
                throw new ArgumentException("A contact needs a phone number: it is the contact's identifier.", nameof(contact));
            }

            lock (Account.Gate)
            {
                if (Account.Contacts.ContainsKey(contact.Phone!))
                {
                    throw new ArgumentException($"A contact with phone number '{contact.Phone}' is already stored.", nameof(contact));
                }

                var stored = contact with
                {
                    ContactId = contact.ContactId ?? NewContactId(),
                    CreatedAt = contact.CreatedAt ?? Now(),
                    Tags = contact.Tags.ToList(),
                    CustomVariables = contact.CustomVariables.ToDictionary(v => v.Key, v => v.Value),
                };
                if (contact.OptOut)
                {
                    Account.OptedOut.Add(contact.Phone!);
                }

                Account.Contacts.Add(contact.Phone!, (Account.NextContactSequence(), stored with { OptOut = false }));
                return Account.Shown(stored);
            }
        }

        /// <summary>
        /// Seeds the store with a message, as if it had been sent or received earlier; nothing is
        /// posted. A missing handle, account or date is filled in. A group message (with a
        /// <see cref="EmulatedMessage.GroupId"/>) of a group the emulator does not know makes that
        /// group known, with the message's participants, so that group sends and changes find it.
        /// </summary>
        /// <returns>The message as stored.</returns>
        public EmulatedMessage AddMessage(EmulatedMessage message)
        {
            if (message is null)
            {
                throw new ArgumentNullException(nameof(message));
            }

            var now = Now();
            var created = message.DateCreated ?? now;
            var stored = message with
            {
                MessageHandle = message.MessageHandle ?? NewHandle(),
                AccountEmail = message.AccountEmail ?? _options.AccountEmail,
                DateCreated = created,
                DateUpdated = message.DateUpdated ?? created,
                Participants = message.Participants.ToList(),
                AppCard = AppCards.Copy(message.AppCard),
            };
            Store.Add(stored, DueAfter(stored));
            if (stored.GroupId is string groupId)
            {
                lock (Account.Gate)
                {
                    if (Account.Group(groupId) is null)
                    {
                        Account.Groups.Add(new EmulatedGroup(groupId, stored.SendblueNumber, stored.Participants));
                    }
                }
            }

            return Copy(stored);
        }

        /// <summary>
        /// A message arrives from <paramref name="fromNumber"/> on the account's number
        /// <paramref name="toNumber"/>: it is stored with status RECEIVED and posted to
        /// <see cref="SendblueEmulatorOptions.ReceiveWebhookUrl"/> when one is set, and to each
        /// receive webhook configured through the Webhooks API that is for every line or names
        /// <paramref name="toNumber"/> in its <c>sendblue_numbers</c>.
        /// </summary>
        /// <returns>The stored message.</returns>
        public async Task<EmulatedMessage> SimulateInboundAsync(string fromNumber, string toNumber, string content, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(fromNumber))
            {
                throw new ArgumentException("The sender's number is required.", nameof(fromNumber));
            }

            if (string.IsNullOrEmpty(toNumber))
            {
                throw new ArgumentException("The account's receiving number is required.", nameof(toNumber));
            }

            var now = Now();
            var message = Store.Add(
                new EmulatedMessage
                {
                    MessageHandle = NewHandle(),
                    AccountEmail = _options.AccountEmail,
                    Content = content,
                    FromNumber = fromNumber,
                    ToNumber = toNumber,
                    IsOutbound = false,
                    Status = MessageStatus.Received,
                    Service = _options.SmsOnlyNumbers.Contains(fromNumber) ? MessageService.Sms : MessageService.IMessage,
                    DateCreated = now,
                    DateSent = now,
                    DateUpdated = now,
                },
                null);
            if (_options.ReceiveWebhookUrl is Uri hook)
            {
                await PostWebhookAsync(hook.ToString(), message, DefaultSecret(), cancellationToken).ConfigureAwait(false);
            }

            foreach (var (url, secret) in Account.WebhookTargets(WebhookType.Receive, toNumber))
            {
                await PostWebhookAsync(url, message, secret ?? _options.WebhookSecret, cancellationToken).ConfigureAwait(false);
            }

            return message;
        }

        /// <summary>
        /// Moves every outbound message that is not final one status on (QUEUED to SENT, SENT to
        /// DELIVERED, or to ERROR for a failing number) and posts each change to the message's
        /// status callback, and to each outbound webhook configured through the Webhooks API,
        /// before returning.
        /// </summary>
        /// <returns>How many messages moved.</returns>
        public Task<int> AdvanceAsync(CancellationToken cancellationToken = default) =>
            AdvanceWhereAsync((_, _) => true, cancellationToken);

        /// <summary>Advances until every outbound message is DELIVERED or ERROR.</summary>
        public async Task CompleteAllAsync(CancellationToken cancellationToken = default)
        {
            while (await AdvanceAsync(cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }

        /// <summary>Forgets the requests recorded so far.</summary>
        public void ClearRequests()
        {
            while (_requests.TryDequeue(out _))
            {
            }
        }

        /// <summary>Stops the server and the automatic progression.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            _stop.Cancel();
            if (_autoAdvance is not null)
            {
                try
                {
                    await _autoAdvance.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            if (_app is not null)
            {
                // A request still in flight (a client that never reads its answer) would otherwise
                // hold the host for its 30 s shutdown timeout; after this, open connections are closed.
                using var grace = new CancellationTokenSource(ShutdownGrace);
                await _app.StopAsync(grace.Token).ConfigureAwait(false);
                await _app.DisposeAsync().ConfigureAwait(false);
            }

            _webhooks.Dispose();
            _advancing.Dispose();
            _stop.Dispose();
        }

        internal void Record(EmulatedRequest request) => _requests.Enqueue(request);

        /// <summary>Stores an outbound message an operation accepted: a new handle, the account, QUEUED, now.</summary>
        internal EmulatedMessage AcceptOutbound(EmulatedMessage draft)
        {
            var now = Now();
            var message = draft with
            {
                MessageHandle = NewHandle(),
                AccountEmail = _options.AccountEmail,
                IsOutbound = true,
                Status = MessageStatus.Queued,
                DateCreated = now,
                DateUpdated = now,
            };
            return Store.Add(message, DueAfter(message));
        }

        internal DateTimeOffset Now() => _options.TimeProvider.GetUtcNow();

        /// <summary>A contact id in the shape of Sendblue's (20 characters, letters and digits).</summary>
        internal static string NewContactId() => Guid.NewGuid().ToString("N").Substring(0, 20);

        private async Task StartServerAsync(CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = Array.Empty<string>(),
                ApplicationName = typeof(SendblueEmulator).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _options.Port));
            _app = builder.Build();
            var endpoints = new EmulatorEndpoints(this, _options);
            _app.Run(endpoints.HandleAsync);
            await _app.StartAsync(cancellationToken).ConfigureAwait(false);

            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no address.");
            BaseUrl = new Uri(address.EndsWith("/", StringComparison.Ordinal) ? address : address + "/");

            if (_options.AutoAdvanceInterval is TimeSpan interval)
            {
                _autoAdvance = Task.Run(() => AutoAdvanceAsync(interval, _stop.Token));
            }
        }

        private async Task AutoAdvanceAsync(TimeSpan interval, CancellationToken cancellationToken)
        {
            var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(5).Ticks, interval.Ticks / 5));
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(tick, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                var now = Now();
                await AdvanceWhereAsync((_, due) => due is DateTimeOffset d && d <= now, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<int> AdvanceWhereAsync(Func<EmulatedMessage, DateTimeOffset?, bool> isDue, CancellationToken cancellationToken)
        {
            // One advance at a time, so that callbacks of one message are posted in status order.
            await _advancing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var changed = Store.Advance(isDue, Step, DueAfter);
                foreach (var message in changed)
                {
                    if (!string.IsNullOrEmpty(message.StatusCallback))
                    {
                        await PostWebhookAsync(message.StatusCallback!, message, DefaultSecret(), cancellationToken).ConfigureAwait(false);
                    }

                    foreach (var (url, secret) in Account.WebhookTargets(WebhookType.Outbound, message.SendblueNumber))
                    {
                        await PostWebhookAsync(url, message, secret ?? _options.WebhookSecret, cancellationToken).ConfigureAwait(false);
                    }
                }

                return changed.Count;
            }
            finally
            {
                _advancing.Release();
            }
        }

        private EmulatedMessage? Step(EmulatedMessage message)
        {
            if (!message.IsOutbound)
            {
                return null;
            }

            var now = Now();
            if (message.Status == MessageStatus.Queued || message.Status == MessageStatus.Pending || message.Status == MessageStatus.Registered)
            {
                return message with { Status = MessageStatus.Sent, DateSent = now, DateUpdated = now };
            }

            if (message.Status == MessageStatus.Sent)
            {
                return message.ToNumber is string to && _options.FailingNumbers.Contains(to)
                    ? message with
                    {
                        Status = MessageStatus.Error,
                        ErrorCode = _options.FailureErrorCode,
                        ErrorMessage = _options.FailureErrorMessage,
                        DateUpdated = now,
                    }
                    : message with { Status = MessageStatus.Delivered, DateUpdated = now };
            }

            return null;
        }

        private DateTimeOffset? DueAfter(EmulatedMessage message)
        {
            var final = !message.IsOutbound || message.Status == MessageStatus.Delivered || message.Status == MessageStatus.Error;
            return final || _options.AutoAdvanceInterval is not TimeSpan interval ? null : Now() + interval;
        }

        /// <summary>The secret of calls to URLs that are not configured webhooks: the account's global one (Webhooks API), else the options'.</summary>
        private string? DefaultSecret()
        {
            lock (Account.Gate)
            {
                return Account.GlobalSecret ?? _options.WebhookSecret;
            }
        }

        private static EmulatedMessage Copy(EmulatedMessage message) =>
            message.AppCard is null ? message : message with { AppCard = AppCards.Copy(message.AppCard) };

        private async Task PostWebhookAsync(string url, EmulatedMessage message, string? secret, CancellationToken cancellationToken)
        {
            var body = Wire.Webhook(message).ToString(Formatting.None);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(body, Utf8, "application/json"),
                };
                if (!string.IsNullOrEmpty(secret))
                {
                    request.Headers.TryAddWithoutValidation("sb-signing-secret", secret);
                }

                using var response = await _webhooks.SendAsync(request, cancellationToken).ConfigureAwait(false);
                _deliveries.Enqueue(new EmulatedWebhookDelivery(url, body, (int)response.StatusCode, null));
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested) || ex is InvalidOperationException)
            {
                // The receiver is the test's; a failed delivery is recorded, as Sendblue would log it, not thrown.
                _deliveries.Enqueue(new EmulatedWebhookDelivery(url, body, null, ex.Message));
            }
        }

        private static string NewHandle() => Guid.NewGuid().ToString();
    }
}
