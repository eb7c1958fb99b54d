using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Output;

namespace Sendblue.Cli.Commands.Typing
{
    /// <summary>
    /// <c>typing start</c> and <c>typing stop</c>. The API answers 200 with <c>status: ERROR</c> when it
    /// could not show the indicator; that is the API's error, so it exits 1 after printing the answer.
    /// </summary>
    internal abstract class TypingCommand<TSettings> : ApiCommand<TSettings>
        where TSettings : TypingSettings
    {
        protected TypingCommand(CliHost host)
            : base(host)
        {
        }

        protected abstract SendTypingIndicatorRequest ToRequest(TSettings settings);

        protected sealed override async Task<int> ExecuteAsync(ISendblueClient client, TSettings settings, CancellationToken cancellationToken)
        {
            var answer = await client.TypingIndicators.SendAsync(ToRequest(settings), cancellationToken).ConfigureAwait(false);
            if (settings.Json)
            {
                JsonOutput.Write(Host.Out, answer);
            }
            else
            {
                FieldList.Write(Host.Out, answer);
            }

            if (answer.Status == TypingIndicatorStatus.Error)
            {
                Host.Error.WriteLine($"error: the typing indicator was not sent: {answer.ErrorMessage ?? "the API gave no reason"}.");
                return ExitCodes.ApiError;
            }

            return ExitCodes.Ok;
        }
    }
}
