using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Http
{
    /// <summary>The user agent as it reaches a real server, on the SDK's own pipeline and on a brought client.</summary>
    public class UserAgentTests
    {
        [Test]
        public void UserAgent_IsTheProductAndTheSdkVersion()
        {
            Assert.Multiple(() =>
            {
                Assert.That(SendblueClient.SdkVersion, Does.Match(@"^\d+\.\d+\.\d+"));
                Assert.That(SendblueClient.UserAgent, Is.EqualTo("sendblue-dotnet/" + SendblueClient.SdkVersion));
            });
        }

        [Test]
        public async Task EveryRequest_CarriesTheSdkUserAgent_OnTheWire()
        {
            await using var server = new LoopbackServer((_, i) => i == 0 ? Loopback.Error(429).With("Retry-After", "0") : Loopback.Ok());
            using var client = Loopback.Client(server);

            await client.Messages.SendAsync(Loopback.Send());

            Assert.That(server.Requests, Has.Count.EqualTo(2));
            Assert.That(server.Requests, Has.All.Matches<RecordedRequest>(
                r => r.Header("User-Agent")!.Contains("sendblue-dotnet/" + SendblueClient.SdkVersion)));
        }

        [Test]
        public async Task BroughtHttpClient_RequestsCarryTheSdkUserAgent()
        {
            await using var server = new LoopbackServer(_ => Loopback.Ok());
            using var http = new HttpClient();
            using var client = new SendblueClient(Loopback.Options(server.BaseUrl), http);

            await client.Messages.GetStatusAsync("h");

            Assert.That(server.Requests[0].Header("User-Agent"), Does.Contain("sendblue-dotnet/" + SendblueClient.SdkVersion));
        }
    }
}
