using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Sendblue.Tests.TestSupport
{
    /// <summary>A log line as a logging provider received it: category, level, event, the formatted text and the structured values.</summary>
    public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> State, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}[{EventId.Name}] {Message}";
    }

    /// <summary>An <see cref="ILoggerProvider"/> that keeps every line at every level, for tests that read what an application would log.</summary>
    public sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogLine> _lines = new();

        public IReadOnlyList<LogLine> Lines => _lines.ToArray();

        /// <summary>The lines of the SDK's client logger.</summary>
        public IReadOnlyList<LogLine> Sdk => Lines.Where(l => l.Category == "Sendblue.SendblueClient").ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger : ILogger
        {
            private readonly string _category;
            private readonly ConcurrentQueue<LogLine> _lines;

            public Logger(string category, ConcurrentQueue<LogLine> lines)
            {
                _category = category;
                _lines = lines;
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = new Dictionary<string, object?>();
                if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var pair in pairs)
                    {
                        values[pair.Key] = pair.Value;
                    }
                }

                _lines.Enqueue(new LogLine(_category, logLevel, eventId, formatter(state, exception), values, exception));
            }
        }
    }
}
