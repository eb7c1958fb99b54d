using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace Sendblue.Benchmarks.Baseline
{
    // The cheapest thing a user could write by hand: plain classes with the SDK models' fields and
    // types (enum-likes as plain strings), read by Newtonsoft's defaults. No unknown-field keeping,
    // no tolerant enums, no second spelling of the account field.

    public sealed class PlainSendRequest
    {
        [JsonProperty("number")] public string? Number { get; set; }
        [JsonProperty("from_number")] public string? FromNumber { get; set; }
        [JsonProperty("content")] public string? Content { get; set; }
        [JsonProperty("media_url")] public string? MediaUrl { get; set; }
        [JsonProperty("send_style")] public string? SendStyle { get; set; }
        [JsonProperty("status_callback")] public string? StatusCallback { get; set; }
    }

    public sealed class PlainMessageResponse
    {
        [JsonProperty("account_email")] public string? AccountEmail { get; set; }
        [JsonProperty("content")] public string? Content { get; set; }
        [JsonProperty("date_created")] public DateTimeOffset? DateCreated { get; set; }
        [JsonProperty("date_updated")] public DateTimeOffset? DateUpdated { get; set; }
        [JsonProperty("error_code")] public int? ErrorCode { get; set; }
        [JsonProperty("error_message")] public string? ErrorMessage { get; set; }
        [JsonProperty("from_number")] public string? FromNumber { get; set; }
        [JsonProperty("is_outbound")] public bool? IsOutbound { get; set; }
        [JsonProperty("media_url")] public string? MediaUrl { get; set; }
        [JsonProperty("message_handle")] public string? MessageHandle { get; set; }
        [JsonProperty("number")] public string? Number { get; set; }
        [JsonProperty("send_style")] public string? SendStyle { get; set; }
        [JsonProperty("status")] public string? Status { get; set; }
    }

    public sealed class PlainMessage
    {
        [JsonProperty("accountEmail")] public string? AccountEmail { get; set; }
        [JsonProperty("content")] public string? Content { get; set; }
        [JsonProperty("date_sent")] public DateTimeOffset? DateSent { get; set; }
        [JsonProperty("date_updated")] public DateTimeOffset? DateUpdated { get; set; }
        [JsonProperty("error_code")] public int? ErrorCode { get; set; }
        [JsonProperty("error_detail")] public string? ErrorDetail { get; set; }
        [JsonProperty("error_message")] public string? ErrorMessage { get; set; }
        [JsonProperty("error_reason")] public string? ErrorReason { get; set; }
        [JsonProperty("from_number")] public string? FromNumber { get; set; }
        [JsonProperty("group_display_name")] public string? GroupDisplayName { get; set; }
        [JsonProperty("group_id")] public string? GroupId { get; set; }
        [JsonProperty("is_outbound")] public bool? IsOutbound { get; set; }
        [JsonProperty("media_url")] public string? MediaUrl { get; set; }
        [JsonProperty("message_handle")] public string? MessageHandle { get; set; }
        [JsonProperty("message_type")] public string? MessageType { get; set; }
        [JsonProperty("number")] public string? Number { get; set; }
        [JsonProperty("opted_out")] public bool? OptedOut { get; set; }
        [JsonProperty("participants")] public List<string>? Participants { get; set; }
        [JsonProperty("plan")] public string? Plan { get; set; }
        [JsonProperty("send_style")] public string? SendStyle { get; set; }
        [JsonProperty("sendblue_number")] public string? SendblueNumber { get; set; }
        [JsonProperty("service")] public string? Service { get; set; }
        [JsonProperty("status")] public string? Status { get; set; }
        [JsonProperty("to_number")] public string? ToNumber { get; set; }
        [JsonProperty("was_downgraded")] public bool? WasDowngraded { get; set; }
    }

    public sealed class PlainPagination
    {
        [JsonProperty("hasMore")] public bool? HasMore { get; set; }
        [JsonProperty("limit")] public int? Limit { get; set; }
        [JsonProperty("offset")] public int? Offset { get; set; }
        [JsonProperty("total")] public int? Total { get; set; }
    }

    public sealed class PlainMessageList
    {
        [JsonProperty("data")] public List<PlainMessage>? Data { get; set; }
        [JsonProperty("pagination")] public PlainPagination? Pagination { get; set; }
        [JsonProperty("status")] public string? Status { get; set; }
    }

    public sealed class PlainMessageRetrieve
    {
        [JsonProperty("data")] public PlainMessage? Data { get; set; }
        [JsonProperty("status")] public string? Status { get; set; }
    }

    public sealed class PlainMessageContent
    {
        [JsonProperty("accountEmail")] public string? AccountEmail { get; set; }
        [JsonProperty("content")] public string? Content { get; set; }
        [JsonProperty("date_created")] public DateTimeOffset? DateCreated { get; set; }
        [JsonProperty("date_sent")] public DateTimeOffset? DateSent { get; set; }
        [JsonProperty("date_updated")] public DateTimeOffset? DateUpdated { get; set; }
        [JsonProperty("from_number")] public string? FromNumber { get; set; }
        [JsonProperty("is_outbound")] public bool? IsOutbound { get; set; }
        [JsonProperty("media_url")] public string? MediaUrl { get; set; }
        [JsonProperty("message_handle")] public string? MessageHandle { get; set; }
        [JsonProperty("send_style")] public string? SendStyle { get; set; }
        [JsonProperty("status")] public string? Status { get; set; }
        [JsonProperty("to_number")] public string? ToNumber { get; set; }
    }
}
