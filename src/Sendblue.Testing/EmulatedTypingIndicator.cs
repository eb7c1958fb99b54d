using System;

namespace Sendblue.Testing
{
    /// <summary>A typing indicator the emulator received and answered.</summary>
    /// <param name="FromNumber">The account's line the conversation is on.</param>
    /// <param name="Number">The recipient.</param>
    /// <param name="State">Start (the default when the request left it out) or stop.</param>
    /// <param name="MaxDurationMs">The <c>max_duration_ms</c> the request gave, if any.</param>
    /// <param name="Status">What the emulator answered: SENT, or ERROR for a recipient without iMessage.</param>
    /// <param name="DateSent">When it arrived, on the emulator's clock.</param>
    public sealed record EmulatedTypingIndicator(
        string FromNumber,
        string Number,
        TypingIndicatorState State,
        int? MaxDurationMs,
        TypingIndicatorStatus Status,
        DateTimeOffset DateSent);
}
