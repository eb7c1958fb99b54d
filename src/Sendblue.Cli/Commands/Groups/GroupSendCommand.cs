using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands.Groups
{
    /// <summary><c>group send</c>: one message to a group chat, an existing one or a new one of the given members.</summary>
    internal sealed class GroupSendCommand : ApiCommand<GroupSendCommand.Settings>
    {
        public GroupSendCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, Settings settings, CancellationToken cancellationToken)
        {
            var sent = await client.Groups.SendMessageAsync(settings.ToRequest(), cancellationToken).ConfigureAwait(false);
            return Show(settings, sent, output => FieldList.Write(output, sent));
        }

        internal sealed class Settings : MessageSettings
        {
            [CommandOption("--group <GROUP_ID>")]
            [Description("The group_id of an existing group to message. This or --to is required.")]
            public string? Group { get; set; }

            [CommandOption("--to <NUMBER>")]
            [Description("A member of a new group, E.164; repeat it for each member (a group holds at most 25 people). Sendblue creates the group when it does not exist yet.")]
            public string[]? To { get; set; }

            public override ValidationResult Validate()
            {
                var members = To ?? System.Array.Empty<string>();
                if (string.IsNullOrWhiteSpace(Group) && members.Length == 0)
                {
                    return ValidationResult.Error("A group message needs --group <group_id> (an existing group) or --to <number>, once per member of a new group.");
                }

                if (Group is not null && members.Length > 0)
                {
                    // Which one the API would follow is not documented; a script that sets both is wrong about one of them.
                    return ValidationResult.Error("Give --group (an existing group) or --to (the members of a new one), not both.");
                }

                if (Group is not null && string.IsNullOrWhiteSpace(Group))
                {
                    return ValidationResult.Error("--group needs a group_id.");
                }

                if (members.Any(string.IsNullOrWhiteSpace))
                {
                    return ValidationResult.Error("--to needs a phone number, such as +19998887777.");
                }

                return base.Validate();
            }

            public SendGroupMessageRequest ToRequest() => new()
            {
                GroupId = Group,
                Numbers = To is { Length: > 0 } members ? members.ToList() : null,
                FromNumber = From,
                Content = Content,
                MediaUrl = MediaUrl,
                ReplyTo = ReplyOptions.Build(ReplyTo, ReplyPart),
                SeatId = Seat,
            };
        }
    }
}
