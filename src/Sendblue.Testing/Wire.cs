using System;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing
{
    /// <summary>
    /// The JSON shapes the emulator answers with, field by field as spec/openapi.yaml defines them:
    /// nullable fields are sent as null, the others are left out when there is no value.
    /// </summary>
    internal static class Wire
    {
        public static JObject MessageResponse(EmulatedMessage m)
        {
            var o = new JObject();
            Add(o, "account_email", m.AccountEmail);
            Add(o, "content", m.Content);
            Add(o, "date_created", Date(m.DateCreated));
            Add(o, "date_updated", Date(m.DateUpdated));
            o["error_code"] = m.ErrorCode is int code ? new JValue(code) : JValue.CreateNull();
            o["error_message"] = m.ErrorMessage is null ? JValue.CreateNull() : new JValue(m.ErrorMessage);
            Add(o, "from_number", m.FromNumber);
            o["is_outbound"] = m.IsOutbound;
            Add(o, "media_url", m.MediaUrl);
            Add(o, "message_handle", m.MessageHandle);
            Add(o, "number", m.Number);
            Add(o, "send_style", m.SendStyle?.ToString());
            Add(o, "status", m.Status.ToString());
            return o;
        }

        public static JObject Message(EmulatedMessage m)
        {
            var o = new JObject();
            Add(o, "accountEmail", m.AccountEmail);
            Add(o, "content", m.Content);
            Add(o, "date_sent", Date(m.DateSent));
            Add(o, "date_updated", Date(m.DateUpdated));
            o["error_code"] = m.ErrorCode is int code ? new JValue(code) : JValue.CreateNull();
            o["error_detail"] = JValue.CreateNull();
            o["error_message"] = m.ErrorMessage is null ? JValue.CreateNull() : new JValue(m.ErrorMessage);
            o["error_reason"] = m.ErrorCode is null ? JValue.CreateNull() : new JValue("delivery_failed");
            Add(o, "from_number", m.FromNumber);
            o["group_display_name"] = m.GroupDisplayName is null ? JValue.CreateNull() : new JValue(m.GroupDisplayName);
            o["group_id"] = m.GroupId is null ? JValue.CreateNull() : new JValue(m.GroupId);
            o["is_outbound"] = m.IsOutbound;
            o["media_url"] = m.MediaUrl is null ? JValue.CreateNull() : new JValue(m.MediaUrl);
            Add(o, "message_handle", m.MessageHandle);
            Add(o, "message_type", m.MessageType.ToString());
            Add(o, "number", m.Number);
            o["opted_out"] = m.OptedOut;
            o["participants"] = new JArray(m.Participants.Cast<object>().ToArray());
            Add(o, "plan", m.Plan);
            Add(o, "send_style", m.SendStyle?.ToString());
            o["sendblue_number"] = m.SendblueNumber is null ? JValue.CreateNull() : new JValue(m.SendblueNumber);
            Add(o, "service", m.Service.ToString());
            Add(o, "status", m.Status.ToString());
            Add(o, "to_number", m.ToNumber);
            o["was_downgraded"] = m.WasDowngraded;
            return o;
        }

        /// <summary>
        /// The body of a status callback or receive webhook: the spec's MessageContent, with the
        /// account field spelled <c>accountEmail</c> and the extra fields Sendblue's own bodies carry.
        /// </summary>
        public static JObject Webhook(EmulatedMessage m)
        {
            var o = new JObject();
            Add(o, "accountEmail", m.AccountEmail);
            Add(o, "content", m.Content);
            Add(o, "date_created", Date(m.DateCreated));
            Add(o, "date_sent", Date(m.DateSent));
            Add(o, "date_updated", Date(m.DateUpdated));
            Add(o, "from_number", m.FromNumber);
            o["is_outbound"] = m.IsOutbound;
            Add(o, "media_url", m.MediaUrl);
            Add(o, "message_handle", m.MessageHandle);
            Add(o, "send_style", m.SendStyle?.ToString());
            Add(o, "status", m.Status.ToString());
            Add(o, "to_number", m.ToNumber);
            o["error_code"] = m.ErrorCode is int code ? new JValue(code) : JValue.CreateNull();
            o["error_message"] = m.ErrorMessage is null ? JValue.CreateNull() : new JValue(m.ErrorMessage);
            Add(o, "number", m.Number);
            Add(o, "sendblue_number", m.SendblueNumber);
            Add(o, "service", m.Service.ToString());
            o["was_downgraded"] = m.WasDowngraded;
            return o;
        }

        public static JObject Page(JArray data, int limit, int offset, int total) => new()
        {
            ["status"] = "OK",
            ["data"] = data,
            ["pagination"] = new JObject
            {
                ["hasMore"] = offset + data.Count < total,
                ["limit"] = limit,
                ["offset"] = offset,
                ["total"] = total,
            },
        };

        public static JObject Error(string message) => new()
        {
            ["status"] = "ERROR",
            ["error_message"] = message,
        };

        public static string? Date(DateTimeOffset? value) =>
            value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        private static void Add(JObject o, string name, string? value)
        {
            if (value is not null)
            {
                o[name] = value;
            }
        }
    }
}
