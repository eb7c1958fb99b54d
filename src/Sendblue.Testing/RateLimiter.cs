using System;
using System.Collections.Generic;

namespace Sendblue.Testing
{
    /// <summary>A sliding-window limit per account: at most N requests in any window.</summary>
    internal sealed class RateLimiter
    {
        private readonly int _limit;
        private readonly TimeSpan _window;
        private readonly TimeProvider _clock;
        private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);

        public RateLimiter(int limit, TimeSpan window, TimeProvider clock)
        {
            _limit = limit;
            _window = window;
            _clock = clock;
        }

        public bool TryAcquire(string account, out TimeSpan retryAfter)
        {
            retryAfter = TimeSpan.Zero;
            if (_limit <= 0)
            {
                return true;
            }

            var now = _clock.GetUtcNow();
            lock (_recent)
            {
                if (!_recent.TryGetValue(account, out var times))
                {
                    _recent[account] = times = new Queue<DateTimeOffset>();
                }

                while (times.Count > 0 && now - times.Peek() >= _window)
                {
                    times.Dequeue();
                }

                if (times.Count >= _limit)
                {
                    retryAfter = times.Peek() + _window - now;
                    if (retryAfter < TimeSpan.FromSeconds(1))
                    {
                        retryAfter = TimeSpan.FromSeconds(1);
                    }

                    return false;
                }

                times.Enqueue(now);
                return true;
            }
        }
    }
}
