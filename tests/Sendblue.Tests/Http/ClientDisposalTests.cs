using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Http
{
    /// <summary>Disposing a client that owns its pipeline.</summary>
    public class ClientDisposalTests
    {
        [Test]
        public async Task Dispose_OnTheSdksOwnPipeline_CanBeCalledTwice()
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            var client = Loopback.Client(server);
            await client.Messages.GetStatusAsync("h");

            client.Dispose();

            Assert.DoesNotThrow(client.Dispose);
            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }

        [Test]
        public void Dispose_OfAnUnusedClient_CanBeCalledTwice()
        {
            var client = new SendblueClient(MockHttp.Options());

            client.Dispose();

            Assert.DoesNotThrow(client.Dispose);
        }
    }
}
