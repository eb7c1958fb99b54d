using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Sendblue.Tests.TestSupport
{
    /// <summary>Runs the dotnet CLI as a child process, for tests of the build and the packages.</summary>
    public static class Dotnet
    {
        /// <summary>Runs <c>dotnet args</c> in <paramref name="workingDirectory"/>; fails the test on a non-zero exit.</summary>
        /// <returns>Standard output.</returns>
        public static string Run(string workingDirectory, params string[] args)
        {
            var (exitCode, output, error) = TryRun(workingDirectory, args);
            Assert.That(exitCode, Is.Zero, () => $"`dotnet {string.Join(" ", args)}` failed:\n{output}{error}");
            return output;
        }

        /// <summary>Runs <c>dotnet args</c> in <paramref name="workingDirectory"/>.</summary>
        /// <returns>The exit code, standard output and standard error.</returns>
        public static (int ExitCode, string Output, string Error) TryRun(string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in args)
            {
                start.ArgumentList.Add(argument);
            }

            // The test host runs under `dotnet test`, whose MSBuild variables would steer the child.
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(600_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"`dotnet {string.Join(" ", args)}` did not finish in 10 minutes");
            }

            return (process.ExitCode, output.Result, error.Result);
        }

        /// <summary>The folder holding Generated.sln.</summary>
        public static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Generated.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Generated.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }

        /// <summary>A new empty folder under the temp directory.</summary>
        public static string TempFolder(string prefix)
        {
            var path = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(path);
            return path;
        }

        public static void DeleteQuietly(string path)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // A build server may hold a file for a moment; the temp folder is the OS's to clean.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
