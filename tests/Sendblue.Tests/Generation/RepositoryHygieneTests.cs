using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Sendblue.Tests.Generation
{
    /// <summary>Generated code and build output are made by the build, never committed.</summary>
    public class RepositoryHygieneTests
    {
        [Test]
        public void GitHoldsNoGeneratedCodeOrBuildOutput()
        {
            var root = SpecDrivesTheBuildTests.RepositoryRoot();
            // A clone has a .git folder; a worktree (git worktree add) a .git file pointing to it.
            var dotGit = Path.Combine(root, ".git");
            if (!Directory.Exists(dotGit) && !File.Exists(dotGit))
            {
                Assert.Ignore("not a git checkout: nothing to check");
            }

            var start = new ProcessStartInfo("git", "ls-files")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start)!;
            var files = git.StandardOutput.ReadToEnd().Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            git.WaitForExit();

            Assert.That(git.ExitCode, Is.Zero);
            Assert.That(files, Does.Contain("spec/openapi.yaml"));
            Assert.That(
                files.Where(f => f.EndsWith(".g.cs") || f.Contains("/obj/") || f.Contains("/bin/") || f.StartsWith("obj/") || f.Contains("node_modules/") || f.EndsWith(".nupkg")),
                Is.Empty);
        }
    }
}
