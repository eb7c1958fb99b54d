using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>
    /// The Lines operation: the account's lines, each assigned and ONLINE since the emulator
    /// started. They are <see cref="SendblueEmulatorOptions.SendblueNumbers"/>, or when none are set
    /// the numbers the account's messages went out from (and came in on), in the order first seen.
    /// </summary>
    internal sealed class LineEndpoints
    {
        private readonly SendblueEmulator _emulator;
        private readonly SendblueEmulatorOptions _options;

        public LineEndpoints(SendblueEmulator emulator, SendblueEmulatorOptions options)
        {
            _emulator = emulator;
            _options = options;
        }

        public Answer GetState(EmulatorCall call)
        {
            IEnumerable<string> lines = _options.SendblueNumbers.Count > 0
                ? _options.SendblueNumbers.OrderBy(n => n, System.StringComparer.Ordinal)
                : _emulator.Store.Snapshot().Select(e => e.Message.SendblueNumber).OfType<string>().Distinct();
            var data = new JArray(lines.Select((number, i) => (object)new JObject
            {
                ["assignment"] = LineAssignment.Assigned.ToString(),
                ["sendblue_number"] = number,
                ["status"] = LineStatus.Online.ToString(),
                ["worker_id"] = $"emulator-worker-{(i + 1).ToString(CultureInfo.InvariantCulture)}",
                ["degraded_since"] = null,
                ["effective_until"] = null,
                ["status_changed_at"] = Wire.Date(_emulator.StartedAt),
            }).ToArray());
            return Answer.Ok(new JObject
            {
                ["status"] = "OK",
                ["snapshot_at"] = Wire.Date(_emulator.Now()),
                ["data"] = data,
            });
        }
    }
}
