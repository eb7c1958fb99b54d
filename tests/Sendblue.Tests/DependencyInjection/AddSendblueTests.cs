using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Sendblue.Testing;
using Sendblue.Tests.Http;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.DependencyInjection
{
    /// <summary>
    /// services.AddSendblue: options bound and validated with errors naming the key to set, every
    /// resource client registered, and calls going through an IHttpClientFactory client that keeps
    /// the SDK's own retries, redirects, credential scoping and per-attempt timeout.
    /// </summary>
    public class AddSendblueTests
    {
        private static IConfigurationSection Section(IDictionary<string, string?> values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Sendblue");

        private static IConfigurationSection Section(SendblueEmulator emulator, int maxRetries = 2) => Section(new Dictionary<string, string?>
        {
            ["Sendblue:ApiKey"] = emulator.ApiKey,
            ["Sendblue:ApiSecret"] = emulator.ApiSecret,
            ["Sendblue:BaseUrl"] = emulator.BaseUrl.ToString(),
            ["Sendblue:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sendblue:Timeout"] = "00:00:10",
        });

        /// <summary>Backoff that costs the suite nothing (RetryBaseDelay is internal: not a configuration key).</summary>
        private static IServiceCollection FastRetries(IServiceCollection services) =>
            services.Configure<SendblueClientOptions>(o => o.RetryBaseDelay = Loopback.FastBackoff);

        [Test]
        public async Task FromConfiguration_SendsThroughTheEmulator_WithCredentialsAndUserAgent()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var services = new ServiceCollection();
            services.AddSendblue(Section(emulator));
            await using var provider = services.BuildServiceProvider(validateScopes: true);

            var messages = provider.GetRequiredService<IMessagesClient>();
            var sent = await messages.SendAsync(Operations.NewRequest());

            var request = emulator.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(sent.Status, Is.EqualTo(MessageStatus.Queued));
                Assert.That(request.Method + " " + request.Path, Is.EqualTo("POST /api/send-message"));
                Assert.That(request.StatusCode, Is.EqualTo(200));
                Assert.That(request.Header("sb-api-key-id"), Is.EqualTo(emulator.ApiKey));
                Assert.That(request.Header("User-Agent"), Is.EqualTo(SendblueClient.UserAgent));
            });
        }

        [Test]
        public async Task InCode_ConfiguresTheSameClient()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var services = new ServiceCollection();
            services.AddSendblue(o =>
            {
                o.ApiKey = emulator.ApiKey;
                o.ApiSecret = emulator.ApiSecret;
                o.BaseUrl = emulator.BaseUrl;
            });
            await using var provider = services.BuildServiceProvider();

            var status = await provider.GetRequiredService<ISendblueClient>().Messages.GetStatusAsync(
                (await provider.GetRequiredService<IMessagesClient>().SendAsync(Operations.NewRequest())).MessageHandle!);

            Assert.That(status.Status, Is.EqualTo(MessageStatus.Queued));
        }

        [Test]
        public async Task EveryInterfacePropertyOfISendblueClient_IsRegistered_AsThatClientsResource()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var services = new ServiceCollection();
            services.AddSendblue(Section(emulator));
            await using var provider = services.BuildServiceProvider();

            var resources = typeof(ISendblueClient).GetProperties().Where(p => p.PropertyType.IsInterface).ToList();
            Assert.That(resources.Select(p => p.Name), Does.Contain("Messages"));
            var client = provider.GetRequiredService<ISendblueClient>();
            Assert.Multiple(() =>
            {
                Assert.That(client, Is.TypeOf<SendblueClient>());
                foreach (var resource in resources)
                {
                    var registered = provider.GetService(resource.PropertyType);
                    Assert.That(registered, Is.Not.Null, resource.PropertyType.Name);
                    Assert.That(registered!.GetType(), Is.EqualTo(resource.GetValue(client)!.GetType()), resource.PropertyType.Name);
                }
            });
        }

        [Test]
        public async Task AReadAnswered503_IsRetried_ASendIsNot()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var services = FastRetries(new ServiceCollection());
            services.AddSendblue(Section(emulator));
            await using var provider = services.BuildServiceProvider();
            var messages = provider.GetRequiredService<IMessagesClient>();
            var handle = (await messages.SendAsync(Operations.NewRequest())).MessageHandle!;
            emulator.ClearRequests();

            emulator.Faults.FailNext(EmulatorOperation.GetStatus, 1, 503);
            var status = await messages.GetStatusAsync(handle);
            emulator.Faults.FailNext(EmulatorOperation.Send, 1, 503);
            var ex = Assert.ThrowsAsync<SendblueServerException>(() => messages.SendAsync(Operations.NewRequest()));

            Assert.Multiple(() =>
            {
                Assert.That(status.MessageHandle, Is.EqualTo(handle));
                Assert.That(ex!.StatusCode, Is.EqualTo(503));
                Assert.That(emulator.Requests.Select(r => $"{r.Method} {r.Path} {r.StatusCode}"), Is.EqualTo(new[]
                {
                    "GET /api/status 503",
                    "GET /api/status 200",
                    "POST /api/send-message 503",
                }));
            });
        }

        [Test]
        public async Task CalledTwice_RegistersTheSdksStepsOnce()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var services = FastRetries(new ServiceCollection());
            services.AddSendblue(Section(emulator));
            services.AddSendblue(o => o.MaxRetries = 1);
            await using var provider = services.BuildServiceProvider();

            emulator.Faults.FailNext(EmulatorOperation.GetStatus, 10, 503);
            Assert.ThrowsAsync<SendblueServerException>(() => provider.GetRequiredService<IMessagesClient>().GetStatusAsync("h-1"));

            // Nested retry steps would multiply the attempts; the later call's MaxRetries = 1 applies.
            Assert.That(emulator.Requests, Has.Count.EqualTo(2));
        }

        [Test]
        public async Task EachAttempt_IsTimed_AndAReadIsRetriedAfterATimeout()
        {
            await using var server = new LoopbackServer((_, i) => i == 0 ? new LoopbackResponse { Delay = TimeSpan.FromSeconds(5) } : Loopback.Ok());
            var services = FastRetries(new ServiceCollection());
            services.AddSendblue(o =>
            {
                o.ApiKey = MockHttp.Key;
                o.ApiSecret = MockHttp.Secret;
                o.BaseUrl = server.BaseUrl;
                o.Timeout = TimeSpan.FromMilliseconds(300);
            });
            await using var provider = services.BuildServiceProvider();

            var status = await provider.GetRequiredService<IMessagesClient>().GetStatusAsync("h-1");

            Assert.Multiple(() =>
            {
                Assert.That(status.MessageHandle, Is.Not.Null);
                Assert.That(server.Requests, Has.Count.EqualTo(2));
            });
        }

        [Test]
        public async Task ASendThatRunsOutOfTime_IsASendblueTimeoutException_NotRetried()
        {
            await using var server = new LoopbackServer(_ => new LoopbackResponse { Delay = TimeSpan.FromSeconds(5) });
            var services = new ServiceCollection();
            services.AddSendblue(o =>
            {
                o.ApiKey = MockHttp.Key;
                o.ApiSecret = MockHttp.Secret;
                o.BaseUrl = server.BaseUrl;
                o.Timeout = TimeSpan.FromMilliseconds(200);
            });
            await using var provider = services.BuildServiceProvider();

            Assert.ThrowsAsync<SendblueTimeoutException>(() => provider.GetRequiredService<IMessagesClient>().SendAsync(Loopback.Send()));
            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }

        [Test]
        public async Task ARedirectToAnotherOrigin_CarriesNoCredentials_AndAUserHandlerSeesEachHopInsideTheSdksSteps()
        {
            await using var elsewhere = new LoopbackServer(_ => Loopback.Ok());
            await using var api = new LoopbackServer(_ =>
                new LoopbackResponse { Status = 307 }.With("Location", $"{elsewhere.BaseUrl}api/status?handle=elsewhere"));
            var seen = new ConcurrentQueue<string>();
            var services = new ServiceCollection();
            services.AddSendblue(o =>
                {
                    o.ApiKey = MockHttp.Key;
                    o.ApiSecret = MockHttp.Secret;
                    o.BaseUrl = api.BaseUrl;
                })
                .AddHttpMessageHandler(() => new Recorder(request =>
                    seen.Enqueue($"{request.RequestUri!.Port} key={request.Headers.Contains("sb-api-key-id")} agent={request.Headers.UserAgent}")));
            await using var provider = services.BuildServiceProvider();

            await provider.GetRequiredService<IMessagesClient>().GetStatusAsync("h-1");

            Assert.Multiple(() =>
            {
                Assert.That(api.Requests.Single().Header("sb-api-key-id"), Is.EqualTo(MockHttp.Key));
                Assert.That(elsewhere.Requests.Single().Header("sb-api-key-id"), Is.Null);
                Assert.That(elsewhere.Requests.Single().Header("sb-api-secret-key"), Is.Null);
                Assert.That(seen, Is.EqualTo(new[]
                {
                    $"{api.BaseUrl.Port} key=True agent={SendblueClient.UserAgent}",
                    $"{elsewhere.BaseUrl.Port} key=False agent={SendblueClient.UserAgent}",
                }));
            });
        }

        [Test]
        public async Task TheSdkLogsThroughTheContainersLoggers_AndTheFactorysOwnLinesAreOff()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var logs = new CapturingLoggerProvider();
            var services = FastRetries(new ServiceCollection());
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            services.AddSendblue(Section(emulator));
            await using var provider = services.BuildServiceProvider();

            emulator.Faults.FailNext(EmulatorOperation.List, 1, 503);
            await provider.GetRequiredService<IMessagesClient>().ListAsync(new MessageListQuery { Number = "+19998887777" });

            Assert.Multiple(() =>
            {
                Assert.That(logs.Sdk.Select(l => l.Level), Is.EqualTo(new[] { LogLevel.Debug, LogLevel.Information, LogLevel.Debug }));
                Assert.That(logs.Sdk[0].Message, Does.Match(@"GET /api/v2/messages\?number=\* answered 503 in \d+\.\d ms$"));
                // The factory's "Sending HTTP request GET http://...?number=%2B1999..." would show the number.
                Assert.That(logs.Lines.Where(l => l.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)), Is.Empty);
                Assert.That(logs.Lines.Select(l => l.Message), Has.None.Contains("9998887777"));
            });
        }

        [Test]
        public async Task WithoutAnApiKey_TheHostFailsToStart_NamingTheConfigurationKey()
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Sendblue:ApiSecret"] = "the-secret-value" });
            builder.Services.AddSendblue(builder.Configuration.GetSection("Sendblue"));
            using var host = builder.Build();

            var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Multiple(() =>
            {
                Assert.That(ex!.Message, Is.EqualTo(
                    "No Sendblue API key: set the configuration key Sendblue:ApiKey (in appsettings.json, user secrets or the environment variable Sendblue__ApiKey), or the SENDBLUE_API_API_KEY environment variable."));
                Assert.That(ex.Message, Does.Not.Contain("the-secret-value"));
            });
        }

        [Test]
        public void WithoutAnApiSecret_InCode_ResolvingTheClientFails_NamingTheOption()
        {
            var services = new ServiceCollection();
            services.AddSendblue(o => o.ApiKey = "the-key-value");
            using var provider = services.BuildServiceProvider();

            var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMessagesClient>());

            Assert.That(ex!.Message, Is.EqualTo(
                "No Sendblue API secret: set SendblueClientOptions.ApiSecret in AddSendblue(options => ...), or the SENDBLUE_API_API_SECRET environment variable."));
        }

        [Test]
        public void AnOptionOutOfRange_IsReportedAtStartToo()
        {
            var services = new ServiceCollection();
            services.AddSendblue(Section(new Dictionary<string, string?>
            {
                ["Sendblue:ApiKey"] = "k",
                ["Sendblue:ApiSecret"] = "s",
                ["Sendblue:MaxRetries"] = "-1",
            }));
            using var provider = services.BuildServiceProvider();

            var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISendblueClient>());

            Assert.That(ex!.Message, Is.EqualTo("SendblueClientOptions.MaxRetries must be 0 or more; it is -1."));
        }

        [Test]
        public void ReturnsTheBuilderOfTheNamedFactoryClient()
        {
            var services = new ServiceCollection();

            var builder = services.AddSendblue(o => { });

            Assert.Multiple(() =>
            {
                Assert.That(builder.Name, Is.EqualTo(SendblueServiceCollectionExtensions.HttpClientName));
                Assert.That(builder.Name, Is.EqualTo("Sendblue"));
            });
        }

        /// <summary>A user's handler on the returned builder: records each request it passes on.</summary>
        private sealed class Recorder : DelegatingHandler
        {
            private readonly Action<HttpRequestMessage> _record;

            public Recorder(Action<HttpRequestMessage> record)
            {
                _record = record;
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                _record(request);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
