using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands
{
    /// <summary><c>send</c>: one message, printed as the API queued it.</summary>
    internal sealed class SendCommand : ApiCommand<SendCommand.Settings>
    {
        public SendCommand(CliHost host)
            : base(host)
        {
        }

        protected override async Task<int> ExecuteAsync(ISendblueClient client, Settings settings, CancellationToken cancellationToken)
        {
            var messages = client.Messages;
            var sent = await messages.SendAsync(settings.ToRequest(), cancellationToken).ConfigureAwait(false);
            return Show(settings, sent, output => FieldList.Write(output, sent));
        }

        internal sealed class Settings : MessageSettings
        {
            [CommandOption("--to <NUMBER>")]
            [Description("The recipient's phone number, E.164 (+19998887777). Required.")]
            public string? To { get; set; }

            [CommandOption("--style <STYLE>")]
            [Description("An iMessage expressive style: celebration, shooting_star, fireworks, lasers, love, confetti, balloons, spotlight, echo, invisible, gentle, loud, slam.")]
            public string? Style { get; set; }

            [CommandOption("--status-callback <URL>")]
            [Description("A URL Sendblue POSTs each status change of the message to.")]
            public string? StatusCallback { get; set; }

            public override ValidationResult Validate()
            {
                if (string.IsNullOrWhiteSpace(To))
                {
                    return ValidationResult.Error("--to is required: the recipient's phone number, such as +19998887777.");
                }

                return base.Validate();
            }

            public SendMessageRequest ToRequest() => new()
            {
                Number = To,
                FromNumber = From,
                Content = Content,
                MediaUrl = MediaUrl,
                SendStyle = OptionValues.Extensible(Style, SendStyle.KnownValues, s => new SendStyle(s)),
                StatusCallback = StatusCallback,
                ReplyTo = ReplyOptions.Build(ReplyTo, ReplyPart),
                SeatId = Seat,
            };
        }
    }
}
