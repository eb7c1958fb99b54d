using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;
using Microsoft.Extensions.Logging.Abstractions;
using Sendblue.Testing;
using Sendblue.Tests.AspNetCore;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Readme
{
    /// <summary>
    /// The README's examples are code that compiles and runs: every code line of a section's C#
    /// blocks is a line of a file the tests build and run (the getting-started, error, webhook and
    /// own-HttpClient examples of <see cref="ReadmeStartingExamples"/> and the resource examples of
    /// <see cref="ReadmeExamples"/>, run against the emulator below; the hosting examples of
    /// AspNetCore/ShippingApp.cs, run by SampleAppTests).
    /// </summary>
    public class ReadmeExamplesTests
    {
        [TestCase("## Getting started", "Readme/ReadmeStartingExamples.cs")]
        [TestCase("## The rest of the API", "Readme/ReadmeExamples.cs")]
        [TestCase("## Errors", "Readme/ReadmeStartingExamples.cs")]
        [TestCase("## Per-call options and raw responses", "Readme/ReadmeExamples.cs")]
        [TestCase("## Webhooks", "Readme/ReadmeStartingExamples.cs")]
        [TestCase("## Webhooks in ASP.NET Core", "AspNetCore/ShippingApp.cs")]
        [TestCase("## Use with dependency injection", "AspNetCore/ShippingApp.cs")]
        [TestCase("## Bring your own HttpClient", "Readme/ReadmeStartingExamples.cs")]
        [TestCase("## Mock the client in your tests", "Readme/ReadmeTestingExamples.cs")]
        [TestCase("## Test your code against a local emulator: Sendblue.Testing", "Readme/ReadmeTestingExamples.cs")]
        public void TheSectionsCode_IsCodeTheTestsRun(string heading, string source)
        {
            var root = Dotnet.RepositoryRoot();
            var readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n");
            var start = readme.IndexOf(heading + "\n", System.StringComparison.Ordinal);
            Assert.That(start, Is.GreaterThanOrEqualTo(0), heading);
            var end = readme.IndexOf("\n## ", start + heading.Length, System.StringComparison.Ordinal);
            var section = readme.Substring(start, (end < 0 ? readme.Length : end) - start);

            var examples = File.ReadAllLines(Path.Combine(root, "tests", "Sendblue.Tests", source)).Select(l => l.Trim()).ToHashSet();
            var code = Regex.Matches(section, "```csharp\n(.*?)```", RegexOptions.Singleline)
                .SelectMany(m => m.Groups[1].Value.Split('\n'))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith("//", System.StringComparison.Ordinal))
                .ToList();

            Assert.That(code, Is.Not.Empty);
            Assert.That(code.Where(l => !examples.Contains(l)), Is.Empty, $"README lines that are not in {source}");
        }

        [Test]
        public async Task TheExamples_RunAgainstTheEmulator()
        {
            var options = new SendblueEmulatorOptions();
            options.SendblueNumbers.Add("+16292925296");
            options.Seats["seat-ana"] = "ana@example.com";
            await using var emulator = await SendblueEmulator.StartAsync(options);
            using var client = emulator.CreateClient();
            var inbound = await emulator.SimulateInboundAsync("+19998887777", "+16292925296", "Is 7pm still ok?");

            var seen = await ReadmeExamples.RunAsync(client, inbound.MessageHandle!);
            var sent = await ReadmeExamples.PerCallOptionsAsync(client, new SendMessageRequest { Number = "+19998887777", FromNumber = "+16292925296", Content = "See you." });

            Assert.Multiple(() =>
            {
                Assert.That(seen, Is.EqualTo(new[]
                {
                    $"reply to {inbound.MessageHandle} by ana@example.com",
                    "group group",
                    "typing SENT",
                    "media True",
                    "lookup iMessage",
                    "contact Ada",
                    "listed +19998887777",
                    "webhooks 1",
                    "lines 1",
                }));
                Assert.That(sent, Is.EqualTo("QUEUED 200"));
            });
        }

        [Test, NonParallelizable]
        public async Task GettingStarted_RunsAgainstTheEmulator_WithTheClientFromTheEnvironment()
        {
            var options = new SendblueEmulatorOptions();
            options.FailingNumbers.Add("+15550000001");
            await using var emulator = await SendblueEmulator.StartAsync(options);
            using (var seed = emulator.CreateClient())
            {
                await seed.Messages.SendAsync(new SendMessageRequest { Number = "+15550000001", FromNumber = "+16292925296", Content = "Hello?" });
                await emulator.CompleteAllAsync();
            }

            var names = new[] { SendblueClientOptions.ApiKeyEnvironmentVariable, SendblueClientOptions.ApiSecretEnvironmentVariable, SendblueClientOptions.BaseUrlEnvironmentVariable };
            var saved = names.Select(Environment.GetEnvironmentVariable).ToArray();
            IReadOnlyList<string> seen;
            try
            {
                Environment.SetEnvironmentVariable(names[0], emulator.ApiKey);
                Environment.SetEnvironmentVariable(names[1], emulator.ApiSecret);
                Environment.SetEnvironmentVariable(names[2], emulator.BaseUrl.ToString());
                seen = await ReadmeStartingExamples.GettingStartedAsync();
            }
            finally
            {
                for (var i = 0; i < names.Length; i++)
                {
                    Environment.SetEnvironmentVariable(names[i], saved[i]);
                }
            }

            Assert.That(seen, Is.EqualTo(new[]
            {
                "sent QUEUED",
                "status QUEUED",
                "one iMessage",
                "page 1 of 1",
                "error The message could not be delivered to this number.",
                "offset 0: 2 messages",
                "enum READ False True",
            }));
        }

        [Test]
        public async Task Errors_BringYourOwnHttpClient_AndWebhooks_RunAsTheReadmeSays()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            using var client = emulator.CreateClient();
            var request = new SendMessageRequest { Number = "+19998887777", FromNumber = "+16292925296", Content = "Your table is ready." };

            emulator.Faults.FailNext(EmulatorOperation.Send, 1, 500);
            var server = await ReadmeStartingExamples.ErrorsAsync(client, request, NullLogger.Instance);
            var once = emulator.CreateClientOptions();
            once.MaxRetries = 0; // the 429 reaches the example instead of being waited out and retried
            using var noRetries = new SendblueClient(once);
            emulator.Faults.FailNext(EmulatorOperation.Send, 1, 429, retryAfter: TimeSpan.FromSeconds(1));
            var limited = await ReadmeStartingExamples.ErrorsAsync(noRetries, request, NullLogger.Instance);
            var refused = await ReadmeStartingExamples.ErrorsAsync(client, new SendMessageRequest { Number = "12", FromNumber = "+16292925296", Content = "x" }, NullLogger.Instance);
            var sent = await ReadmeStartingExamples.ErrorsAsync(client, request, NullLogger.Instance);
            var lines = await ReadmeStartingExamples.BringYourOwnHttpClientAsync(emulator.CreateClientOptions());

            var received = new List<MessageContent>();
            await using var app = await KestrelApp.StartAsync(_ => { }, a => ReadmeStartingExamples.MapWebhook(a, "whsec-readme", received));
            using var unsigned = await app.Http.PostAsync("hooks/sendblue", new StringContent("{\"message_handle\":\"h-1\",\"status\":\"DELIVERED\"}"));
            using var signed = new HttpRequestMessage(HttpMethod.Post, "hooks/sendblue") { Content = new StringContent("{\"message_handle\":\"h-1\",\"status\":\"DELIVERED\"}") };
            signed.Headers.Add(SendblueWebhook.SigningSecretHeader, "whsec-readme");
            using var accepted = await app.Http.SendAsync(signed);

            Assert.Multiple(() =>
            {
                Assert.That(server, Is.EqualTo("server 500"));
                Assert.That(limited, Is.EqualTo("rate limited 1"));
                Assert.That(refused, Does.StartWith("Sendblue API returned 400 Bad Request: "));
                Assert.That(sent, Is.EqualTo("sent"));
                Assert.That(lines, Is.EqualTo(1));
                Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(received.Select(m => $"{m.MessageHandle} {m.Status}"), Is.EqualTo(new[] { "h-1 DELIVERED" }));
            });
        }
    }
}
