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
        /// Recipients that cannot receive iMessage: their messages go as SMS and are marked
        /// <c>was_downgraded</c>.
        /// </summary>
        public ISet<string> SmsOnlyNumbers { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// The Sendblue numbers of the emulated account. When empty (the default), any E.164
        /// <c>from_number</c> is accepted; otherwise a send from another number is refused with 400.
        /// </summary>
        public ISet<string> SendblueNumbers { get; } = new HashSet<string>(StringComparer.Ordinal);

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
