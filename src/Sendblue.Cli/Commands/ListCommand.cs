using System;
using System.Collections.Generic;
using System.Linq;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands
{
    /// <summary><c>list</c>: one page of messages, or every page with <c>--all</c>.</summary>
    internal sealed class ListCommand : ApiCommand<ListCommand.Settings>
    {
        public ListCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(IMessagesClient messages, Settings settings, CancellationToken cancellationToken)
        {
            var query = settings.ToQuery();
            if (settings.All)
            {
                var all = await ReadAllAsync(messages, query, cancellationToken).ConfigureAwait(false);
                if (settings.Json)
                {
                    JsonOutput.Write(Host.Out, all);
                }
                else
                {
                    WriteTable(all);
                    Host.Out.WriteLine(all.Count == 1 ? "1 message." : $"{all.Count} messages.");
                }

                return ExitCodes.Ok;
            }

            var page = await messages.ListAsync(query, cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                JsonOutput.Write(Host.Out, page);
                return ExitCodes.Ok;
            }

            var data = page.Data ?? new List<Message>();
            WriteTable(data);
            var first = (page.Pagination?.Offset ?? query.Offset ?? 0) + 1;
            var last = first + data.Count - 1;
            var summary = data.Count == 0
                ? $"No messages from offset {first - 1}"
                : $"Messages {first}-{last}";
            summary += page.Pagination?.Total is int total ? $" of {total}." : ".";
            if (page.Pagination?.HasMore == true)
            {
                summary += $" More with --offset {last}, or --all.";
            }

            Host.Out.WriteLine(summary);
            return ExitCodes.Ok;
        }

        private async Task<List<Message>> ReadAllAsync(IMessagesClient messages, MessageListQuery query, CancellationToken cancellationToken)
        {
            var all = new List<Message>();
            if (!Host.ShowProgress)
            {
                await foreach (var message in messages.ListAllAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    all.Add(message);
                }

                return all;
            }

            // On a terminal, a live count on stderr shows that a long walk is moving; stdout stays data only.
            await Host.ErrorConsole.Progress()
                .AutoClear(true)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Reading messages").IsIndeterminate();
                    await foreach (var message in messages.ListAllAsync(query, cancellationToken).ConfigureAwait(false))
                    {
                        all.Add(message);
                        task.Description = $"Read {all.Count} messages";
                    }

                    task.StopTask();
                })
                .ConfigureAwait(false);
            Host.Error.WriteLine($"Read {all.Count} messages.");
            return all;
        }

        private void WriteTable(IList<Message> messages)
        {
            if (messages.Count > 0)
            {
                Host.OutConsole.Write(MessageTable.Listing(messages.ToList(), Host.OutConsole));
            }
        }

        internal sealed class Settings : ApiSettings
        {
            private static readonly (string Option, Func<Settings, string?> Get)[] Dates =
            {
                ("--created-after", s => s.CreatedAfter),
                ("--created-before", s => s.CreatedBefore),
                ("--sent-after", s => s.SentAfter),
                ("--sent-before", s => s.SentBefore),
                ("--updated-after", s => s.UpdatedAfter),
                ("--updated-before", s => s.UpdatedBefore),
            };

            [CommandOption("--number <NUMBER>")]
            [Description("Only messages to or from this phone number (E.164).")]
            public string? Number { get; set; }

            [CommandOption("--from-number <NUMBER>")]
            [Description("Only messages sent from this number.")]
            public string? FromNumber { get; set; }

            [CommandOption("--to-number <NUMBER>")]
            [Description("Only messages sent to this number.")]
            public string? ToNumber { get; set; }

            [CommandOption("--sendblue-number <NUMBER>")]
            [Description("Only messages sent from or received on this Sendblue number of yours.")]
            public string? SendblueNumber { get; set; }

            [CommandOption("--status <STATUS>")]
            [Description("Only messages in this status: REGISTERED, PENDING, SENT, DELIVERED, RECEIVED, QUEUED, ERROR, DECLINED, ACCEPTED, SUCCESS.")]
            public string? Status { get; set; }

            [CommandOption("--service <SERVICE>")]
            [Description("Only messages carried by this service: iMessage, SMS, RCS.")]
            public string? Service { get; set; }

            [CommandOption("--message-type <TYPE>")]
            [Description("message (one to one) or group.")]
            public string? MessageType { get; set; }

            [CommandOption("--is-outbound <BOOL>")]
            [Description("true: messages you sent; false: messages you received.")]
            public string? IsOutbound { get; set; }

            [CommandOption("--group-id <ID>")]
            [Description("Only messages of this group conversation.")]
            public string? GroupId { get; set; }

            [CommandOption("--account-email <EMAIL>")]
            [Description("Only messages of this account.")]
            public string? AccountEmail { get; set; }

            [CommandOption("--worker-id <ID>")]
            [Description("Only messages handled by this worker (admin accounts).")]
            public string? WorkerId { get; set; }

            [CommandOption("--created-after <INSTANT>")]
            [Description("Only messages created at or after this ISO 8601 instant (2025-01-31T00:00:00Z; no offset means UTC).")]
            public string? CreatedAfter { get; set; }

            [CommandOption("--created-before <INSTANT>")]
            [Description("Only messages created at or before this instant.")]
            public string? CreatedBefore { get; set; }

            [CommandOption("--sent-after <INSTANT>")]
            [Description("Only messages sent at or after this instant.")]
            public string? SentAfter { get; set; }

            [CommandOption("--sent-before <INSTANT>")]
            [Description("Only messages sent at or before this instant.")]
            public string? SentBefore { get; set; }

            [CommandOption("--updated-after <INSTANT>")]
            [Description("Only messages updated at or after this instant.")]
            public string? UpdatedAfter { get; set; }

            [CommandOption("--updated-before <INSTANT>")]
            [Description("Only messages updated at or before this instant.")]
            public string? UpdatedBefore { get; set; }

            [CommandOption("--order-by <FIELD>")]
            [Description("createdAt, updatedAt or sentAt.")]
            public string? OrderBy { get; set; }

            [CommandOption("--order-direction <DIRECTION>")]
            [Description("asc or desc.")]
            public string? OrderDirection { get; set; }

            // Text, not int?: Spectre's own conversion error names the CLR type, not the option.
            [CommandOption("--limit <N>")]
            [Description("Messages per page, 1 to 100 (the API's default: 100).")]
            public string? Limit { get; set; }

            [CommandOption("--offset <N>")]
            [Description("Matching messages to skip first.")]
            public string? Offset { get; set; }

            [CommandOption("--all")]
            [Description("Walks every page from --offset on (--limit is then the page size).")]
            public bool All { get; set; }

            public override ValidationResult Validate()
            {
                foreach (var (option, get) in Dates)
                {
                    if (get(this) is string text && !OptionValues.TryParseInstant(text, out _))
                    {
                        return ValidationResult.Error($"{option} must be an ISO 8601 instant, such as 2025-01-31T23:59:59Z; it is '{text}'.");
                    }
                }

                if (IsOutbound is string outbound && !OptionValues.TryParseBool(outbound, out _))
                {
                    return ValidationResult.Error($"--is-outbound must be true or false; it is '{outbound}'.");
                }

                if (Limit is string limit && !(OptionValues.TryParseInt(limit, out var l) && l >= 1 && l <= MessageListQuery.MaxLimit))
                {
                    return ValidationResult.Error($"--limit must be a whole number from 1 to {MessageListQuery.MaxLimit}; it is '{limit}'. Use --all to read more.");
                }

                if (Offset is string offset && !(OptionValues.TryParseInt(offset, out var o) && o >= 0))
                {
                    return ValidationResult.Error($"--offset must be a whole number, 0 or more; it is '{offset}'.");
                }

                return base.Validate();
            }

            public MessageListQuery ToQuery() => new()
            {
                Number = Number,
                FromNumber = FromNumber,
                ToNumber = ToNumber,
                SendblueNumber = SendblueNumber,
                Status = OptionValues.Extensible(Status, MessageStatus.KnownValues, s => new MessageStatus(s)),
                Service = OptionValues.Extensible(Service, MessageService.KnownValues, s => new MessageService(s)),
                MessageType = OptionValues.Extensible(MessageType, Sendblue.MessageType.KnownValues, s => new MessageType(s)),
                IsOutbound = IsOutbound is string outbound && OptionValues.TryParseBool(outbound, out var value) ? value : null,
                GroupId = GroupId,
                AccountEmail = AccountEmail,
                WorkerId = WorkerId,
                CreatedAtGte = Instant(CreatedAfter),
                CreatedAtLte = Instant(CreatedBefore),
                SentAtGte = Instant(SentAfter),
                SentAtLte = Instant(SentBefore),
                UpdatedAtGte = Instant(UpdatedAfter),
                UpdatedAtLte = Instant(UpdatedBefore),
                OrderBy = OptionValues.Extensible(OrderBy, MessageOrderBy.KnownValues, s => new MessageOrderBy(s)),
                OrderDirection = OptionValues.Extensible(OrderDirection, SortDirection.KnownValues, s => new SortDirection(s)),
                Limit = Limit is not null && OptionValues.TryParseInt(Limit, out var limit) ? limit : null,
                Offset = Offset is not null && OptionValues.TryParseInt(Offset, out var offset) ? offset : null,
            };

            private static DateTimeOffset? Instant(string? text) =>
                text is not null && OptionValues.TryParseInstant(text, out var value) ? value : null;
        }
    }
}
