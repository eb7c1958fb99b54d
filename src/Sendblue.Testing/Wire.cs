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
            if (m.AppCard is MessageAppCard card)
            {
                o["app_card"] = AppCard(card);
            }

            Add(o, "content", m.Content);
            Add(o, "date_created", Date(m.DateCreated));
            Add(o, "date_updated", Date(m.DateUpdated));
            o["error_code"] = m.ErrorCode is int code ? new JValue(code) : JValue.CreateNull();
            o["error_message"] = m.ErrorMessage is null ? JValue.CreateNull() : new JValue(m.ErrorMessage);
            Add(o, "from_number", m.FromNumber);
            o["is_outbound"] = m.IsOutbound;
            Add(o, "media_url", m.MediaUrl);
            Add(o, "message_handle", m.MessageHandle);
            Add(o, "message_type", m.MessageType.ToString());
            Add(o, "number", m.Number);
            Add(o, "send_style", m.SendStyle?.ToString());
            Add(o, "status", m.Status.ToString());
            Thread(o, m);
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
            Thread(o, m);
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
            Thread(o, m);
            return o;
        }

        /// <summary>The fields of a message's inline-reply thread and seat, which every message shape shares.</summary>
        private static void Thread(JObject o, EmulatedMessage m)
        {
            if (m.ReplyToMessageHandle is string parent)
            {
                var reply = new JObject { ["message_handle"] = parent };
                if (m.ReplyToPartIndex is int part)
                {
                    reply["part_index"] = part;
                }

                o["reply_to"] = reply;
            }

            o["seat_id"] = m.SeatId is null ? JValue.CreateNull() : new JValue(m.SeatId);
            o["sender_email"] = m.SenderEmail is null ? JValue.CreateNull() : new JValue(m.SenderEmail);
            if (m.ThreadOriginatorMessageHandle is string root)
            {
                o["thread_originator"] = new JObject { ["message_handle"] = root };
            }
        }

        /// <summary>An App Card as messages carry it (MessageAppCard): the fields it has.</summary>
        public static JObject AppCard(MessageAppCard card)
        {
            var o = new JObject();
            Add(o, "appName", card.AppName);
            Add(o, "extensionBundleId", card.ExtensionBundleId);
            Add(o, "teamId", card.TeamId);
            Add(o, "url", card.Url);
            if (card.Layout is AppCardLayout layout)
            {
                o["layout"] = Layout(layout);
            }

            if (card.AppStoreId is long store)
            {
                o["appStoreId"] = store;
            }

            Add(o, "fallbackText", card.FallbackText);
            if (card.Interactive is bool interactive)
            {
                o["interactive"] = interactive;
            }

            Add(o, "sessionIdentifier", card.SessionIdentifier);
            Add(o, "updateMessageHandle", card.UpdateMessageHandle);
            Add(o, "balloonBundleId", card.BalloonBundleId);
            if (card.Revision is long revision)
            {
                o["revision"] = revision;
            }

            return o;
        }

        public static JObject Layout(AppCardLayout layout)
        {
            var o = new JObject();
            Add(o, "caption", layout.Caption);
            Add(o, "subcaption", layout.Subcaption);
            Add(o, "trailingCaption", layout.TrailingCaption);
            Add(o, "trailingSubcaption", layout.TrailingSubcaption);
            Add(o, "imageUrl", layout.ImageUrl);
            Add(o, "imageTitle", layout.ImageTitle);
            Add(o, "imageSubtitle", layout.ImageSubtitle);
            Add(o, "summary", layout.Summary);
            return o;
        }

        /// <summary>A contact (the spec's Contact), in snake_case.</summary>
        public static JObject Contact(EmulatedContact c)
        {
            var o = new JObject();
            Add(o, "assigned_to_email", c.AssignedToEmail);
            Add(o, "company_name", c.CompanyName);
            Add(o, "contact_id", c.ContactId);
            Add(o, "created_at", Date(c.CreatedAt));
            o["custom_variables"] = new JObject(c.CustomVariables.Select(v => new JProperty(v.Key, v.Value)).ToArray<object>());
            Add(o, "first_name", c.FirstName);
            Add(o, "last_name", c.LastName);
            o["opt_out"] = c.OptOut;
            Add(o, "phone", c.Phone);
            Add(o, "sendblue_number", c.SendblueNumber);
            o["tags"] = new JArray(c.Tags.Cast<object>().ToArray());
            o["verified"] = c.Verified;
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

        public static JObject Error(string message, string? code = null)
        {
            var o = new JObject { ["status"] = "ERROR" };
            Add(o, "error", code);
            o["error_message"] = message;
            return o;
        }

        public static string? Date(DateTimeOffset? value) =>
            value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        public static void Add(JObject o, string name, string? value)
        {
            if (value is not null)
            {
                o[name] = value;
            }
        }
    }
}
