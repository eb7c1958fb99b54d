using System;
using System.Collections.Generic;

namespace Sendblue.Testing
{
    /// <summary>How a <see cref="SendblueEmulator"/> behaves. Every property has a default that suits a unit test.</summary>
    public sealed class SendblueEmulatorOptions
    {
        /// <summary>The API key id the emulator accepts (<c>sb-api-key-id</c>).</summary>
        public string ApiKey { get; set; } = "emulator-key-id";

        /// <summary>The API secret the emulator accepts (<c>sb-api-secret-key</c>).</summary>
        public string ApiSecret { get; set; } = "emulator-secret-key";

        /// <summary>The email of the emulated account, reported on every message.</summary>
        public string AccountEmail { get; set; } = "emulator@sendblue.test";

        /// <summary>The port on 127.0.0.1 to listen on; 0 (the default) picks a free one.</summary>
        public int Port { get; set; }

        /// <summary>
        /// When set, each outbound message moves one status (QUEUED, SENT, DELIVERED or ERROR) every
        /// this long by itself. When null (the default), statuses move only when the test calls
        /// <see cref="SendblueEmulator.AdvanceAsync"/> or <see cref="SendblueEmulator.CompleteAllAsync"/>.
        /// </summary>
        public TimeSpan? AutoAdvanceInterval { get; set; }

        /// <summary>Recipients whose messages end in ERROR with <see cref="FailureErrorCode"/>.</summary>
        public ISet<string> FailingNumbers { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The <c>error_code</c> a message to one of <see cref="FailingNumbers"/> ends with.</summary>
        public int FailureErrorCode { get; set; } = 4001;

        /// <summary>The <c>error_message</c> a message to one of <see cref="FailingNumbers"/> ends with.</summary>
        public string FailureErrorMessage { get; set; } = "The message could not be delivered to this number.";

        /// <summary>
        /// Numbers (or email addresses) that cannot receive iMessage: messages to them go as SMS and
        /// are marked <c>was_downgraded</c>, a lookup (<c>GET /api/evaluate-service</c>) answers
        /// <c>SMS</c> for them (<c>iMessage</c> for every other), an App Card to them is refused, a
        /// typing indicator to them answers ERROR, and a group with one of them goes as SMS.
        /// </summary>
        public ISet<string> SmsOnlyNumbers { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// The Sendblue numbers (lines) of the emulated account. When empty (the default), any E.164
        /// <c>from_number</c> is accepted and the account's lines (<c>GET /api/v2/lines/state</c>) are
        /// the numbers its messages were sent from; otherwise a send, group send or typing indicator
        /// from another number is refused with 400, and these are the lines.
        /// </summary>
        public ISet<string> SendblueNumbers { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// The seats (users) of the emulated account, by seat id, with each seat's email. A send or
        /// group send with a <c>seat_id</c> gets that email as its <c>sender_email</c>. When empty
        /// (the default), any <c>seat_id</c> is accepted and the <c>sender_email</c> is
        /// <see cref="AccountEmail"/>; otherwise an unknown seat is refused with 400, as the API does.
        /// </summary>
        public IDictionary<string, string> Seats { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>
        /// The webhook secret; when set, every status callback and receive webhook carries it in the
        /// <c>sb-signing-secret</c> header, as Sendblue does.
        /// </summary>
        public string? WebhookSecret { get; set; }

        /// <summary>Where inbound messages (<see cref="SendblueEmulator.SimulateInboundAsync"/>) are POSTed; none when null.</summary>
        public Uri? ReceiveWebhookUrl { get; set; }

        /// <summary>How many list requests an account may make per <see cref="ListRateLimitWindow"/> (the API's 100); 0 turns the limit off.</summary>
        public int ListRateLimit { get; set; } = 100;

        /// <summary>The window of <see cref="ListRateLimit"/> (the API's 10 seconds).</summary>
        public TimeSpan ListRateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>The clock of message dates and of the rate limit; a fake one makes them deterministic.</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
    }
}
