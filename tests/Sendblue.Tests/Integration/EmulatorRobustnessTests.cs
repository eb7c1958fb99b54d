using System;
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
    }
}
