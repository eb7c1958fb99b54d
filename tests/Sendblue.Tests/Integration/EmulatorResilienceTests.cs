using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>The SDK's retry rules against the emulator's rate limit and injected faults.</summary>
    public class EmulatorResilienceTests
    {
        [Test]
        public async Task ARateLimitedList_IsWaitedOutThroughRetryAfter_AndSucceeds()
        {
            await using var emulator = await EmulatorFixture.StartAsync(new SendblueEmulatorOptions
            {
                ListRateLimit = 2,
                ListRateLimitWindow = TimeSpan.FromSeconds(1),
            });
            using var client = emulator.FastClient();

            await client.Messages.ListAsync();
            await client.Messages.ListAsync();
            var third = await client.Messages.ListAsync();

            var statuses = emulator.Requests.Select(r => r.StatusCode).ToList();
            var limited = emulator.Requests.First(r => r.StatusCode == 429);
            Assert.Multiple(() =>
            {
                Assert.That(third.Status, Is.EqualTo("OK"));
                Assert.That(statuses.Take(3), Is.EqualTo(new[] { 200, 200, 429 }));
                Assert.That(statuses.Last(), Is.EqualTo(200));
                Assert.That(limited.Operation, Is.EqualTo(EmulatorOperation.List));
            });
        }

        [Test]
        public async Task ARateLimitThatOutlastsTheRetries_SurfacesAsRateLimitException_WithRetryAfter()
        {
            await using var emulator = await EmulatorFixture.StartAsync(new SendblueEmulatorOptions
            {
                ListRateLimit = 1,
                ListRateLimitWindow = TimeSpan.FromMinutes(5),
            });
            using var client = emulator.FastClient();

            await client.Messages.ListAsync();
            var ex = Assert.ThrowsAsync<SendblueRateLimitException>(() => client.Messages.ListAsync());

            Assert.Multiple(() =>
            {
                Assert.That(ex!.RetryAfter, Is.GreaterThan(TimeSpan.FromSeconds(60)));
                Assert.That(emulator.Requests, Has.Count.EqualTo(2), "a Retry-After over 60 s is not waited out");
            });
        }

        [Test]
        public async Task Injected503s_OnAGet_AreRecovered()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient();
            var handle = (await client.Messages.SendAsync(EmulatorFixture.Hello())).MessageHandle!;
            emulator.ClearRequests();
            emulator.Faults.FailNext(EmulatorOperation.GetStatus, 2, 503);

            var status = await client.Messages.GetStatusAsync(handle);

            Assert.Multiple(() =>
            {
                Assert.That(status.MessageHandle, Is.EqualTo(handle));
                Assert.That(emulator.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 503, 503, 200 }));
            });
        }

        [Test]
        public async Task AnInjected503_OnASend_IsNotRetried()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient();
            emulator.Faults.FailNext(EmulatorOperation.Send, 1, 503);

            var ex = Assert.ThrowsAsync<SendblueServerException>(() => client.Messages.SendAsync(EmulatorFixture.Hello()));

            Assert.Multiple(() =>
            {
                Assert.That(ex!.StatusCode, Is.EqualTo(503));
                Assert.That(emulator.Requests.Count(r => r.Operation == EmulatorOperation.Send), Is.EqualTo(1));
                Assert.That(emulator.Messages, Is.Empty);
            });
        }

        [Test]
        public async Task AnInjected429_OnASend_IsRetried_AndSendsOnce()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient();
            emulator.Faults.FailNext(EmulatorOperation.Send, 1, 429, TimeSpan.FromSeconds(1));

            var sent = await client.Messages.SendAsync(EmulatorFixture.Hello());

            Assert.Multiple(() =>
            {
                Assert.That(emulator.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 429, 200 }));
                Assert.That(emulator.Messages.Single().MessageHandle, Is.EqualTo(sent.MessageHandle));
            });
        }

        [Test]
        public async Task ADroppedConnection_OnAGet_IsRecovered()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient();
            var handle = (await client.Messages.SendAsync(EmulatorFixture.Hello())).MessageHandle!;
            emulator.ClearRequests();
            emulator.Faults.DropNext(EmulatorOperation.Get);

            var one = await client.Messages.GetAsync(handle);

            Assert.Multiple(() =>
            {
                Assert.That(one.Data!.MessageHandle, Is.EqualTo(handle));
                Assert.That(emulator.Requests.Select(r => r.StatusCode), Is.EqualTo(new[] { 0, 200 }));
            });
        }

        [Test]
        public async Task ADroppedConnection_OnASend_IsAConnectionError_NotRetried()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient();
            emulator.Faults.DropNext(EmulatorOperation.Send);

            Assert.ThrowsAsync<SendblueConnectionException>(() => client.Messages.SendAsync(EmulatorFixture.Hello()));

            Assert.That(emulator.Requests.Count(r => r.Operation == EmulatorOperation.Send), Is.EqualTo(1));
        }

        [Test]
        public async Task ADelayedSend_BeyondTheTimeout_IsATimeout_NotRetried()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient(o => o.Timeout = TimeSpan.FromMilliseconds(300));
            emulator.Faults.DelayNext(EmulatorOperation.Send, 1, TimeSpan.FromSeconds(3));

            Assert.ThrowsAsync<SendblueTimeoutException>(() => client.Messages.SendAsync(EmulatorFixture.Hello()));

            // The held send is recorded once the client has given up on it; a POST sent again after the
            // timeout would be answered at once, so it would be recorded by then too.
            await RecordedAsync(emulator, EmulatorOperation.Send, atLeast: 1);
            await Task.Delay(200);
            Assert.That(emulator.Requests.Count(r => r.Operation == EmulatorOperation.Send), Is.EqualTo(1), "the send reached the emulator once");
        }

        [Test]
        public async Task ADelayedGet_BeyondTheTimeout_IsRetried_AndSucceeds()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient(o => o.Timeout = TimeSpan.FromMilliseconds(300));
            emulator.Faults.DelayNext(EmulatorOperation.List, 1, TimeSpan.FromSeconds(3));

            var page = await client.Messages.ListAsync();

            // Two attempts: the held one (recorded once the client gave up on it) and the retry that was answered.
            var lists = await RecordedAsync(emulator, EmulatorOperation.List, atLeast: 2);
            Assert.Multiple(() =>
            {
                Assert.That(page.Status, Is.EqualTo("OK"));
                Assert.That(lists, Has.Count.EqualTo(2), "the timed-out list was sent again");
                Assert.That(lists.Select(r => r.StatusCode), Has.Some.EqualTo(200));
            });
        }

        /// <summary>
        /// The requests of an operation the emulator has recorded, once there are <paramref name="atLeast"/>
        /// of them or after a few seconds: a request held by DelayNext is recorded only when it ends
        /// (the client went away, or the delay ran out).
        /// </summary>
        private static async Task<IReadOnlyList<EmulatedRequest>> RecordedAsync(SendblueEmulator emulator, EmulatorOperation operation, int atLeast)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (true)
            {
                var recorded = emulator.Requests.Where(r => r.Operation == operation).ToList();
                if (recorded.Count >= atLeast || DateTime.UtcNow > deadline)
                {
                    return recorded;
                }

                await Task.Delay(20);
            }
        }

        [Test]
        public async Task AnInjected503_OnAGroupSend_IsNotRetried_ForAGroupSendIsASend()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient();
            emulator.Faults.FailNext(EmulatorOperation.SendGroupMessage, 1, 503);

            var ex = Assert.ThrowsAsync<SendblueServerException>(() => client.Groups.SendMessageAsync(new SendGroupMessageRequest
            {
                FromNumber = EmulatorFixture.From,
                Numbers = new List<string> { EmulatorFixture.To, "+18887776666" },
                Content = "Dinner at 8?",
            }));

            Assert.Multiple(() =>
            {
                Assert.That(ex!.StatusCode, Is.EqualTo(503));
                Assert.That(emulator.Requests.Select(r => r.Operation), Is.EqualTo(new EmulatorOperation?[] { EmulatorOperation.SendGroupMessage }));
                Assert.That(emulator.Messages, Is.Empty);
                Assert.That(emulator.Groups, Is.Empty, "a failed send makes no group");
            });
        }

        [Test]
        public async Task InjectedFaults_OnContactReadsAndChanges_AreRecovered_ForTheyRetryAsReads()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.FastClient();
            emulator.AddContact(new EmulatedContact { Phone = EmulatorFixture.To, FirstName = "Ada" });
            emulator.Faults.FailNext(EmulatorOperation.GetContact, 1, 502);
            emulator.Faults.DropNext(EmulatorOperation.UpdateContact);

            var read = await client.Contacts.GetAsync(EmulatorFixture.To);
            var updated = await client.Contacts.UpdateAsync(EmulatorFixture.To, new UpdateContactRequest { LastName = "Lovelace" });

            Assert.Multiple(() =>
            {
                Assert.That(read.Contact!.FirstName, Is.EqualTo("Ada"));
                Assert.That(updated.Contact!.LastName, Is.EqualTo("Lovelace"));
                Assert.That(emulator.Requests.Select(r => (r.Operation, r.StatusCode)), Is.EqualTo(new (EmulatorOperation?, int)[]
                {
                    (EmulatorOperation.GetContact, 502), (EmulatorOperation.GetContact, 200),
                    (EmulatorOperation.UpdateContact, 0), (EmulatorOperation.UpdateContact, 200),
                }));
            });
        }

        [Test]
        public void Faults_RefuseNonsense()
        {
            var faults = new EmulatorFaults();
            Assert.Multiple(() =>
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailNext(EmulatorOperation.Send, 1, 200));
                Assert.Throws<ArgumentOutOfRangeException>(() => faults.FailNext(EmulatorOperation.Send, 0, 503));
                Assert.Throws<ArgumentOutOfRangeException>(() => faults.DelayNext(EmulatorOperation.Send, 1, TimeSpan.FromSeconds(-1)));
            });
        }
    }
}
