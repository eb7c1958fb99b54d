using System;
using System.Globalization;
using System.Text;

namespace Sendblue.Benchmarks.Workload
{
    /// <summary>
    /// Realistic response bodies, the same bytes for the SDK and the baseline: every declared field
    /// set, and on every fourth message the fields today's API sends that the spec does not list
    /// (<c>date_created</c>, <c>seat_id</c>, <c>sender_email</c>, a <c>reply_to</c> object), which
    /// the SDK keeps in <c>AdditionalProperties</c>.
    /// </summary>
    public static class Canned
    {
        public const string ApiKey = "bench-key-id";
        public const string ApiSecret = "bench-secret-key";
        public const int PageSize = 100;

        public static readonly Uri BaseUrl = new("https://api.sendblue.test");

        private static readonly DateTimeOffset Epoch = new(2024, 5, 14, 18, 3, 11, 512, TimeSpan.Zero);
        private static readonly string[] Statuses = { "DELIVERED", "SENT", "DELIVERED", "QUEUED", "ERROR", "DELIVERED", "RECEIVED" };
        private static readonly string[] Styles = { "celebration", "shooting_star", "fireworks", "lasers", "love", "confetti", "balloons", "spotlight", "echo", "invisible", "gentle", "loud", "slam" };
        private static readonly string[] Services = { "iMessage", "iMessage", "SMS", "iMessage", "RCS" };

        /// <summary>The handle of the i-th message of the account: unique, GUID-shaped like the API's.</summary>
        public static string Handle(int i) => $"5f2b9c3e-8a41-4d7c-{i / 1_000_000 % 10_000:D4}-{i % 1_000_000:D12}";

        public static string Date(int i, int secondsLater = 0) =>
            Epoch.AddSeconds(i * 7 + secondsLater).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        /// <summary>What send and status answer (snake_case account field, as there).</summary>
        public static string MessageResponse(int i = 1, string status = "QUEUED") => $$"""
            {"account_email":"ops@example.com","content":"Your table for two is ready. Reply YES to confirm, NO to cancel.","date_created":"{{Date(i)}}","date_updated":"{{Date(i, 2)}}","error_code":null,"error_message":null,"from_number":"+16292925296","is_outbound":true,"media_url":"https://cdn.example.com/menus/spring-{{i}}.jpg","message_handle":"{{Handle(i)}}","number":"+19998887777","send_style":"celebration","status":"{{status}}"}
            """;

        /// <summary>One item of a list, the <c>data</c> of a retrieve.</summary>
        public static void AppendMessage(StringBuilder sb, int i)
        {
            var to = "+1999" + (8_000_000 + (i % 1_000_000)).ToString(CultureInfo.InvariantCulture);
            var outbound = i % 3 != 0;
            var status = Statuses[i % Statuses.Length];
            var error = status == "ERROR";
            sb.Append("{\"accountEmail\":\"ops@example.com\"");
            sb.Append(",\"content\":\"Order #A-").Append(i).Append(" has shipped \\u2014 track it at https://example.com/t/").Append(i).Append(". Reply STOP to opt out.\"");
            sb.Append(",\"date_sent\":\"").Append(Date(i, 1)).Append('"');
            sb.Append(",\"date_updated\":\"").Append(Date(i, 3)).Append('"');
            sb.Append(",\"error_code\":").Append(error ? "4001" : "0");
            sb.Append(",\"error_detail\":\"").Append(error ? "carrier rejected the message" : "none").Append('"');
            sb.Append(",\"error_message\":\"").Append(error ? "Message failed to send" : "none").Append('"');
            sb.Append(",\"error_reason\":\"").Append(error ? "CARRIER_REJECTED" : "none").Append('"');
            sb.Append(",\"from_number\":\"").Append(outbound ? "+16292925296" : to).Append('"');
            sb.Append(",\"group_display_name\":\"Spring launch ").Append(i % 17).Append('"');
            sb.Append(",\"group_id\":\"grp_").Append((i % 17).ToString("D6", CultureInfo.InvariantCulture)).Append('"');
            sb.Append(",\"is_outbound\":").Append(outbound ? "true" : "false");
            sb.Append(",\"media_url\":\"https://cdn.example.com/media/").Append(i).Append(".jpg\"");
            sb.Append(",\"message_handle\":\"").Append(Handle(i)).Append('"');
            sb.Append(",\"message_type\":\"").Append(i % 5 == 0 ? "group" : "message").Append('"');
            sb.Append(",\"number\":\"").Append(to).Append('"');
            sb.Append(",\"opted_out\":false");
            sb.Append(",\"participants\":[\"").Append(to).Append("\",\"+16292925296\"]");
            sb.Append(",\"plan\":\"blue\"");
            sb.Append(",\"send_style\":\"").Append(Styles[i % Styles.Length]).Append('"');
            sb.Append(",\"sendblue_number\":\"+16292925296\"");
            sb.Append(",\"service\":\"").Append(Services[i % Services.Length]).Append('"');
            sb.Append(",\"status\":\"").Append(status).Append('"');
            sb.Append(",\"to_number\":\"").Append(outbound ? to : "+16292925296").Append('"');
            sb.Append(",\"was_downgraded\":").Append(i % 5 == 2 ? "true" : "false");
            if (i % 4 == 0)
            {
                sb.Append(",\"date_created\":\"").Append(Date(i)).Append('"');
                sb.Append(",\"seat_id\":\"0b6a1d3c-7e55-4d7c-9e2f-").Append((i % 9).ToString("D12", CultureInfo.InvariantCulture)).Append('"');
                sb.Append(",\"sender_email\":\"agent").Append(i % 9).Append("@example.com\"");
                sb.Append(",\"reply_to\":{\"message_handle\":\"").Append(Handle(Math.Max(0, i - 1))).Append("\",\"part_index\":0}");
            }

            sb.Append('}');
        }

        public static string Message(int i)
        {
            var sb = new StringBuilder(1024);
            AppendMessage(sb, i);
            return sb.ToString();
        }

        public static string Retrieve(int i = 1) => "{\"status\":\"OK\",\"data\":" + Message(i) + "}";

        /// <summary>The page at <paramref name="offset"/> of an account holding <paramref name="total"/> messages.</summary>
        public static string Page(int offset, int limit, int total)
        {
            var count = Math.Max(0, Math.Min(limit, total - offset));
            var sb = new StringBuilder(1200 * Math.Max(1, count));
            sb.Append("{\"status\":\"OK\",\"data\":[");
            for (var k = 0; k < count; k++)
            {
                if (k > 0)
                {
                    sb.Append(',');
                }

                AppendMessage(sb, offset + k);
            }

            sb.Append("],\"pagination\":{\"hasMore\":").Append(offset + count < total ? "true" : "false")
              .Append(",\"limit\":").Append(limit)
              .Append(",\"offset\":").Append(offset)
              .Append(",\"total\":").Append(total).Append("}}");
            return sb.ToString();
        }

        /// <summary>What Sendblue POSTs to a status callback (camelCase account field, as there).</summary>
        public static string Webhook(int i = 1) => $$"""
            {"accountEmail":"ops@example.com","content":"Your table for two is ready.","is_outbound":true,"status":"DELIVERED","error_code":null,"error_message":null,"error_reason":null,"message_handle":"{{Handle(i)}}","date_sent":"{{Date(i, 1)}}","date_updated":"{{Date(i, 3)}}","from_number":"+16292925296","number":"+19998887777","to_number":"+19998887777","was_downgraded":false,"plan":"blue","media_url":"https://cdn.example.com/menus/spring-{{i}}.jpg","message_type":"message","group_id":"","participants":[],"send_style":"celebration","opted_out":false,"error_detail":null,"sendblue_number":"+16292925296","service":"iMessage","date_created":"{{Date(i)}}"}
            """;

        /// <summary>The offset a list request asks for (0 when absent).</summary>
        public static int OffsetOf(Uri uri) => QueryInt(uri.Query, "offset") ?? 0;

        public static int LimitOf(Uri uri) => QueryInt(uri.Query, "limit") ?? PageSize;

        private static int? QueryInt(string query, string name)
        {
            foreach (var part in query.TrimStart('?').Split('&'))
            {
                var eq = part.IndexOf('=');
                if (eq > 0 && part.AsSpan(0, eq).SequenceEqual(name) && int.TryParse(part.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
            }

            return null;
        }
    }
}
