using System;
using System.Collections.Generic;
using System.Linq;

namespace Sendblue.Testing
{
    /// <summary>The emulator's messages, in arrival order, safe to use from request threads and the test at once.</summary>
    internal sealed class MessageStore
    {
        private readonly object _gate = new();
        private readonly List<Entry> _entries = new();
        private readonly Dictionary<string, Entry> _byHandle = new(StringComparer.Ordinal);
        private long _sequence;

        public EmulatedMessage Add(EmulatedMessage message, DateTimeOffset? dueAt)
        {
            lock (_gate)
            {
                if (message.MessageHandle is null || _byHandle.ContainsKey(message.MessageHandle))
                {
                    throw new ArgumentException($"A message with handle '{message.MessageHandle}' is already stored.", nameof(message));
                }

                var entry = new Entry(++_sequence, message) { DueAt = dueAt };
                _entries.Add(entry);
                _byHandle.Add(message.MessageHandle, entry);
                return message;
            }
        }

        public EmulatedMessage? Find(string handle)
        {
            lock (_gate)
            {
                return _byHandle.TryGetValue(handle, out var entry) ? entry.Message : null;
            }
        }

        public IReadOnlyList<(long Sequence, EmulatedMessage Message)> Snapshot()
        {
            lock (_gate)
            {
                return _entries.Select(e => (e.Sequence, e.Message)).ToList();
            }
        }

        /// <summary>
        /// Moves each message that <paramref name="isDue"/> picks one step with <paramref name="step"/>,
        /// atomically per message, and returns the messages as they are after their step.
        /// </summary>
        public IReadOnlyList<EmulatedMessage> Advance(
            Func<EmulatedMessage, DateTimeOffset?, bool> isDue,
            Func<EmulatedMessage, EmulatedMessage?> step,
            Func<EmulatedMessage, DateTimeOffset?> nextDue)
        {
            var changed = new List<EmulatedMessage>();
            lock (_gate)
            {
                foreach (var entry in _entries)
                {
                    if (!isDue(entry.Message, entry.DueAt))
                    {
                        continue;
                    }

                    var next = step(entry.Message);
                    if (next is null)
                    {
                        continue;
                    }

                    entry.Message = next;
                    entry.DueAt = nextDue(next);
                    changed.Add(next);
                }
            }

            return changed;
        }

        private sealed class Entry
        {
            public Entry(long sequence, EmulatedMessage message)
            {
                Sequence = sequence;
                Message = message;
            }

            public long Sequence { get; }

            public EmulatedMessage Message { get; set; }

            public DateTimeOffset? DueAt { get; set; }
        }
    }
}
