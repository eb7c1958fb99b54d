using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>
    /// Requests at the edges of what the emulator reads, and its shutdown while a request is held:
    /// a user's test sees a 400 that names the field (as the API answers), never an empty 500, and
    /// disposing the emulator does not wait out a fault.
    /// </summary>
    public class EmulatorRobustnessTests
    {
        [Test]
        public async Task AnIntegerTooLargeForAnyNumber_IsA400NamingTheField_NotAnEmpty500()
        {
            await using var emulator = await EmulatorFixture.StartAsync();

            var (status, body) = await emulator.RawAsync(
                HttpMethod.Post,
                "api/send-typing-indicator",
                "{\"number\":\"+19998887777\",\"from_number\":\"+16292925296\",\"max_duration_ms\":99999999999999999999}");

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400), body);
                Assert.That((string?)JObject.Parse(body)["error_message"], Is.EqualTo("max_duration_ms must be an integer from 1 to 300000; it is 99999999999999999999."));
                Assert.That(emulator.Requests.Single().StatusCode, Is.EqualTo(400), "the request log says what the client got");
                Assert.That(emulator.TypingIndicators, Is.Empty);
            });
        }

        [Test]
        public async Task ABodyThatGoesOnAfterItsObject_IsA400_AndNothingIsSent()
        {
            await using var emulator = await EmulatorFixture.StartAsync();

            var (status, body) = await emulator.RawAsync(
                HttpMethod.Post,
                "api/send-message",
                "{\"number\":\"+19998887777\",\"from_number\":\"+16292925296\",\"content\":\"Hi\"} {\"content\":\"again\"}");

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400), body);
                Assert.That((string?)JObject.Parse(body)["error_message"], Is.EqualTo("The body must be one JSON object; it goes on after the object."));
                Assert.That(emulator.Messages, Is.Empty);
            });
        }

        [Test]
        public async Task DisposeAsync_WhileDelayNextHoldsARequest_ReturnsPromptly()
        {
            var emulator = await SendblueEmulator.StartAsync();
            using var client = emulator.CreateClient();
            emulator.Faults.DelayNext(EmulatorOperation.GetStatus, 1, TimeSpan.FromMinutes(2));
            var held = client.Messages.GetStatusAsync("5f2b9c3e-8a41-4d7c-9e2f-0b6a1d3c7e55");
            await WaitUntilAsync(() => emulator.Requests.Count == 0 && !held.IsCompleted, TimeSpan.FromMilliseconds(300));

            var stopwatch = Stopwatch.StartNew();
            await emulator.DisposeAsync();
            stopwatch.Stop();

            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the held request ends with the emulator instead of holding it for the host's 30 s shutdown timeout");
            Assert.ThrowsAsync<SendblueConnectionException>(async () => await held);
        }

        private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan atLeast)
        {
            await Task.Delay(atLeast);
            Assert.That(condition(), Is.True);
        }
    }
}
