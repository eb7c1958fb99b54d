using System;
using System.IO;

namespace Sendblue.ContractTests.Validation
{
    /// <summary>Where the repository's files are, found from the test assembly upwards (the spec is read live, never a copy).</summary>
    public static class RepoPaths
    {
        private static readonly Lazy<string> RootDirectory = new(FindRoot);

        /// <summary>The repository root: the folder holding Generated.sln and spec/openapi.yaml.</summary>
        public static string Root => RootDirectory.Value;

        /// <summary>spec/openapi.yaml.</summary>
        public static string Spec => Path.Combine(Root, "spec", "openapi.yaml");

        /// <summary>tests/Sendblue.ContractTests, where package.json and node_modules live.</summary>
        public static string ContractTests => Path.Combine(Root, "tests", "Sendblue.ContractTests");

        /// <summary>tests/Sendblue.ContractTests/Recorded.</summary>
        public static string Recorded => Path.Combine(ContractTests, "Recorded");

        /// <summary>TestResults/ at the repository root (ignored by git), where the live suite writes its drift report.</summary>
        public static string TestResults => Path.Combine(Root, "TestResults");

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Generated.sln")) && File.Exists(Path.Combine(dir.FullName, "spec", "openapi.yaml")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No repository root (Generated.sln beside spec/openapi.yaml) above {AppContext.BaseDirectory}.");
        }
    }
}
