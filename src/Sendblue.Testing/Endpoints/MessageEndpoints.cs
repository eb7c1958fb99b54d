using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>The Messages operations: send (with replies, seats and App Cards), status, get one, list, and App Card updates.</summary>
    internal sealed class MessageEndpoints
    {
        private readonly SendblueEmulator _emulator;
        private readonly SendblueEmulatorOptions _options;

        public MessageEndpoints(SendblueEmulator emulator, SendblueEmulatorOptions options)
        {
            _emulator = emulator;
            _options = options;
        }

        public Answer Send(EmulatorCall call)
        {
            var body = call.Json();

            // Every field's type first, then what the values mean, in the order the API reports them.
            var number = body.String("number");
            var from = body.String("from_number");
            var content = body.String("content");
            var media = body.String("media_url");
            var style = body.String("send_style");
            var callback = body.String("status_callback");
            var seat = body.String("seat_id");
            var replyTo = body.Object("reply_to");
            var appCard = body.Object("app_card");

            if (string.IsNullOrEmpty(number))
            {
                throw Rejection.BadRequest("number is required.");
            }

            Values.Phone(number!, "number");
            if (string.IsNullOrEmpty(from))
            {
                throw Rejection.BadRequest("from_number is required.");
            }

            Values.Phone(from!, "from_number");
            Values.Line(from!, _options);
            if (string.IsNullOrEmpty(content) && string.IsNullOrEmpty(media) && appCard is null)
            {
                throw Rejection.BadRequest("content, media_url or app_card is required.");
            }

            var sendStyle = Style(style, "send_style");
            if (!string.IsNullOrEmpty(callback) && !Uri.TryCreate(callback, UriKind.Absolute, out _))
            {
                throw Rejection.BadRequest($"status_callback must be an absolute URL; it is '{callback}'.");
            }

            RefuseOptedOut(number!);
            var reply = ReplyTo(replyTo, p => p.MessageType != MessageType.Group && p.Number == number && p.SendblueNumber == from, $"{from} with {number}");
            var senderEmail = SenderEmail(seat);
            var smsOnly = _options.SmsOnlyNumbers.Contains(number!);
            MessageAppCard? card = null;
            if (appCard is not null)
            {
                card = AppCards.Read(appCard);
                if (smsOnly)
                {
                    throw Rejection.BadRequest($"app_card needs a recipient with iMessage, and {number} cannot receive iMessage: App Cards never fall back to SMS.");
                }
            }

            var message = _emulator.AcceptOutbound(new EmulatedMessage
            {
                Content = content,
                MediaUrl = media,
                FromNumber = from,
                ToNumber = number,
                Service = smsOnly ? MessageService.Sms : MessageService.IMessage,
                WasDowngraded = smsOnly,
                SendStyle = smsOnly ? null : sendStyle,
                StatusCallback = callback,
                ReplyToMessageHandle = reply?.Handle,
                ReplyToPartIndex = reply?.Part,
                ThreadOriginatorMessageHandle = reply?.Root,
                SeatId = string.IsNullOrEmpty(seat) ? null : seat,
                SenderEmail = senderEmail,
                AppCard = card,
            });
            return Answer.Ok(Wire.MessageResponse(message));
        }

        public Answer GetStatus(EmulatorCall call)
        {
            var handle = call.Query["handle"].ToString();
            if (string.IsNullOrEmpty(handle))
            {
                throw Rejection.BadRequest("handle is required.");
            }

            var found = _emulator.Store.Find(handle) ?? throw Rejection.NotFound($"No message with handle {handle}.");
            return Answer.Ok(Wire.MessageResponse(found));
        }

        public Answer Get(EmulatorCall call)
        {
            var message = _emulator.Store.Find(call.PathValue!) ?? throw Rejection.NotFound($"Message {call.PathValue} not found.");
            return Answer.Ok(new JObject { ["status"] = "OK", ["data"] = Wire.Message(message) });
        }

        public Answer List(EmulatorCall call)
        {
            var query = new QueryReader(call.Query);
            var limit = query.Int("limit", 1, 1000) ?? 100;
            var offset = query.Int("offset", 0, int.MaxValue) ?? 0;
            var createdGte = query.Date("created_at_gte");
            var createdLte = query.Date("created_at_lte");
            var sentGte = query.Date("sent_at_gte");
            var sentLte = query.Date("sent_at_lte");
            var updatedGte = query.Date("updated_at_gte");
            var updatedLte = query.Date("updated_at_lte");
            var isOutbound = query.OneOf("is_outbound", new[] { "true", "false" });
            var messageType = query.OneOf("message_type", MessageType.KnownValues.Select(v => v.ToString()));
            var orderBy = query.OneOf("order_by", MessageOrderBy.KnownValues.Select(v => v.ToString())) ?? "createdAt";
            var direction = query.OneOf("order_direction", SortDirection.KnownValues.Select(v => v.ToString())) ?? "desc";
            var service = query.OneOf("service", MessageService.KnownValues.Select(v => v.ToString()));
            var status = query.OneOf("status", MessageStatus.KnownValues.Select(v => v.ToString()));
            var accountEmail = query.Text("account_email");
            var fromNumber = query.Text("from_number");
            var toNumber = query.Text("to_number");
            var number = query.Text("number");
            var sendblueNumber = query.Text("sendblue_number");
            var groupId = query.Text("group_id");
            var workerId = query.Text("worker_id");
            query.ThrowIfInvalid();

            static bool Within(DateTimeOffset? value, DateTimeOffset? gte, DateTimeOffset? lte) =>
                (gte is null && lte is null) || (value is DateTimeOffset v && (gte is null || v >= gte) && (lte is null || v <= lte));

            var matches = _emulator.Store.Snapshot()
                .Where(e =>
                {
                    var m = e.Message;
                    return (accountEmail is null || m.AccountEmail == accountEmail)
                        && Within(m.DateCreated, createdGte, createdLte)
                        && Within(m.DateSent, sentGte, sentLte)
                        && Within(m.DateUpdated, updatedGte, updatedLte)
                        && (fromNumber is null || m.FromNumber == fromNumber)
                        && (toNumber is null || m.ToNumber == toNumber)
                        && (number is null || m.Number == number)
                        && (sendblueNumber is null || m.SendblueNumber == sendblueNumber)
                        && (groupId is null || m.GroupId == groupId)
                        && (workerId is null || m.WorkerId == workerId)
                        && (isOutbound is null || m.IsOutbound == (isOutbound == "true"))
                        && (messageType is null || m.MessageType.ToString() == messageType)
                        && (service is null || m.Service.ToString() == service)
                        && (status is null || m.Status.ToString() == status);
                })
                .ToList();

            Func<(long Sequence, EmulatedMessage Message), DateTimeOffset> key = orderBy switch
            {
                "updatedAt" => e => e.Message.DateUpdated ?? DateTimeOffset.MinValue,
                "sentAt" => e => e.Message.DateSent ?? DateTimeOffset.MinValue,
                _ => e => e.Message.DateCreated ?? DateTimeOffset.MinValue,
            };
            var ordered = direction == "asc"
                ? matches.OrderBy(key).ThenBy(e => e.Sequence)
                : matches.OrderByDescending(key).ThenByDescending(e => e.Sequence);
            var page = new JArray(ordered.Skip(offset).Take(limit).Select(e => Wire.Message(e.Message)).ToArray<object>());
            return Answer.Ok(Wire.Page(page, limit, offset, matches.Count));
        }

        /// <summary>
        /// Continues an App Card the account sent: a new outbound message in the same session, line,
        /// conversation and reply context, whose card names the original in <c>updateMessageHandle</c>.
        /// An update repeated with the same <c>idempotency_key</c> for the same card answers with the
        /// continuation it made the first time, and sends nothing.
        /// </summary>
        public Answer UpdateAppCard(EmulatorCall call)
        {
            var handle = call.PathValue!;
            var original = _emulator.Store.Find(handle) ?? throw Rejection.NotFound($"No message with handle {handle}.");
            if (original.AppCard is null)
            {
                throw Rejection.BadRequest($"Message {handle} has no App Card to update.");
            }

            if (!original.IsOutbound)
            {
                throw Rejection.BadRequest($"Message {handle} carries an App Card the account received; only cards it sent can be updated.");
            }

            var body = call.Json();
            var key = body.String("idempotency_key");
            if (key is { Length: 0 })
            {
                throw Rejection.BadRequest("idempotency_key must not be empty.");
            }

            var fallback = body.String("fallback_text");
            var interactive = body.Bool("interactive");
            var layout = body.Object("layout") is JsonBody l ? AppCards.Layout(l) : null;
            var style = Style(body.String("send_style"), "send_style");
            var url = body.String("url") is string u ? AppCards.Url(u, "url") : null;

            var account = _emulator.Account;
            lock (account.Gate)
            {
                if (key is not null && account.AppCardUpdates.TryGetValue((handle, key), out var earlier) && _emulator.Store.Find(earlier) is EmulatedMessage again)
                {
                    return Answer.Ok(Wire.MessageResponse(again));
                }

                var card = AppCards.Copy(original.AppCard)!;
                card.UpdateMessageHandle = original.AppCard.UpdateMessageHandle ?? handle;
                card.Url = url ?? card.Url;
                card.Layout = layout ?? card.Layout;
                card.FallbackText = fallback ?? card.FallbackText;
                card.Interactive = interactive ?? card.Interactive;
                var continuation = _emulator.AcceptOutbound(new EmulatedMessage
                {
                    FromNumber = original.FromNumber,
                    ToNumber = original.ToNumber,
                    MessageType = original.MessageType,
                    GroupId = original.GroupId,
                    Participants = original.Participants,
                    Service = original.Service,
                    SendStyle = style,
                    StatusCallback = original.StatusCallback,
                    ReplyToMessageHandle = original.ReplyToMessageHandle,
                    ReplyToPartIndex = original.ReplyToPartIndex,
                    ThreadOriginatorMessageHandle = original.ThreadOriginatorMessageHandle,
                    SeatId = original.SeatId,
                    SenderEmail = original.SenderEmail,
                    AppCard = card,
                });
                if (key is not null)
                {
                    account.AppCardUpdates[(handle, key)] = continuation.MessageHandle!;
                }

                return Answer.Ok(Wire.MessageResponse(continuation));
            }
        }

        /// <summary>A send style named on the wire, refused when the API does not know it.</summary>
        internal static SendStyle? Style(string? style, string field) =>
            string.IsNullOrEmpty(style) ? (SendStyle?)null : new SendStyle(Values.OneOf(style!, field, SendStyle.KnownValues.Select(s => s.ToString())));

        /// <summary>
        /// The parent of an inline reply: a message of this account in the same conversation (one to
        /// one on the same line, or the same group), and the root of its thread.
        /// </summary>
        internal (string Handle, int? Part, string Root)? ReplyTo(JsonBody? reply, Func<EmulatedMessage, bool> sameConversation, string conversation)
        {
            if (reply is null)
            {
                return null;
            }

            var handle = reply.Required("message_handle");
            var part = (int?)reply.Integer("part_index", 0, int.MaxValue);
            var parent = _emulator.Store.Find(handle) ?? throw Rejection.BadRequest($"reply_to.message_handle {handle} is not a message of this account.");
            if (!sameConversation(parent))
            {
                throw Rejection.BadRequest($"reply_to.message_handle {handle} is not a message of this conversation ({conversation}): a reply answers a message of the same conversation and line.");
            }

            return (handle, part, parent.ThreadOriginatorMessageHandle ?? handle);
        }

        /// <summary>The <c>sender_email</c> of a seat: from <see cref="SendblueEmulatorOptions.Seats"/>, or the account's when none are configured.</summary>
        internal string? SenderEmail(string? seat)
        {
            if (string.IsNullOrEmpty(seat))
            {
                return null;
            }

            if (_options.Seats.Count == 0)
            {
                return _options.AccountEmail;
            }

            return _options.Seats.TryGetValue(seat!, out var email)
                ? email
                : throw Rejection.BadRequest($"seat_id '{seat}' is not a seat of this account.");
        }

        /// <summary>Sendblue blocks outbound messages to a number that opted out.</summary>
        internal void RefuseOptedOut(string number)
        {
            lock (_emulator.Account.Gate)
            {
                if (_emulator.Account.OptedOut.Contains(number))
                {
                    throw Rejection.BadRequest($"number {number} has opted out of messages; it must opt back in before it can be messaged.");
                }
            }
        }
    }
}
