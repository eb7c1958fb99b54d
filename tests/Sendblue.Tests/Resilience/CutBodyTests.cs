using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// An answer whose body stops short of its Content-Length (the connection drops after the
    /// headers) is a connection failure: a read tries again, a send does not (the server has
    /// answered, so it had the message).
    /// </summary>
    public class CutBodyTests
    {
        private static async Task CutShortAsync(HostileExchange x)
        {
            await x.WriteHeadAsync(200, "OK", "Content-Type: application/json", "Content-Length: 200");
            await x.WriteAsync("{\"message_handle\":");
            x.Close();
        }

        [Test]
        public async Task AReadWhoseBodyIsCutShort_IsRetried_AndTheNextAnswerIsRead()
        {
            await using var server = new HostileServer(x => x.Index == 0
                ? CutShortAsync(x)
                : x.RespondAsync(200, $$"""{"message_handle":"{{Hostile.Handle}}","status":"DELIVERED"}"""));
            using var client = Hostile.Client(server, maxRetries: 2);

            var status = await client.Messages.GetStatusAsync(Hostile.Handle);

            Assert.Multiple(() =>
            {
                Assert.That(status.Status, Is.EqualTo(MessageStatus.Delivered));
                Assert.That(server.Requests, Has.Count.EqualTo(2));
            });
        }

        [Test]
        public async Task AReadWhoseBodyIsAlwaysCutShort_EndsAsAConnectionFailure_AfterEveryAttempt()
        {
            await using var server = new HostileServer(CutShortAsync);
            using var client = Hostile.Client(server, maxRetries: 2);

            Assert.ThrowsAsync<SendblueConnectionException>(() => client.Messages.GetStatusAsync(Hostile.Handle));
            Assert.That(server.Requests, Has.Count.EqualTo(3));
        }

        [Test]
        public async Task ASendWhoseBodyIsCutShort_IsNotSentAgain()
        {
            await using var server = new HostileServer(CutShortAsync);
            using var client = Hostile.Client(server, maxRetries: 2);

            Assert.ThrowsAsync<SendblueConnectionException>(() => client.Messages.SendAsync(Http.Loopback.Send()));
            Assert.That(server.Requests.Count(r => r.Method == "POST"), Is.EqualTo(1));
        }
    }
}
