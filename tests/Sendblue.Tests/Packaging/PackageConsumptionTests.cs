using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Packaging
{
    /// <summary>
    /// The packages, not the project references, work: both are packed to a temporary feed, a
    /// throwaway console project restores them from that feed only (its dependencies from NuGet,
    /// into a private package folder so no cached copy can stand in), builds, and runs against the
    /// emulator.
    /// </summary>
    [NonParallelizable]
    public class PackageConsumptionTests
    {
        private const string ConsumerProgram = """
            using System;
            using System.Threading.Tasks;
            using Sendblue;
            using Sendblue.Testing;

            await using var emulator = await SendblueEmulator.StartAsync();
            using var client = emulator.CreateClient();
            var sent = await client.Messages.SendAsync(new SendMessageRequest
            {
                Number = "+19998887777",
                FromNumber = "+16292925296",
                Content = "from a package",
                SendStyle = SendStyle.Gentle,
            });
            Console.WriteLine($"sent {sent.Status} {sent.SendStyle}");
            await emulator.CompleteAllAsync();
            var status = await client.Messages.GetStatusAsync(sent.MessageHandle!);
            Console.WriteLine($"status {status.Status}");
            var count = 0;
            await foreach (var message in client.Messages.ListAllAsync())
            {
                count++;
            }
            Console.WriteLine($"listed {count}");
            Console.WriteLine($"agent {SendblueClient.UserAgent}");
            Console.WriteLine($"request agent {emulator.Requests[0].Header("User-Agent")}");
            """;

        private string _work = null!;

        [OneTimeSetUp]
        public void CreateFolder() => _work = Dotnet.TempFolder("sendblue-consumer");

        [OneTimeTearDown]
        public void RemoveFolder() => Dotnet.DeleteQuietly(_work);

        [Test]
        public void AConsoleProject_RestoredFromThePackedFeedOnly_RunsAgainstTheEmulator()
        {
            var root = Dotnet.RepositoryRoot();
            var version = Regex.Match(File.ReadAllText(Path.Combine(root, "Directory.Build.props")), "<SendblueVersion>([^<]+)</SendblueVersion>").Groups[1].Value;
            var feed = Path.Combine(_work, "feed");
            foreach (var project in new[] { "src/Sendblue/Sendblue.csproj", "src/Sendblue.Testing/Sendblue.Testing.csproj" })
            {
                Dotnet.Run(root, "pack", project, "-c", "Release", "-o", feed, "-p:UseSharedCompilation=false", "-nodeReuse:false");
            }

            Assert.That(
                Directory.GetFiles(feed).Select(Path.GetFileName),
                Is.EquivalentTo(new[]
                {
                    $"Sendblue.{version}.nupkg", $"Sendblue.{version}.snupkg",
                    $"Sendblue.Testing.{version}.nupkg", $"Sendblue.Testing.{version}.snupkg",
                }));

            var consumer = Path.Combine(_work, "consumer");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Sendblue" Version="[{version}]" />
                    <PackageReference Include="Sendblue.Testing" Version="[{version}]" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="packed" value="{feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="packed">
                      <package pattern="Sendblue" />
                      <package pattern="Sendblue.Testing" />
                    </packageSource>
                    <packageSource key="nuget.org">
                      <package pattern="*" />
                    </packageSource>
                  </packageSourceMapping>
                </configuration>
                """);

            Dotnet.Run(consumer, "restore", "--packages", Path.Combine(_work, "packages"));
            var restored = Directory.GetDirectories(Path.Combine(_work, "packages")).Select(Path.GetFileName).ToList();
            Dotnet.Run(consumer, "build", "--no-restore", "-c", "Release", "-p:UseSharedCompilation=false", "-nodeReuse:false");
            var output = Dotnet.Run(consumer, Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll"));

            Assert.Multiple(() =>
            {
                Assert.That(restored, Does.Contain("sendblue").And.Contain("sendblue.testing").And.Contain("newtonsoft.json").And.Contain("microsoft.kiota.http.httpclientlibrary"));
                Assert.That(restored, Has.None.Contains("nswag"), "NSwag is build-time only");
                Assert.That(output.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
                {
                    "sent QUEUED gentle",
                    "status DELIVERED",
                    "listed 1",
                    $"agent sendblue-dotnet/{version}",
                    $"request agent sendblue-dotnet/{version}",
                }));
            });
        }
    }
}
