using System.Linq;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>The TypingIndicators operation: each indicator is recorded (<see cref="SendblueEmulator.TypingIndicators"/>) with what it answered.</summary>
    internal sealed class TypingIndicatorEndpoints
    {
        private const int MaxDurationMs = 300_000;

        private readonly SendblueEmulator _emulator;
        private readonly SendblueEmulatorOptions _options;

        public TypingIndicatorEndpoints(SendblueEmulator emulator, SendblueEmulatorOptions options)
        {
            _emulator = emulator;
            _options = options;
        }

        public Answer Send(EmulatorCall call)
        {
            var body = call.Json();
            var from = Values.Line(Values.Phone(body.Required("from_number"), "from_number"), _options);
            var number = Values.Phone(body.Required("number"), "number");
            var state = body.String("state") is string s
                ? new TypingIndicatorState(Values.OneOf(s, "state", TypingIndicatorState.KnownValues.Select(v => v.ToString())))
                : TypingIndicatorState.Start;
            var duration = (int?)body.Integer("max_duration_ms", 1, MaxDurationMs);

            // Typing bubbles are iMessage's: a recipient without it gets none, which the API reports in the answer, not as an error status.
            var noIMessage = _options.SmsOnlyNumbers.Contains(number);
            var status = noIMessage ? TypingIndicatorStatus.Error : TypingIndicatorStatus.Sent;
            var account = _emulator.Account;
            lock (account.Gate)
            {
                account.TypingIndicators.Add(new EmulatedTypingIndicator(from, number, state, duration, status, _emulator.Now()));
            }

            return Answer.Ok(new JObject
            {
                ["error_message"] = noIMessage ? $"{number} cannot receive iMessage; typing indicators are iMessage only." : null,
                ["number"] = number,
                ["status"] = status.ToString(),
            });
        }
    }
}
