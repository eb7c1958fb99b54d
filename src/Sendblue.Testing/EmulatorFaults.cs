using System;
using System.Collections.Concurrent;

namespace Sendblue.Testing
{
    /// <summary>
    /// Faults to inject into the next requests of an operation, for resilience tests: an error
    /// status (with <c>Retry-After</c>), a delay, or a dropped connection. Faults are used up in the
    /// order they were added; a request takes at most one.
    /// </summary>
    public sealed class EmulatorFaults
    {
        private readonly ConcurrentDictionary<EmulatorOperation, ConcurrentQueue<Fault>> _queues = new();

        /// <summary>The next <paramref name="count"/> requests of <paramref name="operation"/> are answered with <paramref name="statusCode"/>.</summary>
        /// <param name="operation">The operation to fail.</param>
        /// <param name="count">How many requests fail.</param>
        /// <param name="statusCode">The status to answer with, such as 503 or 429.</param>
        /// <param name="retryAfter">A <c>Retry-After</c> to send with it (whole seconds), or none.</param>
        public void FailNext(EmulatorOperation operation, int count, int statusCode, TimeSpan? retryAfter = null)
        {
            if (statusCode < 400 || statusCode > 599)
            {
                throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An injected failure must be a 4xx or 5xx status.");
            }

            Add(operation, count, new Fault(FaultKind.Status, statusCode, retryAfter, TimeSpan.Zero));
        }

        /// <summary>The next <paramref name="count"/> requests of <paramref name="operation"/> wait <paramref name="delay"/> before being served normally.</summary>
        /// <param name="operation">The operation to slow down.</param>
        /// <param name="count">How many requests wait.</param>
        /// <param name="delay">How long each waits.</param>
        public void DelayNext(EmulatorOperation operation, int count, TimeSpan delay)
        {
            if (delay < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(delay), delay, "A delay cannot be negative.");
            }

            Add(operation, count, new Fault(FaultKind.Delay, 0, null, delay));
        }

        /// <summary>The next <paramref name="count"/> requests of <paramref name="operation"/> get their connection closed without an answer.</summary>
        /// <param name="operation">The operation whose connections drop.</param>
        /// <param name="count">How many requests are dropped.</param>
        public void DropNext(EmulatorOperation operation, int count = 1) =>
            Add(operation, count, new Fault(FaultKind.Drop, 0, null, TimeSpan.Zero));

        /// <summary>Removes every fault not yet used.</summary>
        public void Clear() => _queues.Clear();

        internal bool TryTake(EmulatorOperation operation, out Fault fault)
        {
            fault = default;
            return _queues.TryGetValue(operation, out var queue) && queue.TryDequeue(out fault);
        }

        private void Add(EmulatorOperation operation, int count, Fault fault)
        {
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "Inject a fault into at least one request.");
            }

            var queue = _queues.GetOrAdd(operation, _ => new ConcurrentQueue<Fault>());
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(fault);
            }
        }

        internal enum FaultKind
        {
            Status,
            Delay,
            Drop,
        }

        internal readonly record struct Fault(FaultKind Kind, int StatusCode, TimeSpan? RetryAfter, TimeSpan Delay);
    }
}
