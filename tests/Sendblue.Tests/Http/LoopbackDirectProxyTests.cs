using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.Loader;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Http
{
    /// <summary>
    /// The SDK's transport reaches loopback directly and everything else through the machine's proxy,
    /// in both builds of the SDK: the net8.0 one these tests reference, and the netstandard2.0 one that
    /// net6, net7 and .NET Framework applications load, which is copied to <c>netstandard2.0/</c> beside
    /// the tests and loaded into a context of its own. The machine's proxy is a closed port on
    /// 127.0.0.1, as <c>http_proxy=http://127.0.0.1:&lt;closed port&gt;</c> makes
    /// <see cref="HttpClient.DefaultProxy"/>: what a .NET Core application's handlers use, and so what
    /// both builds must follow there. <see cref="WebRequest.DefaultWebProxy"/>, which only .NET
    /// Framework consults, names another proxy meanwhile, so that every case below would fail if the
    /// netstandard2.0 build read it instead.
    /// </summary>
    [TestFixture("net8.0")]
    [TestFixture("netstandard2.0")]
    [NonParallelizable]
    public class LoopbackDirectProxyTests
    {
        private static readonly Lazy<Assembly> NetStandardBuild = new(LoadNetStandardBuild);

        private readonly string _build;
        private IWebProxy _savedDefaultProxy = null!;
        private IWebProxy? _savedDefaultWebProxy;
        private WebProxy _machine = null!;

        public LoopbackDirectProxyTests(string build) => _build = build;

        private Assembly Sdk => _build == "net8.0" ? typeof(SendblueClient).Assembly : NetStandardBuild.Value;

        private Type WrapperType => Sdk.GetType("Sendblue.Http.LoopbackDirectProxy", throwOnError: true)!;

        /// <summary>A wrapper of the build under test, as each transport gets its own.</summary>
        private IWebProxy Wrapper => _wrapper ??= (IWebProxy)Activator.CreateInstance(WrapperType)!;

        private IWebProxy? _wrapper;

        private static IWebProxy ProxyOf(HttpMessageHandler transport) => (IWebProxy)transport.GetType().GetProperty("Proxy")!.GetValue(transport)!;

        [SetUp]
        public void PointTheMachinesProxyAtAClosedPort()
        {
            _wrapper = null;
            _savedDefaultProxy = HttpClient.DefaultProxy;
            _savedDefaultWebProxy = WebRequest.DefaultWebProxy;
            _machine = new WebProxy(new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}"));
            HttpClient.DefaultProxy = _machine;
            WebRequest.DefaultWebProxy = new WebProxy(new Uri("http://not-the-machines-proxy.invalid:3128"));
        }

        [TearDown]
        public void RestoreTheMachinesProxy()
        {
            HttpClient.DefaultProxy = _savedDefaultProxy;
            WebRequest.DefaultWebProxy = _savedDefaultWebProxy;
        }

        [Test]
        public void TheBuildUnderTest_IsTheOneNamed()
        {
            Assert.That(Sdk.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName, Is.EqualTo(_build == "net8.0" ? ".NETCoreApp,Version=v8.0" : ".NETStandard,Version=v2.0"));
        }

        [Test]
        public void TheTransport_UsesTheWrapperAsItsProxy()
        {
            using var transport = CreateTransport();

            Assert.Multiple(() =>
            {
                Assert.That(transport, Is.TypeOf(_build == "net8.0" ? typeof(SocketsHttpHandler) : typeof(HttpClientHandler)));
                Assert.That(transport.GetType().GetProperty("UseProxy")!.GetValue(transport), Is.True);
                Assert.That(ProxyOf(transport), Is.TypeOf(WrapperType));
            });
        }

        [Test]
        public void CredentialsSetOnOneTransportsProxy_DoNotReachAnotherTransport()
        {
            // Reachable by whoever configures the primary handler (ConfigurePrimaryHttpMessageHandler):
            // one client's proxy credentials must not become every client's, nor the emulator's.
            using var first = CreateTransport();
            using var second = CreateTransport();
            var ours = new NetworkCredential("ours", "o");

            ProxyOf(first).Credentials = ours;

            Assert.Multiple(() =>
            {
                Assert.That(ProxyOf(first), Is.Not.SameAs(ProxyOf(second)));
                Assert.That(ProxyOf(first).Credentials, Is.SameAs(ours));
                Assert.That(ProxyOf(second).Credentials, Is.Not.SameAs(ours));
            });
        }

        [Test]
        public async Task ALoopbackServer_IsReachedDirectly()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Status = 204 });
            using var http = new HttpClient(CreateTransport());

            using var response = await http.GetAsync(new Uri(server.BaseUrl, "direct"));

            Assert.Multiple(() =>
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(204));
                Assert.That(server.Requests, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public void ARemoteAddress_StillGoesThroughTheMachinesProxy()
        {
            using var http = new HttpClient(CreateTransport());

            // The proxy (a closed port) refuses: the transport tried it, not DNS for sendblue.invalid.
            var ex = Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://sendblue.invalid/")));
            Assert.Multiple(() =>
            {
                Assert.That(SocketErrors.Find(ex), Is.EqualTo(SocketError.ConnectionRefused), ex!.ToString());
                Assert.That(ex!.ToString(), Does.Contain(_machine.Address!.Authority));
            });
        }

        [TestCase("http://127.0.0.1:5000/accounts")]
        [TestCase("http://[::1]:5000/accounts")]
        [TestCase("http://localhost:5000/accounts")]
        public void TheWrapper_ForLoopback_NamesNoProxy(string destination)
        {
            var uri = new Uri(destination);

            Assert.Multiple(() =>
            {
                Assert.That(Wrapper.GetProxy(uri), Is.Null);
                Assert.That(Wrapper.IsBypassed(uri), Is.True);
            });
        }

        [Test]
        public void TheWrapper_ForARemoteAddress_NamesTheMachinesProxy()
        {
            var uri = new Uri("https://api.sendblue.co/api/send-message");

            Assert.Multiple(() =>
            {
                Assert.That(Wrapper.GetProxy(uri), Is.EqualTo(_machine.Address));
                Assert.That(Wrapper.IsBypassed(uri), Is.False);
            });
        }

        [Test]
        public void TheWrapper_FollowsTheMachinesBypassList()
        {
            _machine.BypassList = new[] { @"internal\.example" };
            var uri = new Uri("http://internal.example/");

            Assert.That(Wrapper.IsBypassed(uri), Is.True);
        }

        [Test]
        public void CredentialsSetOnTheWrapper_StayOnTheWrapper()
        {
            var machines = new NetworkCredential("machine", "m");
            var ours = new NetworkCredential("ours", "o");
            _machine.Credentials = machines;

            Assert.That(Wrapper.Credentials, Is.SameAs(machines), "unset, the wrapper's are the machine's");
            Wrapper.Credentials = ours;
            Assert.Multiple(() =>
            {
                Assert.That(Wrapper.Credentials, Is.SameAs(ours));
                Assert.That(_machine.Credentials, Is.SameAs(machines));
            });
        }

        private static Assembly LoadNetStandardBuild()
        {
            var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "netstandard2.0", "Sendblue.dll");
            Assert.That(File.Exists(path), Is.True, $"{path} is missing: the test project copies the SDK's netstandard2.0 build there when it builds");

            // Its dependencies (netstandard, System.Net.Http, Kiota, ...) come from the default context.
            return new AssemblyLoadContext("Sendblue netstandard2.0").LoadFromAssemblyPath(path);
        }

        private HttpMessageHandler CreateTransport() => (HttpMessageHandler)Sdk.GetType("Sendblue.Http.SendbluePipeline", throwOnError: true)!
            .GetMethod("CreateTransport", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, null)!;
    }
}
