using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Packaging
{
    /// <summary>
    /// The packages, not the project references, work: all four are packed to a temporary feed, a
    /// throwaway console project restores them from that feed only (its dependencies from NuGet,
    /// into a private package folder so no cached copy can stand in), builds, and runs against the
    /// emulator.
    /// </summary>
    [NonParallelizable]
    public class PackageConsumptionTests
    {
        private const string ConsumerProgram = """
            using System;
            using System.Linq;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
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

            var services = new ServiceCollection();
            services.AddSendblue(o => { o.ApiKey = emulator.ApiKey; o.ApiSecret = emulator.ApiSecret; o.BaseUrl = emulator.BaseUrl; });
            await using (var provider = services.BuildServiceProvider())
            {
                var viaDi = await provider.GetRequiredService<IMessagesClient>().GetStatusAsync(sent.MessageHandle!);
                Console.WriteLine($"di {viaDi.Status}");
            }

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Configuration["Sendblue:WebhookSecret"] = "whsec-packed";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            await using var app = builder.Build();
            var received = new TaskCompletionSource<MessageContent>();
            app.MapSendblueWebhook("/hooks/sendblue", (MessageContent m) => { received.TrySetResult(m); });
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            foreach (var secret in new[] { "whsec-wrong", "whsec-packed" })
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, "/hooks/sendblue") { Content = new StringContent("{\"message_handle\":\"h-1\",\"status\":\"DELIVERED\"}") };
                post.Headers.Add("sb-signing-secret", secret);
                using var answer = await http.SendAsync(post);
                Console.WriteLine($"webhook {(int)answer.StatusCode}");
            }
            Console.WriteLine($"received {(await received.Task).Status}");
            await app.StopAsync();
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
            foreach (var project in new[] { "src/Sendblue/Sendblue.csproj", "src/Sendblue.Testing/Sendblue.Testing.csproj", "src/Sendblue.Extensions.DependencyInjection/Sendblue.Extensions.DependencyInjection.csproj", "src/Sendblue.AspNetCore/Sendblue.AspNetCore.csproj" })
            {
                Dotnet.Run(root, "pack", project, "-c", "Release", "-o", feed, "-p:UseSharedCompilation=false", "-nodeReuse:false");
            }

            Assert.That(
                Directory.GetFiles(feed).Select(Path.GetFileName),
                Is.EquivalentTo(new[]
                {
                    $"Sendblue.{version}.nupkg", $"Sendblue.{version}.snupkg",
                    $"Sendblue.Testing.{version}.nupkg", $"Sendblue.Testing.{version}.snupkg",
                    $"Sendblue.Extensions.DependencyInjection.{version}.nupkg", $"Sendblue.Extensions.DependencyInjection.{version}.snupkg",
                    $"Sendblue.AspNetCore.{version}.nupkg", $"Sendblue.AspNetCore.{version}.snupkg",
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
                    <PackageReference Include="Sendblue.Extensions.DependencyInjection" Version="[{version}]" />
                    <PackageReference Include="Sendblue.AspNetCore" Version="[{version}]" />
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
                      <package pattern="Sendblue.Extensions.DependencyInjection" />
                      <package pattern="Sendblue.AspNetCore" />
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
                Assert.That(restored, Does.Contain("sendblue.extensions.dependencyinjection").And.Contain("sendblue.aspnetcore").And.Contain("microsoft.extensions.http"));
                Assert.That(restored, Has.None.Contains("nswag"), "NSwag is build-time only");
                Assert.That(output.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
                {
                    "sent QUEUED gentle",
                    "status DELIVERED",
                    "listed 1",
                    $"agent sendblue-dotnet/{version}",
                    $"request agent sendblue-dotnet/{version}",
                    "di DELIVERED",
                    "webhook 401",
                    "webhook 200",
                    "received DELIVERED",
                }));
            });
        }
    }
}
