using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using NUnit.Framework;
using Sendblue.Tests.Packaging;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Generation
{
    /// <summary>
    /// The spec is the single source of truth: a copy of the SDK project is built from scratch,
    /// built again unchanged (nothing regenerates), then built after a field is added to the spec
    /// alone, and the new property appears in the generated model.
    /// </summary>
    [NonParallelizable]
    public class SpecDrivesTheBuildTests
    {
        private string _work = null!;

        [OneTimeSetUp]
        public void CopyTheProject()
        {
            var root = RepositoryRoot();
            _work = Dotnet.TempFolder("sendblue-generation");
            foreach (var file in new[] { "nswag.json", "Directory.Build.props", "Directory.Packages.props" })
            {
                File.Copy(Path.Combine(root, file), Path.Combine(_work, file));
            }

            CopyTree(Path.Combine(root, "spec"), Path.Combine(_work, "spec"));
            CopyTree(Path.Combine(root, "build"), Path.Combine(_work, "build"));
            CopyTree(Path.Combine(root, "src", "Sendblue"), Path.Combine(_work, "src", "Sendblue"));
        }

        [OneTimeTearDown]
        public void RemoveTheCopy() => Dotnet.DeleteQuietly(_work);

        [Test]
        public void AFieldAddedToTheSpecAlone_AppearsInTheGeneratedModel_AndAnUnchangedSpecDoesNotRegenerate()
        {
            var generated = Path.Combine(_work, "src", "Sendblue", "obj", "Debug", "net8.0", "Generated", "Sendblue.g.cs");

            Build();
            Assert.That(File.Exists(generated), Is.True, "a clean build generates the client under obj/");
            Assert.That(PublicApiOfTheCopy(), Is.EqualTo(CheckedInListing()), "the copy's API matches the listing before the spec changes");
            Assert.That(File.ReadAllText(generated), Does.Not.Contain("CarrierName"));
            var firstWrite = File.GetLastWriteTimeUtc(generated);

            Build();
            Assert.That(File.GetLastWriteTimeUtc(generated), Is.EqualTo(firstWrite), "an unchanged spec must not regenerate (MSBuild Inputs/Outputs)");

            var specPath = Path.Combine(_work, "spec", "openapi.yaml");
            var spec = File.ReadAllText(specPath);
            const string anchor = "    MessageResponse:\n      type: object\n      description: A message as the send and status operations return it.\n      properties:\n";
            Assert.That(spec, Does.Contain(anchor), "the test's anchor in the spec moved; update the test");
            File.WriteAllText(specPath, spec.Replace(anchor, anchor + "        carrier_name:\n          type: string\n          description: The carrier that delivered the message.\n"));

            Build();
            var code = File.ReadAllText(generated);
            var model = code.Substring(code.IndexOf("public partial class MessageResponse", StringComparison.Ordinal));
            model = model.Substring(0, model.IndexOf("public partial class", 40, StringComparison.Ordinal));
            Assert.Multiple(() =>
            {
                Assert.That(model, Does.Contain("[Newtonsoft.Json.JsonProperty(\"carrier_name\""));
                Assert.That(model, Does.Contain("public string? CarrierName { get; set; }"));
                Assert.That(model, Does.Contain("The carrier that delivered the message."));
            });

            // The API listing check now fails, and its diff is exactly the new field.
            var before = CheckedInListing().Split('\n');
            var after = PublicApiOfTheCopy().Split('\n');
            Assert.Multiple(() =>
            {
                Assert.That(after.Except(before), Is.EqualTo(new[]
                {
                    "        [Newtonsoft.Json.JsonProperty(\"carrier_name\", NullValueHandling=Newtonsoft.Json.NullValueHandling.Ignore)]",
                    "        public string? CarrierName { get; set; }",
                }));
                Assert.That(before.Except(after), Is.Empty);
            });
        }

        private string PublicApiOfTheCopy()
        {
            var dll = Path.Combine(_work, "src", "Sendblue", "bin", "Debug", "net8.0", "Sendblue.dll");
            var context = new AssemblyLoadContext("spec-copy-" + Guid.NewGuid().ToString("N"), isCollectible: true);
            try
            {
                // PublicApiGenerator reads the file behind the assembly with Mono.Cecil.
                return PublicApiTests.Listing(context.LoadFromAssemblyPath(dll));
            }
            finally
            {
                context.Unload();
            }
        }

        private static string CheckedInListing() =>
            PublicApiTests.Normalize(File.ReadAllText(Path.Combine(RepositoryRoot(), "api", "Sendblue.txt")));

        private void Build() =>
            Dotnet.Run(_work, "build", "src/Sendblue/Sendblue.csproj", "-f", "net8.0", "-v", "minimal", "-p:UseSharedCompilation=false", "-nodeReuse:false");

        internal static string RepositoryRoot() => Dotnet.RepositoryRoot();

        private static void CopyTree(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var dir in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
            {
                CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
            }
        }
    }
}
