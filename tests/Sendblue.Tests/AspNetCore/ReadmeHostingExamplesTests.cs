using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.AspNetCore
{
    /// <summary>
    /// The README's hosting examples are taken from <see cref="ShippingApp"/>, which compiles and
    /// runs in <see cref="SampleAppTests"/>: every code line of their C# blocks must be a line of it.
    /// </summary>
    public class ReadmeHostingExamplesTests
    {
        [TestCase("## Webhooks in ASP.NET Core")]
        [TestCase("## Use with dependency injection")]
        public void TheSectionsCode_IsTheSampleAppsCode(string heading)
        {
            var root = Dotnet.RepositoryRoot();
            var readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n");
            var start = readme.IndexOf(heading + "\n", System.StringComparison.Ordinal);
            Assert.That(start, Is.GreaterThanOrEqualTo(0), heading);
            var end = readme.IndexOf("\n## ", start + heading.Length, System.StringComparison.Ordinal);
            var section = readme.Substring(start, (end < 0 ? readme.Length : end) - start);

            var sample = File.ReadAllLines(Path.Combine(root, "tests", "Sendblue.Tests", "AspNetCore", "ShippingApp.cs")).Select(l => l.Trim()).ToHashSet();
            var code = Regex.Matches(section, "```csharp\n(.*?)```", RegexOptions.Singleline)
                .SelectMany(m => m.Groups[1].Value.Split('\n'))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith("//", System.StringComparison.Ordinal))
                .ToList();

            Assert.That(code, Is.Not.Empty);
            Assert.That(code.Where(l => !sample.Contains(l)), Is.Empty, "README lines that are not in ShippingApp.cs");
        }
    }
}
