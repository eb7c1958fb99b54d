using System;
using System.Collections.Generic;

namespace Sendblue.Testing
{
    /// <summary>
    /// A message in the emulator's store: what <see cref="SendblueEmulator.Messages"/> returns (a
    /// snapshot) and what <see cref="SendblueEmulator.AddMessage"/> takes to seed the store.
    /// </summary>
    public sealed record EmulatedMessage
    {
        /// <summary>The message's id; a new one is made when seeding without it.</summary>
        public string? MessageHandle { get; init; }

        /// <summary>The account's email; the emulator's account when not set.</summary>
        public string? AccountEmail { get; init; }

        /// <summary>The text.</summary>
        public string? Content { get; init; }

        /// <summary>The attached media's URL.</summary>
        public string? MediaUrl { get; init; }

        /// <summary>The sender's number.</summary>
        public string? FromNumber { get; init; }

        /// <summary>The recipient's number.</summary>
        public string? ToNumber { get; init; }

        /// <summary>Whether the account sent it (true) or received it (false).</summary>
        public bool IsOutbound { get; init; } = true;

        /// <summary>The status.</summary>
        public MessageStatus Status { get; init; } = MessageStatus.Queued;

        /// <summary>The service that carries it.</summary>
        public MessageService Service { get; init; } = MessageService.IMessage;

        /// <summary>The expressive style, if any.</summary>
        public SendStyle? SendStyle { get; init; }

        /// <summary>The error code when it failed.</summary>
        public int? ErrorCode { get; init; }

        /// <summary>The error description when it failed.</summary>
        public string? ErrorMessage { get; init; }

        /// <summary>When it was created; now when seeding without it.</summary>
        public DateTimeOffset? DateCreated { get; init; }

        /// <summary>When it was sent (outbound, from SENT on) or received.</summary>
        public DateTimeOffset? DateSent { get; init; }

        /// <summary>When it last changed; <see cref="DateCreated"/> when seeding without it.</summary>
        public DateTimeOffset? DateUpdated { get; init; }

        /// <summary>The URL its status changes are POSTed to.</summary>
        public string? StatusCallback { get; init; }

        /// <summary><c>message</c> or <c>group</c>.</summary>
        public MessageType MessageType { get; init; } = MessageType.Message;

        /// <summary>The group's id, for a group message.</summary>
        public string? GroupId { get; init; }

        /// <summary>The group's display name, for a group message.</summary>
        public string? GroupDisplayName { get; init; }

        /// <summary>The participants' numbers, for a group message.</summary>
        public IReadOnlyList<string> Participants { get; init; } = Array.Empty<string>();

        /// <summary>Whether it went as SMS because the recipient has no iMessage.</summary>
        public bool WasDowngraded { get; init; }

        /// <summary>Whether the recipient opted out.</summary>
        public bool OptedOut { get; init; }

        /// <summary>The account plan.</summary>
        public string Plan { get; init; } = "blue";

        /// <summary>The worker that handled it (admin accounts); matched by the <c>worker_id</c> filter.</summary>
        public string? WorkerId { get; init; }

        /// <summary>The <c>message_handle</c> of the message this one is an inline reply to (<c>reply_to</c>).</summary>
        public string? ReplyToMessageHandle { get; init; }

        /// <summary>The part of the parent the reply answers (<c>reply_to.part_index</c>), when the send named one.</summary>
        public int? ReplyToPartIndex { get; init; }

        /// <summary>
        /// The <c>message_handle</c> of the message that started the inline-reply thread
        /// (<c>thread_originator</c>): a reply's parent, or the parent's own originator.
        /// </summary>
        public string? ThreadOriginatorMessageHandle { get; init; }

        /// <summary>The seat the message was sent on behalf of (<c>seat_id</c>).</summary>
        public string? SeatId { get; init; }

        /// <summary>The email of that seat (<c>sender_email</c>), filled from <see cref="SendblueEmulatorOptions.Seats"/>.</summary>
        public string? SenderEmail { get; init; }

        /// <summary>
        /// The App Card the message carries: the outbound shape for a card the account sent (its
        /// <c>UpdateMessageHandle</c> set on a continuation), the inbound one for a card received.
        /// A copy: changing it does not change the store.
        /// </summary>
        public MessageAppCard? AppCard { get; init; }

        /// <summary>The other party: the recipient of an outbound message, the sender of an inbound one.</summary>
        public string? Number => IsOutbound ? ToNumber : FromNumber;

        /// <summary>The account's own number: the sender of an outbound message, the recipient of an inbound one.</summary>
        public string? SendblueNumber => IsOutbound ? FromNumber : ToNumber;
    }
}
