using System;

namespace Sendblue
{
    /// <summary>
    /// Filters, order and page of a message list (<c>GET /api/v2/messages</c>). Every property is
    /// optional; unset ones are not sent. Dates go on the wire as UTC instants
    /// (<c>2024-01-31T23:59:59Z</c>), whatever their offset here.
    /// </summary>
    public sealed class MessageListQuery
    {
        /// <summary>The largest page size the API accepts.</summary>
        public const int MaxLimit = 100;

        /// <summary>Only messages of this account (by the account's email).</summary>
        public string? AccountEmail { get; set; }

        /// <summary>Only messages created at or after this instant.</summary>
        public DateTimeOffset? CreatedAtGte { get; set; }

        /// <summary>Only messages created at or before this instant.</summary>
        public DateTimeOffset? CreatedAtLte { get; set; }

        /// <summary>Only messages sent from this phone number (E.164).</summary>
        public string? FromNumber { get; set; }

        /// <summary>Only messages of this group conversation.</summary>
        public string? GroupId { get; set; }

        /// <summary><c>true</c> for messages you sent, <c>false</c> for messages you received.</summary>
        public bool? IsOutbound { get; set; }

        /// <summary>The page size, 1 to 100; the API's default is 100.</summary>
        public int? Limit { get; set; }

        /// <summary>One-to-one or group messages.</summary>
        public MessageType? MessageType { get; set; }

        /// <summary>Only messages to or from this phone number (E.164).</summary>
        public string? Number { get; set; }

        /// <summary>The number of matching messages to skip, 0 or more.</summary>
        public int? Offset { get; set; }

        /// <summary>The date field to order by.</summary>
        public MessageOrderBy? OrderBy { get; set; }

        /// <summary>The sort direction.</summary>
        public SortDirection? OrderDirection { get; set; }

        /// <summary>Only messages sent from or received on this Sendblue number (E.164).</summary>
        public string? SendblueNumber { get; set; }

        /// <summary>Only messages sent at or after this instant.</summary>
        public DateTimeOffset? SentAtGte { get; set; }

        /// <summary>Only messages sent at or before this instant.</summary>
        public DateTimeOffset? SentAtLte { get; set; }

        /// <summary>Only messages carried by this service.</summary>
        public MessageService? Service { get; set; }

        /// <summary>Only messages in this status.</summary>
        public MessageStatus? Status { get; set; }

        /// <summary>Only messages sent to this phone number (E.164).</summary>
        public string? ToNumber { get; set; }

        /// <summary>Only messages updated at or after this instant.</summary>
        public DateTimeOffset? UpdatedAtGte { get; set; }

        /// <summary>Only messages updated at or before this instant.</summary>
        public DateTimeOffset? UpdatedAtLte { get; set; }

        /// <summary>Only messages handled by this worker (admin accounts only).</summary>
        public string? WorkerId { get; set; }

        /// <summary>Returns a copy, so that a walk is not changed by later edits to this query.</summary>
        internal MessageListQuery Copy() => (MessageListQuery)MemberwiseClone();

        /// <summary>Refuses a page size or offset the API would reject, before anything is sent.</summary>
        internal void Validate(string parameterName)
        {
            if (Limit is int limit && (limit < 1 || limit > MaxLimit))
            {
                throw new ArgumentOutOfRangeException(
                    parameterName,
                    limit,
                    $"{nameof(MessageListQuery)}.{nameof(Limit)} must be between 1 and {MaxLimit}; it is {limit}. Use ListAllAsync or ListPagesAsync to read more than {MaxLimit} messages.");
            }

            if (Offset is int offset && offset < 0)
            {
                throw new ArgumentOutOfRangeException(
                    parameterName,
                    offset,
                    $"{nameof(MessageListQuery)}.{nameof(Offset)} must be 0 or more; it is {offset}.");
            }
        }
    }
}
