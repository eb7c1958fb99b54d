namespace Sendblue.Tests.TestSupport
{
    /// <summary>Realistic response bodies, in the shapes the API sends.</summary>
    public static class Payloads
    {
        public const string MessageResponse = """
            {
              "account_email": "ops@example.com",
              "content": "Your table for two is ready.",
              "date_created": "2024-05-14T18:03:11.512Z",
              "date_updated": "2024-05-14T18:03:14.078Z",
              "error_code": null,
              "error_message": null,
              "from_number": "+16292925296",
              "is_outbound": true,
              "media_url": "",
              "message_handle": "5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55",
              "number": "+19998887777",
              "send_style": "celebration",
              "status": "QUEUED"
            }
            """;

        public static string Message(string handle, string status = "DELIVERED") => $$"""
            {
              "accountEmail": "ops@example.com",
              "content": "Hello {{handle}}",
              "date_sent": "2024-05-14T18:03:12.904Z",
              "date_updated": "2024-05-14T18:03:14.078Z",
              "error_code": null,
              "error_detail": null,
              "error_message": null,
              "error_reason": null,
              "from_number": "+16292925296",
              "group_display_name": null,
              "group_id": null,
              "is_outbound": true,
              "media_url": null,
              "message_handle": "{{handle}}",
              "message_type": "message",
              "number": "+19998887777",
              "opted_out": false,
              "participants": [],
              "plan": "blue",
              "send_style": "",
              "sendblue_number": "+16292925296",
              "service": "iMessage",
              "status": "{{status}}",
              "to_number": "+19998887777",
              "was_downgraded": false
            }
            """;

        public static string Retrieve(string handle) => $$"""{ "status": "OK", "data": {{Message(handle)}} }""";

        public static string Page(int offset, int total, int limit, bool? hasMore, params string[] handles)
        {
            var data = string.Join(",", System.Linq.Enumerable.Select(handles, h => Message(h)));
            var more = hasMore is null ? string.Empty : $"\"hasMore\": {(hasMore.Value ? "true" : "false")},";
            return $$"""{ "status": "OK", "data": [{{data}}], "pagination": { {{more}} "limit": {{limit}}, "offset": {{offset}}, "total": {{total}} } }""";
        }
    }
}
