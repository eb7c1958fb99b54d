using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Benchmarks
{
    /// <summary>
    /// The benchmark harness does the work it claims to measure: its <c>smoke</c> mode reads the same
    /// values through the SDK and the baseline, and the loopback pieces of build/loopback-benchmark.sh
    /// (the canned server and the per-process driver) complete a small workload in full. No timings
    /// are asserted; the numbers live in README "Performance".
    /// </summary>
    [TestFixture]
    [NonParallelizable]
    public class BenchmarkHarnessTests
    {
        private static string BenchmarksDll()
        {
            // The solution build puts the benchmark project beside this one, in the same configuration.
            var testDir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            var configuration = testDir.Parent!.Name;
            var framework = testDir.Name;
            var dll = Path.Combine(Dotnet.RepositoryRoot(), "tests", "Sendblue.Benchmarks", "bin", configuration, framework, "Sendblue.Benchmarks.dll");
            Assert.That(File.Exists(dll), Is.True, $"{dll} is missing: build Generated.sln (dotnet test Generated.sln builds it) before these tests");
            return dll;
        }

        [Test]
        public void Smoke_TheSdkAndTheBaselineReadTheSameValuesFromTheCannedBytes()
        {
            var output = Dotnet.Run(Dotnet.RepositoryRoot(), BenchmarksDll(), "smoke");

            Assert.That(output, Does.Contain("smoke: SDK and baseline read the same values (walk of 10000"));
        }

        [Test]
        public void Loopback_EachDotnetClientCompletesEachWorkloadAgainstTheCannedServer()
        {
            var dll = BenchmarksDll();
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { dll, "loopback-server", "1000" })
            {
                start.ArgumentList.Add(argument);
            }

            using var server = Process.Start(start)!;
            try
            {
                var url = server.StandardOutput.ReadLine();
                Assert.That(url, Does.StartWith("http://127.0.0.1:"), () => "the canned server printed no URL: " + server.StandardError.ReadToEnd());

                foreach (var client in new[] { "sdk", "baseline" })
                {
                    Assert.That(Done(Dotnet.Run(Dotnet.RepositoryRoot(), dll, "loopback", client, "status", url!, "200", "4")), Is.EqualTo(200), client + " status");
                    Assert.That(Done(Dotnet.Run(Dotnet.RepositoryRoot(), dll, "loopback", client, "listall", url!, "0")), Is.EqualTo(1000), client + " listall");
                }

                // The memory bound's probe: an account of 500 messages behind /n500/, measured at the last one.
                var memory = Dotnet.Run(Dotnet.RepositoryRoot(), dll, "loopback", "sdk", "listall-memory", url!.TrimEnd('/') + "/n500/", "500");
                Assert.That(Done(memory), Is.EqualTo(500));
                var retained = Regex.Match(memory, "\"retainedBytes\":([0-9]+)");
                Assert.That(retained.Success && long.Parse(retained.Groups[1].Value) > 0, Is.True, "a retained heap was measured: " + memory);
            }
            finally
            {
                server.StandardInput.Close(); // the server serves until its input closes
                if (!server.WaitForExit(10_000))
                {
                    server.Kill(entireProcessTree: true);
                }
            }
        }

        private static long Done(string output)
        {
            var match = Regex.Match(output, "\"done\":([0-9]+)");
            Assert.That(match.Success, Is.True, "the driver printed no result line: " + output);
            return long.Parse(match.Groups[1].Value);
        }
    }
}
