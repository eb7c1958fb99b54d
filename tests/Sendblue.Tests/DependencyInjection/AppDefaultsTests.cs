using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Polly;
using Sendblue.Testing;
using Sendblue.Tests.Http;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.DependencyInjection
{
    /// <summary>
    /// What an application's own defaults do to the SDK's client: a resilience handler from
    /// ConfigureHttpClientDefaults (.NET Aspire's AddServiceDefaults) must not retry a send, an empty
    /// configuration key must not hide the environment variable, and clients resolved from the root
    /// must not pile up.
    /// </summary>
    [NonParallelizable]
    public class AppDefaultsTests
    {
        private static IConfigurationSection Section(IDictionary<string, string?> values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Sendblue");

        private static IConfigurationSection Section(SendblueEmulator emulator) => Section(new Dictionary<string, string?>
        {
            ["Sendblue:ApiKey"] = emulator.ApiKey,
            ["Sendblue:ApiSecret"] = emulator.ApiSecret,
            ["Sendblue:BaseUrl"] = emulator.BaseUrl.ToString(),
        });

        public enum Defaults
        {
            StandardResilienceHandler,
            PollyRetryPolicy,
        }

        [Test]
        public async Task ARetryHandlerOfTheAppsDefaults_DoesNotSendAMessageTwice_NorRetryAReadTwice([Values] Defaults defaults)
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var services = new ServiceCollection();
            services.ConfigureHttpClientDefaults(http =>
            {
                if (defaults == Defaults.StandardResilienceHandler)
                {
                    http.AddStandardResilienceHandler();
                }
                else
                {
                    http.AddTransientHttpErrorPolicy(policy => policy.RetryAsync(3));
                }
            });
            services.AddSendblue(Section(emulator));
            services.Configure<SendblueClientOptions>(o => o.RetryBaseDelay = Loopback.FastBackoff);
            await using var provider = services.BuildServiceProvider();
            var messages = provider.GetRequiredService<IMessagesClient>();

            emulator.Faults.FailNext(EmulatorOperation.Send, 1, 500);
            var ex = Assert.ThrowsAsync<SendblueServerException>(() => messages.SendAsync(Operations.NewRequest()));
            emulator.Faults.FailNext(EmulatorOperation.GetStatus, 10, 503);
            Assert.ThrowsAsync<SendblueServerException>(() => messages.GetStatusAsync("h-1"));

            Assert.Multiple(() =>
            {
                Assert.That(ex!.StatusCode, Is.EqualTo(500));
                Assert.That(emulator.Requests.Select(r => $"{r.Method} {r.Path} {r.StatusCode}"), Is.EqualTo(new[]
                {
                    "POST /api/send-message 500",
                    // MaxRetries 2 of the SDK's own step, not multiplied by the defaults' retries.
                    "GET /api/status 503",
                    "GET /api/status 503",
                    "GET /api/status 503",
                }));
            });
        }

        [Test]
        public async Task AnEmptyConfigurationKey_LeavesTheEnvironmentVariableInForce()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var saved = new[] { "SENDBLUE_API_API_KEY", "SENDBLUE_API_API_SECRET", "SENDBLUE_API_BASE_URL" }.ToDictionary(n => n, Environment.GetEnvironmentVariable);
            try
            {
                Environment.SetEnvironmentVariable("SENDBLUE_API_API_KEY", emulator.ApiKey);
                Environment.SetEnvironmentVariable("SENDBLUE_API_API_SECRET", emulator.ApiSecret);
                Environment.SetEnvironmentVariable("SENDBLUE_API_BASE_URL", emulator.BaseUrl.ToString());
                var services = new ServiceCollection();
                // An appsettings.json template with the keys left empty.
                services.AddSendblue(Section(new Dictionary<string, string?> { ["Sendblue:ApiKey"] = "", ["Sendblue:ApiSecret"] = " ", ["Sendblue:BaseUrl"] = "" }));
                await using var provider = services.BuildServiceProvider();

                var options = provider.GetRequiredService<IOptions<SendblueClientOptions>>().Value;
                await provider.GetRequiredService<IMessagesClient>().SendAsync(Operations.NewRequest());

                Assert.Multiple(() =>
                {
                    Assert.That(options.ApiKey, Is.EqualTo(emulator.ApiKey));
                    Assert.That(options.ApiSecret, Is.EqualTo(emulator.ApiSecret));
                    Assert.That(options.BaseUrl, Is.EqualTo(emulator.BaseUrl));
                    Assert.That(emulator.Requests.Single().Path, Is.EqualTo("/api/send-message"));
                });
            }
            finally
            {
                foreach (var pair in saved)
                {
                    Environment.SetEnvironmentVariable(pair.Key, pair.Value);
                }
            }
        }

        [Test]
        public async Task ResourceClientsResolvedFromTheRoot_AreNotKeptByTheContainer()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var services = new ServiceCollection();
            services.AddSendblue(Section(emulator));
            await using var provider = services.BuildServiceProvider();

            var resolved = ResolveMany(provider, 200);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            Assert.That(resolved.Count(r => r.IsAlive), Is.Zero, "IMessagesClient instances the root provider still holds");
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static List<WeakReference> ResolveMany(IServiceProvider provider, int count) =>
            Enumerable.Range(0, count).Select(_ => new WeakReference(provider.GetRequiredService<IMessagesClient>())).ToList();
    }
}
