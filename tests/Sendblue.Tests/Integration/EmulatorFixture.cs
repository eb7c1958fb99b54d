using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Collections.Concurrent;
using System.Collections.Generic;
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

        /// <summary>
        /// A request with the emulator's credentials but without the SDK, for input the SDK would
        /// refuse before sending; returns the status and the body of the answer.
        /// </summary>
        public static async Task<(int Status, string Body)> RawAsync(this SendblueEmulator emulator, HttpMethod method, string pathAndQuery, string? json = null)
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(method, new Uri(emulator.BaseUrl, pathAndQuery));
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            request.Headers.Add("sb-api-key-id", emulator.ApiKey);
            request.Headers.Add("sb-api-secret-key", emulator.ApiSecret);
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        }

        public static SendMessageRequest Hello(string to = To, string content = "Hello") => new()
        {
            Number = to,
            FromNumber = From,
            Content = content,
        };
    }
}
