using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Client
{
    /// <summary>Options, their environment defaults, and the clear errors when something is missing.</summary>
    [NonParallelizable]
    public class ClientOptionsTests
    {
        private static readonly string[] Variables =
        {
            "SENDBLUE_API_API_KEY",
            "SENDBLUE_API_API_SECRET",
            "SENDBLUE_API_BASE_URL",
        };

        private Dictionary<string, string?> _saved = null!;

        [SetUp]
        public void ClearEnvironment()
        {
            _saved = new Dictionary<string, string?>();
            foreach (var name in Variables)
            {
                _saved[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        [TearDown]
        public void RestoreEnvironment()
        {
            foreach (var pair in _saved)
            {
                Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            }
        }

        [Test]
        public void Defaults_WithNoEnvironment()
        {
            var options = new SendblueClientOptions();

            Assert.Multiple(() =>
            {
                Assert.That(options.ApiKey, Is.Null);
                Assert.That(options.ApiSecret, Is.Null);
                Assert.That(options.BaseUrl, Is.EqualTo(new Uri("https://api.sendblue.co")));
                Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
                Assert.That(options.MaxRetries, Is.EqualTo(2));
            });
        }

        [Test]
        public void Defaults_ComeFromTheEnvironmentVariablesOfTheOfficialSdks()
        {
            Environment.SetEnvironmentVariable("SENDBLUE_API_API_KEY", "env-key");
            Environment.SetEnvironmentVariable("SENDBLUE_API_API_SECRET", "env-secret");
            Environment.SetEnvironmentVariable("SENDBLUE_API_BASE_URL", "http://127.0.0.1:9/");

            var options = new SendblueClientOptions();

            Assert.Multiple(() =>
            {
                Assert.That(options.ApiKey, Is.EqualTo("env-key"));
                Assert.That(options.ApiSecret, Is.EqualTo("env-secret"));
                Assert.That(options.BaseUrl, Is.EqualTo(new Uri("http://127.0.0.1:9/")));
            });
        }

        [Test]
        public async Task DefaultConstructor_ReadsTheEnvironment_AndSendsItsCredentialsToItsBaseUrl()
        {
            await using var server = new LoopbackServer(_ => LoopbackResponse.Json(Payloads.MessageResponse));
            Environment.SetEnvironmentVariable("SENDBLUE_API_API_KEY", "env-key");
            Environment.SetEnvironmentVariable("SENDBLUE_API_API_SECRET", "env-secret");
            Environment.SetEnvironmentVariable("SENDBLUE_API_BASE_URL", server.BaseUrl.ToString());

            using var client = new SendblueClient();
            var status = await client.Messages.GetStatusAsync("h-1");

            var request = server.Requests[0];
            Assert.Multiple(() =>
            {
                Assert.That(status.Status, Is.EqualTo(MessageStatus.Queued));
                Assert.That(request.Target, Is.EqualTo("/api/status?handle=h-1"));
                Assert.That(request.Header("sb-api-key-id"), Is.EqualTo("env-key"));
                Assert.That(request.Header("sb-api-secret-key"), Is.EqualTo("env-secret"));
            });
        }

        [Test]
        public void MissingKey_FailsAtConstruction_NamingTheOptionAndTheVariable()
        {
            var ex = Assert.Throws<InvalidOperationException>(() => new SendblueClient(new SendblueClientOptions { ApiSecret = "s" }));
            Assert.That(ex!.Message, Is.EqualTo(
                "No Sendblue API key: set SendblueClientOptions.ApiKey or the SENDBLUE_API_API_KEY environment variable (and ApiSecret / SENDBLUE_API_API_SECRET)."));
        }

        [Test]
        public void MissingSecret_FailsAtConstruction_NamingTheOptionAndTheVariable()
        {
            var ex = Assert.Throws<InvalidOperationException>(() => new SendblueClient(new SendblueClientOptions { ApiKey = "k", ApiSecret = " " }));
            Assert.That(ex!.Message, Is.EqualTo(
                "No Sendblue API secret: set SendblueClientOptions.ApiSecret or the SENDBLUE_API_API_SECRET environment variable (and ApiKey / SENDBLUE_API_API_KEY)."));
        }

        [Test]
        public void DefaultConstructor_WithNothingInTheEnvironment_SaysWhatToSet()
        {
            var ex = Assert.Throws<InvalidOperationException>(() => new SendblueClient());
            Assert.That(ex!.Message, Does.Contain("SENDBLUE_API_API_KEY").And.Contain("SENDBLUE_API_API_SECRET"));
        }

        [Test]
        public void MissingKey_WithABroughtHttpClient_FailsToo()
        {
            using var http = new System.Net.Http.HttpClient();
            Assert.Throws<InvalidOperationException>(() => new SendblueClient(new SendblueClientOptions(), http));
        }

        [Test]
        public void NullOptions_ThrowArgumentNull()
        {
            var ex = Assert.Throws<ArgumentNullException>(() => new SendblueClient(null!));
            Assert.That(ex!.ParamName, Is.EqualTo("options"));
        }

        [Test]
        public void AnInvalidBaseUrlInTheEnvironment_FailsTheClient_SayingWhichVariableIsWrong()
        {
            Environment.SetEnvironmentVariable("SENDBLUE_API_BASE_URL", "api.sendblue.co");

            var options = new SendblueClientOptions { ApiKey = "key-123456", ApiSecret = "secret-123456" };
            var ex = Assert.Throws<InvalidOperationException>(() => new SendblueClient(options));
            Assert.That(ex!.Message, Is.EqualTo(
                "The SENDBLUE_API_BASE_URL environment variable must be an absolute http or https URL, such as https://api.sendblue.co/; it is 'api.sendblue.co'. Fix it, or set SendblueClientOptions.BaseUrl."));
        }

        [Test]
        public async Task AnInvalidBaseUrlInTheEnvironment_DoesNotMatter_WhenBaseUrlIsSet()
        {
            Environment.SetEnvironmentVariable("SENDBLUE_API_BASE_URL", "not a url");
            await using var server = new LoopbackServer(_ => LoopbackResponse.Json(Payloads.MessageResponse));

            using var client = new SendblueClient(new SendblueClientOptions { ApiKey = "key-123456", ApiSecret = "secret-123456", BaseUrl = server.BaseUrl });
            await client.Messages.GetStatusAsync("h");

            Assert.That(server.Requests, Has.Count.EqualTo(1));
        }

        private static IEnumerable<TestCaseData> BadOptions()
        {
            yield return new TestCaseData(new SendblueClientOptions { ApiKey = "k", ApiSecret = "s", BaseUrl = new Uri("/relative", UriKind.Relative) }, "SendblueClientOptions.BaseUrl must be an absolute http or https URL")
                .SetArgDisplayNames("relative BaseUrl");
            yield return new TestCaseData(new SendblueClientOptions { ApiKey = "k", ApiSecret = "s", BaseUrl = new Uri("ftp://example.com") }, "SendblueClientOptions.BaseUrl must be an absolute http or https URL")
                .SetArgDisplayNames("ftp BaseUrl");
            yield return new TestCaseData(new SendblueClientOptions { ApiKey = "k", ApiSecret = "s", Timeout = TimeSpan.Zero }, "SendblueClientOptions.Timeout must be positive or Timeout.InfiniteTimeSpan; it is 00:00:00.")
                .SetArgDisplayNames("zero Timeout");
            yield return new TestCaseData(new SendblueClientOptions { ApiKey = "k", ApiSecret = "s", MaxRetries = -1 }, "SendblueClientOptions.MaxRetries must be 0 or more; it is -1.")
                .SetArgDisplayNames("negative MaxRetries");
        }

        [TestCaseSource(nameof(BadOptions))]
        public void OutOfRangeOptions_FailAtConstruction(SendblueClientOptions options, string message)
        {
            var ex = Assert.Throws<InvalidOperationException>(() => new SendblueClient(options));
            Assert.That(ex!.Message, Does.StartWith(message));
        }

        [Test]
        public async Task InfiniteTimeout_IsAccepted_AndACallGoesThrough()
        {
            await using var server = new LoopbackServer(_ => LoopbackResponse.Json(Payloads.MessageResponse));
            using var client = new SendblueClient(new SendblueClientOptions { ApiKey = "k", ApiSecret = "s", BaseUrl = server.BaseUrl, Timeout = Timeout.InfiniteTimeSpan });

            var status = await client.Messages.GetStatusAsync("h-1");

            Assert.Multiple(() =>
            {
                Assert.That(status.Status, Is.EqualTo(MessageStatus.Queued));
                Assert.That(server.Requests, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public void ToString_OfOptionsAndClient_NeverShowsTheKeyOrTheSecret()
        {
            var options = new SendblueClientOptions { ApiKey = "key-AAAA-1234", ApiSecret = "secret-BBBB-5678" };
            using var client = new SendblueClient(options);

            Assert.Multiple(() =>
            {
                Assert.That(options.ToString(), Does.Not.Contain("key-AAAA-1234").And.Not.Contain("secret-BBBB-5678"));
                Assert.That(options.ToString(), Does.Contain("ApiKey = (set)").And.Contain("ApiSecret = (set)").And.Contain("https://api.sendblue.co"));
                Assert.That(client.ToString(), Does.Not.Contain("key-AAAA-1234").And.Not.Contain("secret-BBBB-5678"));
                Assert.That(new SendblueClientOptions().ToString(), Does.Contain("ApiKey = (not set)"));
            });
        }

        [Test]
        public async Task Options_AreCopiedAtConstruction_LaterChangesHaveNoEffect()
        {
            await using var server = new LoopbackServer(_ => LoopbackResponse.Json(Payloads.MessageResponse));
            var options = MockHttp.Options(server.BaseUrl);
            using var client = new SendblueClient(options);

            options.ApiKey = "changed";
            options.BaseUrl = new Uri("http://127.0.0.1:9");
            await client.Messages.GetStatusAsync("h");

            Assert.That(server.Requests[0].Header("sb-api-key-id"), Is.EqualTo(MockHttp.Key));
        }

        [Test]
        public void SdkVersion_IsTheBuildVersion_AndTheUserAgentCarriesIt()
        {
            var version = typeof(SendblueClient).Assembly.GetName().Version!;

            Assert.Multiple(() =>
            {
                Assert.That(SendblueClient.SdkVersion, Is.EqualTo(version.ToString(3)));
                Assert.That(SendblueClient.UserAgent, Is.EqualTo("sendblue-dotnet/" + version.ToString(3)));
            });
        }

        [Test]
        public void Dispose_CanBeCalledTwice()
        {
            var client = new SendblueClient(MockHttp.Options());
            client.Dispose();
            Assert.DoesNotThrow(client.Dispose);
        }
    }
}
