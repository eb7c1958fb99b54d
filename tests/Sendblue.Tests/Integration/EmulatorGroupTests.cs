using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>Group sends and group changes, through the SDK against the emulator.</summary>
    public class EmulatorGroupTests
    {
        private static readonly string[] Friends = { "+19998887777", "+18887776666", "+15550001111" };

        private static SendGroupMessageRequest ToFriends(string content = "Dinner at 8?") => new()
        {
            FromNumber = EmulatorFixture.From,
            Numbers = Friends.ToList(),
            Content = content,
        };

        [Test]
        public async Task AGroupSend_RecordsOneMessageForTheGroup_AndTheListShowsIt()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var sent = await client.Groups.SendMessageAsync(ToFriends());
            var page = await client.Messages.ListAsync(new MessageListQuery { MessageType = MessageType.Group });

            var group = emulator.Groups.Single();
            var listed = page.Data!.Single();
            Assert.Multiple(() =>
            {
                Assert.That(sent.MessageType, Is.EqualTo(MessageType.Group));
                Assert.That(sent.Status, Is.EqualTo(MessageStatus.Queued));
                Assert.That(sent.Content, Is.EqualTo("Dinner at 8?"));
                Assert.That(sent.Number, Is.Null, "a group message has no single recipient");
                Assert.That(emulator.Messages, Has.Count.EqualTo(1), "one message for the whole group");
                Assert.That(listed.MessageHandle, Is.EqualTo(sent.MessageHandle));
                Assert.That(listed.MessageType, Is.EqualTo(MessageType.Group));
                Assert.That(listed.GroupId, Is.EqualTo(group.GroupId));
                Assert.That(listed.Participants, Is.EqualTo(Friends));
                Assert.That(listed.SendblueNumber, Is.EqualTo(EmulatorFixture.From));
                Assert.That(group.FromNumber, Is.EqualTo(EmulatorFixture.From));
                Assert.That(group.Participants, Is.EqualTo(Friends));
            });
        }

        [Test]
        public async Task AGroupSend_ByItsId_OrToTheSameNumbersAgain_GoesToTheSameGroup()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            await client.Groups.SendMessageAsync(ToFriends());
            var groupId = emulator.Groups.Single().GroupId;

            await client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = EmulatorFixture.From, GroupId = groupId, MediaUrl = "https://example.com/menu.png" });
            await client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = EmulatorFixture.From, Numbers = Friends.Reverse().ToList(), Content = "Same people" });
            await client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = EmulatorFixture.From, Numbers = new List<string> { Friends[0], Friends[1] }, Content = "Fewer people" });
            var inGroup = await client.Messages.ListAsync(new MessageListQuery { GroupId = groupId });

            Assert.Multiple(() =>
            {
                Assert.That(inGroup.Data, Has.Count.EqualTo(3));
                Assert.That(emulator.Groups, Has.Count.EqualTo(2), "other numbers make another group");
            });
        }

        [Test]
        public async Task AGroupSend_WithAReplyAndASeat_IsStoredWithBoth()
        {
            var options = new SendblueEmulatorOptions();
            options.Seats.Add("seat-maria", "maria@example.com");
            await using var emulator = await EmulatorFixture.StartAsync(options);
            using var client = emulator.CreateClient();
            var first = await client.Groups.SendMessageAsync(ToFriends());
            var groupId = emulator.Groups.Single().GroupId;

            var reply = await client.Groups.SendMessageAsync(new SendGroupMessageRequest
            {
                FromNumber = EmulatorFixture.From, GroupId = groupId, Content = "Booked", SeatId = "seat-maria", ReplyTo = new ReplyTo { MessageHandle = first.MessageHandle },
            });
            var outside = Assert.ThrowsAsync<SendblueBadRequestException>(async () =>
            {
                var single = await client.Messages.SendAsync(EmulatorFixture.Hello());
                await client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = EmulatorFixture.From, GroupId = groupId, Content = "x", ReplyTo = new ReplyTo { MessageHandle = single.MessageHandle } });
            });

            Assert.Multiple(() =>
            {
                Assert.That(reply.ReplyTo!.MessageHandle, Is.EqualTo(first.MessageHandle));
                Assert.That(reply.SenderEmail, Is.EqualTo("maria@example.com"));
                Assert.That(outside!.ErrorMessage, Does.Contain($"is not a message of this conversation (group {groupId})"));
            });
        }

        [Test]
        public async Task AGroupSend_ToAnUnknownGroup_Is404()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = EmulatorFixture.From, GroupId = "no-such-group", Content = "x" }));

            Assert.Multiple(() =>
            {
                Assert.That(ex!.ErrorMessage, Is.EqualTo("No group with id no-such-group."));
                Assert.That(emulator.Messages, Is.Empty);
            });
        }

        [TestCase("""{"from_number":"+16292925296","content":"x"}""", "group_id or numbers is required: an existing group, or the numbers of a new one.")]
        [TestCase("""{"from_number":"+16292925296","numbers":["+19998887777"]}""", "content or media_url is required.")]
        [TestCase("""{"from_number":"+16292925296","numbers":["+19998887777","12345"],"content":"x"}""", "numbers[1] must be a phone number in E.164 format, such as +19998887777; it is '12345'.")]
        [TestCase("""{"from_number":"+16292925296","numbers":["+16292925296"],"content":"x"}""", "numbers[0] +16292925296 is the sending line; numbers lists the other members.")]
        [TestCase("""{"numbers":["+19998887777"],"content":"x"}""", "from_number is required.")]
        public async Task AGroupSend_IsJudgedLikeTheApi(string body, string error)
        {
            await using var emulator = await EmulatorFixture.StartAsync();

            var (status, text) = await emulator.RawAsync(HttpMethod.Post, "api/send-group-message", body);

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400));
                Assert.That(text, Is.EqualTo($$"""{"status":"ERROR","error_message":"{{error}}"}"""));
            });
        }

        [Test]
        public async Task Modify_AddsAndRemovesAParticipant_AndLaterSendsGoToTheChangedGroup()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            await client.Groups.SendMessageAsync(ToFriends());
            var groupId = emulator.Groups.Single().GroupId;

            var added = await client.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = groupId, ModifyType = GroupModifyType.AddRecipient, Number = "+15550002222", FromNumber = EmulatorFixture.From });
            var afterAdd = emulator.Groups.Single().Participants;
            var removed = await client.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = groupId, ModifyType = GroupModifyType.RemoveRecipient, Number = Friends[0] });
            var next = await client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = EmulatorFixture.From, GroupId = groupId, Content = "Who's in?" });

            Assert.Multiple(() =>
            {
                Assert.That(added.Status, Is.EqualTo("OK"));
                Assert.That(added.GroupId, Is.EqualTo(groupId));
                Assert.That(added.ModifyType, Is.EqualTo(GroupModifyType.AddRecipient));
                Assert.That(added.Number, Is.EqualTo("+15550002222"));
                Assert.That(added.Error, Is.Null);
                Assert.That(afterAdd, Is.EqualTo(Friends.Append("+15550002222")));
                Assert.That(removed.ModifyType, Is.EqualTo(GroupModifyType.RemoveRecipient));
                Assert.That(emulator.Groups.Single().Participants, Is.EqualTo(new[] { Friends[1], Friends[2], "+15550002222" }));
                Assert.That(emulator.Find(next.MessageHandle!)!.Participants, Is.EqualTo(new[] { Friends[1], Friends[2], "+15550002222" }));
            });
        }

        [Test]
        public async Task Modify_TheRulesOfTheApi_Are400s()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            await client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = EmulatorFixture.From, Numbers = new List<string> { Friends[0], Friends[1] }, Content = "x" });
            var groupId = emulator.Groups.Single().GroupId;

            Task<ModifyGroupResponse> Modify(GroupModifyType type, string number, string? from = null) =>
                client.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = groupId, ModifyType = type, Number = number, FromNumber = from });

            var small = Assert.ThrowsAsync<SendblueBadRequestException>(() => Modify(GroupModifyType.RemoveRecipient, Friends[0]));
            var already = Assert.ThrowsAsync<SendblueBadRequestException>(() => Modify(GroupModifyType.AddRecipient, Friends[1]));
            var absent = Assert.ThrowsAsync<SendblueBadRequestException>(() => Modify(GroupModifyType.RemoveRecipient, "+15550009999"));
            var line = Assert.ThrowsAsync<SendblueBadRequestException>(() => Modify(GroupModifyType.AddRecipient, EmulatorFixture.From));
            var otherLine = Assert.ThrowsAsync<SendblueBadRequestException>(() => Modify(GroupModifyType.AddRecipient, "+15550009999", "+16292925297"));
            var unknown = Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Groups.ModifyAsync(new ModifyGroupRequest { GroupId = "no-such-group", ModifyType = GroupModifyType.AddRecipient, Number = "+15550009999" }));
            var (status, body) = await emulator.RawAsync(HttpMethod.Post, "api/modify-group", $$"""{"group_id":"{{groupId}}","modify_type":"rename","number":"+15550009999"}""");

            Assert.Multiple(() =>
            {
                Assert.That(small!.ErrorMessage, Is.EqualTo($"A participant can be removed only from a group of at least 4 members; group {groupId} has 3."));
                Assert.That(already!.ErrorMessage, Is.EqualTo($"number {Friends[1]} is already in group {groupId}."));
                Assert.That(absent!.ErrorMessage, Is.EqualTo($"number +15550009999 is not in group {groupId}."));
                Assert.That(line!.ErrorMessage, Is.EqualTo("number +16292925296 is one of this account's lines; the account's own lines cannot be added or removed."));
                Assert.That(otherLine!.ResponseBody, Does.Contain("\"error\":\"line_not_registered\""));
                Assert.That(unknown!.ErrorMessage, Is.EqualTo("No group with id no-such-group."));
                Assert.That(status, Is.EqualTo(400));
                Assert.That(body, Does.Contain("modify_type 'rename' is not one of: add_recipient, remove_recipient."));
                Assert.That(emulator.Groups.Single().Participants, Is.EqualTo(new[] { Friends[0], Friends[1] }), "nothing changed");
            });
        }

        [Test]
        public async Task ASeededGroupMessage_MakesItsGroupKnown()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            emulator.AddMessage(new EmulatedMessage
            {
                FromNumber = EmulatorFixture.From, MessageType = MessageType.Group, GroupId = "g-dinner", Participants = Friends, Content = "seeded",
            });

            var sent = await client.Groups.SendMessageAsync(new SendGroupMessageRequest { FromNumber = EmulatorFixture.From, GroupId = "g-dinner", Content = "follow-up" });

            var group = emulator.Groups.Single();
            Assert.Multiple(() =>
            {
                Assert.That(group.GroupId, Is.EqualTo("g-dinner"));
                Assert.That(group.FromNumber, Is.EqualTo(EmulatorFixture.From));
                Assert.That(group.Participants, Is.EqualTo(Friends));
                Assert.That(emulator.Find(sent.MessageHandle!)!.GroupId, Is.EqualTo("g-dinner"));
                Assert.That(emulator.Find(sent.MessageHandle!)!.Participants, Is.EqualTo(Friends));
            });
        }
    }
}
