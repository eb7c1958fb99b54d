using System;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>Small helpers for tests that drive the SDK against the emulator.</summary>
    internal static class EmulatorFixture
    {
        public const string From = "+16292925296";
        public const string To = "+19998887777";

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
