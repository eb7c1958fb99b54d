using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>The Groups operations: a group send records one message for the whole group; a change adds or removes one participant.</summary>
    internal sealed class GroupEndpoints
    {
        /// <summary>"A group chat holds at most 25 people": the account's line counts as one of them.</summary>
        private const int MaxMembers = 25;

        /// <summary>"A removal needs a group of at least four members before it."</summary>
        private const int MinMembersToRemove = 4;

        private readonly SendblueEmulator _emulator;
        private readonly SendblueEmulatorOptions _options;
        private readonly MessageEndpoints _messages;

        public GroupEndpoints(SendblueEmulator emulator, SendblueEmulatorOptions options, MessageEndpoints messages)
        {
            _emulator = emulator;
            _options = options;
            _messages = messages;
        }

        public Answer SendMessage(EmulatorCall call)
        {
            var body = call.Json();
            var from = body.String("from_number");
            var content = body.String("content");
            var media = body.String("media_url");
            var groupId = body.String("group_id");
            var numbers = body.Strings("numbers");
            var seat = body.String("seat_id");
            var replyTo = body.Object("reply_to");

            if (string.IsNullOrEmpty(from))
            {
                throw Rejection.BadRequest("from_number is required.");
            }

            Values.Phone(from!, "from_number");
            Values.Line(from!, _options);
            if (string.IsNullOrEmpty(groupId) && (numbers is null || numbers.Count == 0))
            {
                throw Rejection.BadRequest("group_id or numbers is required: an existing group, or the numbers of a new one.");
            }

            if (string.IsNullOrEmpty(content) && string.IsNullOrEmpty(media))
            {
                throw Rejection.BadRequest("content or media_url is required.");
            }

            var senderEmail = _messages.SenderEmail(seat);
            var account = _emulator.Account;
            lock (account.Gate)
            {
                // An existing group by its id; otherwise the group of these numbers on this line, made when it does not exist yet.
                var group = string.IsNullOrEmpty(groupId) ? GroupOf(from!, numbers!) : Existing(groupId!, from!);
                var reply = _messages.ReplyTo(replyTo, p => p.GroupId == group.GroupId, $"group {group.GroupId}");
                if (account.Group(group.GroupId) is null)
                {
                    account.Groups.Add(group);
                }

                var sms = group.Participants.Any(_options.SmsOnlyNumbers.Contains);
                var message = _emulator.AcceptOutbound(new EmulatedMessage
                {
                    Content = content,
                    MediaUrl = media,
                    FromNumber = from,
                    MessageType = MessageType.Group,
                    GroupId = group.GroupId,
                    Participants = group.Participants,
                    Service = sms ? MessageService.Sms : MessageService.IMessage,
                    WasDowngraded = sms,
                    ReplyToMessageHandle = reply?.Handle,
                    ReplyToPartIndex = reply?.Part,
                    ThreadOriginatorMessageHandle = reply?.Root,
                    SeatId = string.IsNullOrEmpty(seat) ? null : seat,
                    SenderEmail = senderEmail,
                });
                return Answer.Ok(Wire.MessageResponse(message));
            }
        }

        public Answer Modify(EmulatorCall call)
        {
            var body = call.Json();
            var groupId = body.Required("group_id");
            var type = Values.OneOf(body.Required("modify_type"), "modify_type", GroupModifyType.KnownValues.Select(t => t.ToString()));
            var number = Values.PhoneOrEmail(body.Required("number"), "number");
            var from = body.String("from_number");
            if (!string.IsNullOrEmpty(from))
            {
                Values.Phone(from!, "from_number");
            }

            var account = _emulator.Account;
            lock (account.Gate)
            {
                var index = account.Groups.FindIndex(g => g.GroupId == groupId);
                if (index < 0)
                {
                    throw Rejection.NotFound($"No group with id {groupId}.");
                }

                var group = account.Groups[index];
                if (!string.IsNullOrEmpty(from) && group.FromNumber is not null && from != group.FromNumber)
                {
                    throw Rejection.BadRequest($"from_number {from} is not in group {groupId}; nothing was changed.", "line_not_registered");
                }

                if (number == group.FromNumber || _options.SendblueNumbers.Contains(number))
                {
                    throw Rejection.BadRequest($"number {number} is one of this account's lines; the account's own lines cannot be added or removed.");
                }

                if (group.Participants.FirstOrDefault(_options.SmsOnlyNumbers.Contains) is string sms)
                {
                    throw Rejection.BadRequest($"Group {groupId} is not an iMessage group ({sms} cannot receive iMessage); only iMessage groups can be changed.");
                }

                var members = group.Participants.Count + 1;
                List<string> participants;
                if (type == GroupModifyType.AddRecipient.ToString())
                {
                    if (group.Participants.Contains(number))
                    {
                        throw Rejection.BadRequest($"number {number} is already in group {groupId}.");
                    }

                    if (_options.SmsOnlyNumbers.Contains(number))
                    {
                        throw Rejection.BadRequest($"number {number} cannot receive iMessage; only iMessage participants can be added.");
                    }

                    if (members >= MaxMembers)
                    {
                        throw Rejection.BadRequest($"Group {groupId} is full: a group chat holds at most {MaxMembers} people.");
                    }

                    participants = group.Participants.Append(number).ToList();
                }
                else
                {
                    if (!group.Participants.Contains(number))
                    {
                        throw Rejection.BadRequest($"number {number} is not in group {groupId}.");
                    }

                    if (members < MinMembersToRemove)
                    {
                        throw Rejection.BadRequest($"A participant can be removed only from a group of at least {MinMembersToRemove} members; group {groupId} has {members}.");
                    }

                    participants = group.Participants.Where(p => p != number).ToList();
                }

                account.Groups[index] = group with { Participants = participants };
            }

            return Answer.Ok(new JObject
            {
                ["status"] = "OK",
                ["message"] = "Group modified successfully",
                ["group_id"] = groupId,
                ["modify_type"] = type,
                ["number"] = number,
                ["error"] = null,
                ["error_message"] = null,
            });
        }

        private EmulatedGroup Existing(string groupId, string from)
        {
            var group = _emulator.Account.Group(groupId) ?? throw Rejection.NotFound($"No group with id {groupId}.");
            return group.FromNumber is null || group.FromNumber == from
                ? group
                : throw Rejection.BadRequest($"from_number {from} is not in group {groupId}.", "line_not_registered");
        }

        private EmulatedGroup GroupOf(string from, IReadOnlyList<string> numbers)
        {
            var participants = new List<string>();
            for (var i = 0; i < numbers.Count; i++)
            {
                var number = Values.Phone(numbers[i], $"numbers[{i}]");
                if (number == from)
                {
                    throw Rejection.BadRequest($"numbers[{i}] {number} is the sending line; numbers lists the other members.");
                }

                if (!participants.Contains(number))
                {
                    participants.Add(number);
                }
            }

            if (participants.Count + 1 > MaxMembers)
            {
                throw Rejection.BadRequest($"numbers has {participants.Count} members; a group chat holds at most {MaxMembers} people, the sending line included.");
            }

            var same = new HashSet<string>(participants, StringComparer.Ordinal);
            return _emulator.Account.Groups.FirstOrDefault(g => g.FromNumber == from && same.SetEquals(g.Participants))
                ?? new EmulatedGroup(Guid.NewGuid().ToString(), from, participants);
        }
    }
}
