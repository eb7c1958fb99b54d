using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Readme
{
    /// <summary>
    /// The README's examples are code that compiles and runs: every code line of a section's C#
    /// blocks is a line of a file the tests build and run (the resource examples of
    /// <see cref="ReadmeExamples"/>, run against the emulator below; the hosting examples of
    /// AspNetCore/ShippingApp.cs, run by SampleAppTests).
    /// </summary>
    public class ReadmeExamplesTests
    {
        [TestCase("## The rest of the API", "Readme/ReadmeExamples.cs")]
        [TestCase("## Per-call options and raw responses", "Readme/ReadmeExamples.cs")]
        [TestCase("## Webhooks in ASP.NET Core", "AspNetCore/ShippingApp.cs")]
        [TestCase("## Use with dependency injection", "AspNetCore/ShippingApp.cs")]
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
    }
}
