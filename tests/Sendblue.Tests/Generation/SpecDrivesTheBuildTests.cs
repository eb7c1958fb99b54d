using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

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
            _work = Path.Combine(Path.GetTempPath(), "sendblue-generation-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(_work);
            foreach (var file in new[] { "nswag.json", "Directory.Build.props", "Directory.Packages.props" })
            {
                File.Copy(Path.Combine(root, file), Path.Combine(_work, file));
            }

            CopyTree(Path.Combine(root, "spec"), Path.Combine(_work, "spec"));
            CopyTree(Path.Combine(root, "build"), Path.Combine(_work, "build"));
            CopyTree(Path.Combine(root, "src", "Sendblue"), Path.Combine(_work, "src", "Sendblue"));
        }

        [OneTimeTearDown]
        public void RemoveTheCopy()
        {
            try
            {
                Directory.Delete(_work, recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file for a moment; the temp folder is the OS's to clean.
            }
        }

        [Test]
        public void AFieldAddedToTheSpecAlone_AppearsInTheGeneratedModel_AndAnUnchangedSpecDoesNotRegenerate()
        {
            var generated = Path.Combine(_work, "src", "Sendblue", "obj", "Debug", "net8.0", "Generated", "Sendblue.g.cs");

            Build();
            Assert.That(File.Exists(generated), Is.True, "a clean build generates the client under obj/");
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
        }

        private void Build()
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = _work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "build", "src/Sendblue/Sendblue.csproj", "-f", "net8.0", "--nologo", "-v", "minimal", "-p:UseSharedCompilation=false", "-nodeReuse:false" })
            {
                start.ArgumentList.Add(argument);
            }

            // The test host runs under `dotnet test`, whose MSBuild variables would steer the child build.
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(300_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the build did not finish in 5 minutes");
            }

            Assert.That(process.ExitCode, Is.Zero, () => "dotnet build failed:\n" + output.Result + error.Result);
        }

        internal static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generated.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Generated.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }

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
