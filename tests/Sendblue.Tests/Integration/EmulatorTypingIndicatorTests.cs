using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>Typing indicators, through the SDK against the emulator, which records each.</summary>
    public class EmulatorTypingIndicatorTests
    {
        [Test]
        public async Task AStartAndAStop_AreRecorded_AndAnsweredSent()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var start = await client.TypingIndicators.SendAsync(new SendTypingIndicatorRequest { FromNumber = EmulatorFixture.From, Number = EmulatorFixture.To, MaxDurationMs = 120000 });
            var stop = await client.TypingIndicators.SendAsync(new SendTypingIndicatorRequest { FromNumber = EmulatorFixture.From, Number = EmulatorFixture.To, State = TypingIndicatorState.Stop });

            var recorded = emulator.TypingIndicators;
            Assert.Multiple(() =>
            {
                Assert.That(start.Status, Is.EqualTo(TypingIndicatorStatus.Sent));
                Assert.That(start.Number, Is.EqualTo(EmulatorFixture.To));
                Assert.That(start.ErrorMessage, Is.Null);
                Assert.That(stop.Status, Is.EqualTo(TypingIndicatorStatus.Sent));
                Assert.That(recorded.Select(t => t.State), Is.EqualTo(new[] { TypingIndicatorState.Start, TypingIndicatorState.Stop }), "start when the request names no state");
                Assert.That(recorded[0].MaxDurationMs, Is.EqualTo(120000));
                Assert.That(recorded[1].MaxDurationMs, Is.Null);
                Assert.That(recorded.Select(t => t.FromNumber), Is.All.EqualTo(EmulatorFixture.From));
                Assert.That(recorded.Select(t => t.Number), Is.All.EqualTo(EmulatorFixture.To));
                Assert.That(emulator.Messages, Is.Empty, "a typing indicator is no message");
            });
        }

        [Test]
        public async Task ToANumberWithoutIMessage_TheAnswerIsError_WithTheReason()
        {
            var options = new SendblueEmulatorOptions();
            options.SmsOnlyNumbers.Add("+15550000002");
            await using var emulator = await EmulatorFixture.StartAsync(options);
            using var client = emulator.CreateClient();

            var answer = await client.TypingIndicators.SendAsync(new SendTypingIndicatorRequest { FromNumber = EmulatorFixture.From, Number = "+15550000002" });

            Assert.Multiple(() =>
            {
                Assert.That(answer.Status, Is.EqualTo(TypingIndicatorStatus.Error));
                Assert.That(answer.ErrorMessage, Is.EqualTo("+15550000002 cannot receive iMessage; typing indicators are iMessage only."));
                Assert.That(emulator.TypingIndicators.Single().Status, Is.EqualTo(TypingIndicatorStatus.Error));
            });
        }

        [Test]
        public async Task FromANumberThatIsNotTheAccounts_Is400()
        {
            var options = new SendblueEmulatorOptions();
            options.SendblueNumbers.Add(EmulatorFixture.From);
            await using var emulator = await EmulatorFixture.StartAsync(options);
            using var client = emulator.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.TypingIndicators.SendAsync(new SendTypingIndicatorRequest { FromNumber = "+16292925297", Number = EmulatorFixture.To }));

            Assert.Multiple(() =>
            {
                Assert.That(ex!.ErrorMessage, Is.EqualTo("from_number +16292925297 is not one of this account's Sendblue numbers."));
                Assert.That(emulator.TypingIndicators, Is.Empty);
            });
        }

        [TestCase("""{"from_number":"+16292925296","number":"+19998887777","state":"pause"}""", "state 'pause' is not one of: start, stop.")]
        [TestCase("""{"from_number":"+16292925296","number":"+19998887777","max_duration_ms":300001}""", "max_duration_ms must be an integer from 1 to 300000; it is 300001.")]
        [TestCase("""{"from_number":"+16292925296"}""", "number is required.")]
        public async Task WhatTheSdkWouldRefuse_TheEmulatorRefusesToo(string body, string error)
        {
            await using var emulator = await EmulatorFixture.StartAsync();

            var (status, text) = await emulator.RawAsync(HttpMethod.Post, "api/send-typing-indicator", body);

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400));
                Assert.That(text, Is.EqualTo($$"""{"status":"ERROR","error_message":"{{error}}"}"""));
            });
        }

        [Test]
        public async Task AnInjected503_IsRetried_ForATypingIndicatorRetriesLikeARead()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient();
            emulator.Faults.FailNext(EmulatorOperation.SendTypingIndicator, 1, 503);

            var answer = await client.TypingIndicators.SendAsync(new SendTypingIndicatorRequest { FromNumber = EmulatorFixture.From, Number = EmulatorFixture.To });

            Assert.Multiple(() =>
            {
                Assert.That(answer.Status, Is.EqualTo(TypingIndicatorStatus.Sent));
                Assert.That(emulator.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 503, 200 }));
                Assert.That(emulator.Requests.Select(r => r.Operation), Is.All.EqualTo(EmulatorOperation.SendTypingIndicator));
                Assert.That(emulator.TypingIndicators, Has.Count.EqualTo(1));
            });
        }
    }
}
