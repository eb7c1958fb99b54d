using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>Small helpers for tests that drive the SDK against the emulator.</summary>
    internal static class EmulatorFixture
    {
        public const string From = "+16292925296";
        public const string To = "+19998887777";

        private static readonly ConcurrentDictionary<string, ConcurrentQueue<SendblueEmulator>> Started = new();

        /// <summary>
        /// Starts an emulator for the running test and remembers it, so that after the test every
        /// response it sent is validated against the spec (<see cref="EmulatorAnswersConformToTheSpecAttribute"/>).
        /// </summary>
        public static async Task<SendblueEmulator> StartAsync(SendblueEmulatorOptions? options = null)
        {
            var emulator = await SendblueEmulator.StartAsync(options);
            Started.GetOrAdd(TestContext.CurrentContext.Test.ID, _ => new ConcurrentQueue<SendblueEmulator>()).Enqueue(emulator);
            return emulator;
        }

        /// <summary>The emulators a test started (and forgets them).</summary>
        public static IReadOnlyCollection<SendblueEmulator> TakeStarted(string testId) =>
            Started.TryRemove(testId, out var emulators) ? emulators.ToArray() : Array.Empty<SendblueEmulator>();

        /// <summary>A client of the emulator whose backoff is short, so retry tests stay fast.</summary>
        public static SendblueClient FastClient(this SendblueEmulator emulator, Action<SendblueClientOptions>? configure = null)
        {
            var options = emulator.CreateClientOptions();
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(options);
            return new SendblueClient(options);
        }

        public static SendMessageRequest Hello(string to = To, string content = "Hello") => new()
        {
            Number = to,
            FromNumber = From,
            Content = content,
        };
    }
}
