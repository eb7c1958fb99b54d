using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Sendblue.Testing;
using Spectre.Console;

namespace Sendblue.Cli.Demo
{
    /// <summary>
    /// The SDK end to end, against an emulator started in this process: no credentials, no
    /// network. Looks the numbers up, sends three messages (one delivered over iMessage, one
    /// downgraded to SMS, one that fails), follows their status, receives a reply while showing a
    /// typing indicator, answers it with an inline reply, and prints the conversation.
    /// </summary>
    internal sealed class SendblueDemo
    {
        // Numbers in the 555-01xx range, which North American numbering keeps for fiction.
        public const string AccountNumber = "+15555550100";
        public const string IMessageNumber = "+15555550101";
        public const string SmsOnlyNumber = "+15555550102";
        public const string FailingNumber = "+15555550103";

        private readonly CliHost _host;

        public SendblueDemo(CliHost host)
        {
            _host = host;
        }

        /// <summary>How often the emulator moves each message one status on.</summary>
        public TimeSpan AdvanceInterval { get; init; } = TimeSpan.FromMilliseconds(150);

        /// <summary>How long to wait between two status reads of the same message.</summary>
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

        /// <summary>The bound on following the statuses; the emulator needs well under a second.</summary>
        public TimeSpan StatusTimeout { get; init; } = TimeSpan.FromSeconds(10);

        public async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();

            var options = new SendblueEmulatorOptions { AutoAdvanceInterval = AdvanceInterval };
            options.SendblueNumbers.Add(AccountNumber);
            options.SmsOnlyNumbers.Add(SmsOnlyNumber);
            options.FailingNumbers.Add(FailingNumber);
            await using var emulator = await SendblueEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
            using var client = emulator.CreateClient();
            Say($"[bold]1.[/] Started the Sendblue emulator at [blue]{emulator.BaseUrl}[/] (in this process: no credentials, no network).");

            Say($"[bold]2.[/] Asking which service each number can get, with Lookups.LookupNumberAsync:");
            foreach (var number in new[] { IMessageNumber, SmsOnlyNumber })
            {
                var lookup = await client.Lookups.LookupNumberAsync(number, cancellationToken).ConfigureAwait(false);
                Say($"   {number}: {lookup.Service}");
            }

            Say($"[bold]3.[/] Sending three messages from {AccountNumber} with SendAsync:");
            var outgoing = new[]
            {
                new Outgoing(IMessageNumber, "iMessage", SendStyle.Celebration, "Your table for two is ready at 7pm."),
                new Outgoing(SmsOnlyNumber, "SMS only", SendStyle.Fireworks, "Your order has shipped."),
                new Outgoing(FailingNumber, "fails", SendStyle.Slam, "Your code is 428913."),
            };
            foreach (var message in outgoing)
            {
                var sent = await client.Messages.SendAsync(
                    new SendMessageRequest
                    {
                        Number = message.To,
                        FromNumber = AccountNumber,
                        Content = message.Content,
                        SendStyle = message.Style,
                    },
                    cancellationToken).ConfigureAwait(false);
                message.Handle = sent.MessageHandle ?? throw new SendblueException("The send answered without a message_handle.");
                message.Status = sent.Status;
                Say($"   {message.To} ({message.Who}, {message.Style}): {sent.Status}, handle {message.Handle}");
            }

            Say($"[bold]4.[/] Following their status with GetStatusAsync until DELIVERED or ERROR:");
            if (!await FollowAsync(client.Messages, outgoing, cancellationToken).ConfigureAwait(false))
            {
                var stuck = string.Join(", ", outgoing.Where(m => !IsFinal(m.Status)).Select(m => $"{m.To} ({m.Status})"));
                _host.Error.WriteLine($"error: no final status within {StatusTimeout.TotalSeconds:0} s for {stuck}.");
                return ExitCodes.ApiError;
            }

            var reply = await emulator.SimulateInboundAsync(IMessageNumber, AccountNumber, "Perfect, see you then!", cancellationToken).ConfigureAwait(false);
            Say($"[bold]5.[/] {IMessageNumber} replied; the emulator stored it as {reply.Status}: \"{reply.Content}\"");

            var typing = await client.TypingIndicators.SendAsync(
                new SendTypingIndicatorRequest { Number = IMessageNumber, FromNumber = AccountNumber, State = TypingIndicatorState.Start },
                cancellationToken).ConfigureAwait(false);
            Say($"[bold]6.[/] Showing {IMessageNumber} that we are typing, with TypingIndicators.SendAsync: {typing.Status}");

            var answer = new Outgoing(IMessageNumber, "inline reply", SendStyle.Gentle, "Great, your table is waiting.");
            var replied = await client.Messages.SendAsync(
                new SendMessageRequest
                {
                    Number = answer.To,
                    FromNumber = AccountNumber,
                    Content = answer.Content,
                    SendStyle = answer.Style,
                    ReplyTo = new ReplyTo { MessageHandle = reply.MessageHandle, PartIndex = 0 },
                },
                cancellationToken).ConfigureAwait(false);
            answer.Handle = replied.MessageHandle ?? throw new SendblueException("The send answered without a message_handle.");
            answer.Status = replied.Status;
            Say($"[bold]7.[/] Answering with an inline reply to it (reply_to {replied.ReplyTo?.MessageHandle}): {replied.Status}");
            if (!await FollowAsync(client.Messages, new[] { answer }, cancellationToken).ConfigureAwait(false))
            {
                _host.Error.WriteLine($"error: no final status within {StatusTimeout.TotalSeconds:0} s for the reply to {answer.To}.");
                return ExitCodes.ApiError;
            }

            Say($"[bold]8.[/] The conversation on {AccountNumber}, walked with ListAllAsync (createdAt ascending):");
            var conversation = new List<Message>();
            var query = new MessageListQuery
            {
                SendblueNumber = AccountNumber,
                OrderBy = MessageOrderBy.CreatedAt,
                OrderDirection = SortDirection.Asc,
            };
            await foreach (var message in client.Messages.ListAllAsync(query, cancellationToken).ConfigureAwait(false))
            {
                conversation.Add(message);
            }

            _host.OutConsole.Write(MessageTable.Conversation(conversation, _host.OutConsole));
            foreach (var message in conversation.Where(m => m.WasDowngraded == true))
            {
                Say($"   The message to {message.ToNumber} went as {message.Service} (was_downgraded), without its style: styles are iMessage only.");
            }

            foreach (var message in conversation.Where(m => m.Status == MessageStatus.Error))
            {
                Say($"   The message to {message.ToNumber} failed: error_code {message.ErrorCode}, {message.ErrorMessage}");
            }

            var delivered = conversation.Count(m => m.IsOutbound == true && m.Status == MessageStatus.Delivered);
            var failed = conversation.Count(m => m.IsOutbound == true && m.Status == MessageStatus.Error);
            var received = conversation.Count(m => m.IsOutbound == false);
            Say(
                $"Done in {clock.Elapsed.TotalSeconds:0.0} s: {delivered} delivered, {failed} failed, {received} received.");
            Say(
                $"With SENDBLUE_API_API_KEY and SENDBLUE_API_API_SECRET set, '{SendblueCli.Name} send', 'status', 'get', 'list', 'lookup', 'typing', 'group', 'contacts', 'webhooks' and 'lines' talk to the API.");
            return ExitCodes.Ok;
        }

        /// <summary>
        /// One sentence of the story, its arguments as text (never markup). On a terminal Spectre wraps
        /// it at the screen's edge; in a file or a pipe it stays one line, which Spectre would break at
        /// the layout width it gives redirected tables.
        /// </summary>
        private void Say(FormattableString line)
        {
            if (_host.OutputIsTerminal)
            {
                _host.OutConsole.MarkupLineInterpolated(line);
                return;
            }

            _host.Out.WriteLine(Markup.Remove(line.ToString(EscapingFormatter.Instance)));
        }

        /// <summary>Polls each message until it is final; false when <see cref="StatusTimeout"/> ran out first.</summary>
        private async Task<bool> FollowAsync(IMessagesClient messages, IReadOnlyList<Outgoing> outgoing, CancellationToken cancellationToken)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(StatusTimeout);
            try
            {
                while (true)
                {
                    var pending = outgoing.Where(m => !IsFinal(m.Status)).ToList();
                    if (pending.Count == 0)
                    {
                        return true;
                    }

                    await Task.Delay(PollInterval, deadline.Token).ConfigureAwait(false);
                    foreach (var message in pending)
                    {
                        var status = await messages.GetStatusAsync(message.Handle, deadline.Token).ConfigureAwait(false);
                        if (status.Status == message.Status)
                        {
                            continue;
                        }

                        message.Status = status.Status;
                        var detail = status.Status == MessageStatus.Error
                            ? $" (error {status.ErrorCode}: {status.ErrorMessage})"
                            : "";
                        Say($"   {message.To}: [{Colour(status.Status)}]{status.Status?.ToString() ?? ""}[/]{detail}");
                    }
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        private static bool IsFinal(MessageStatus? status) =>
            status == MessageStatus.Delivered || status == MessageStatus.Error;

        private static string Colour(MessageStatus? status) =>
            status == MessageStatus.Delivered ? "green" : status == MessageStatus.Error ? "red" : "default";

        /// <summary>Formats each argument of an interpolated string as the current culture would, escaped as markup text.</summary>
        private sealed class EscapingFormatter : IFormatProvider, ICustomFormatter
        {
            public static readonly EscapingFormatter Instance = new();

            public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;

            public string Format(string? format, object? arg, IFormatProvider? formatProvider) =>
                Markup.Escape(arg is IFormattable formattable ? formattable.ToString(format, CultureInfo.CurrentCulture) : arg?.ToString() ?? string.Empty);
        }

        private sealed class Outgoing
        {
            public Outgoing(string to, string who, SendStyle style, string content)
            {
                To = to;
                Who = who;
                Style = style;
                Content = content;
            }

            public string To { get; }

            public string Who { get; }

            public SendStyle Style { get; }

            public string Content { get; }

            public string Handle { get; set; } = "";

            public MessageStatus? Status { get; set; }
        }
    }
}
