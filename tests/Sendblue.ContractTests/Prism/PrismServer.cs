using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;

namespace Sendblue.ContractTests.Prism
{
    /// <summary>
    /// Stoplight Prism (pinned in package.json and package-lock.json) mocking spec/openapi.yaml on a
    /// free loopback port. In mock mode Prism validates every request against the spec (parameters,
    /// body, security) and answers 400/401 with an <c>sl-violations</c> header when one breaks it.
    /// </summary>
    public sealed class PrismServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output;

        private PrismServer(Process process, StringBuilder output, Uri baseUrl)
        {
            _process = process;
            _output = output;
            BaseUrl = baseUrl;
        }

        /// <summary>Where Prism listens, such as <c>http://127.0.0.1:41234/</c>.</summary>
        public Uri BaseUrl { get; }

        /// <summary>What Prism printed so far (its request log).</summary>
        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>node_modules/@stoplight/prism-cli's entry point, under tests/Sendblue.ContractTests.</summary>
        public static string PrismEntryPoint =>
            Path.Combine(RepoPaths.ContractTests, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

        /// <summary>How to get Prism, for the messages of a run without it.</summary>
        public const string HowToInstall =
            "Building tests/Sendblue.ContractTests installs it (npm ci) when node and npm are on PATH; or run `npm ci --prefix tests/Sendblue.ContractTests` (the version is pinned in its package-lock.json).";

        /// <summary>Why Prism cannot run here (no node on PATH, not installed), or null when it can.</summary>
        public static string? WhyUnavailable()
        {
            if (FindNode() is null)
            {
                return "node is not on PATH";
            }

            return File.Exists(PrismEntryPoint) ? null : $"@stoplight/prism-cli is not installed ({PrismEntryPoint} is missing)";
        }

        /// <summary>
        /// In a test's one-time setup: ignores the fixture with how to install Prism when it is
        /// missing on a developer's machine, and fails it when CI=true (CI must run these tests).
        /// </summary>
        public static void RequireOrIgnore()
        {
            var why = WhyUnavailable();
            if (why is null)
            {
                return;
            }

            var message = $"Prism is not available: {why}. {HowToInstall}";
            if (IsCi)
            {
                Assert.Fail($"{message} CI=true, so a missing Prism is a failure: the build installs it when node and npm are on PATH.");
            }

            Assert.Ignore(message);
        }

        /// <summary>Whether this is a CI run (<c>CI=true</c>, as .ci/run sets it).</summary>
        public static bool IsCi =>
            string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            || Environment.GetEnvironmentVariable("CI") == "1";

        /// <summary>Starts Prism on the spec and returns once it accepts connections.</summary>
        public static async Task<PrismServer> StartAsync(string specPath, TimeSpan? startTimeout = null)
        {
            var node = FindNode() ?? throw new InvalidOperationException("node is not on PATH.");
            var port = FreePort();
            var start = new ProcessStartInfo(node)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepoPaths.ContractTests,
            };
            foreach (var argument in new[] { PrismEntryPoint, "mock", specPath, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-h", "127.0.0.1" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["NO_COLOR"] = "1";
            start.Environment["FORCE_COLOR"] = "0";

            var output = new StringBuilder();
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            void Append(object sender, DataReceivedEventArgs e)
            {
                if (e.Data is not null)
                {
                    lock (output)
                    {
                        output.AppendLine(e.Data);
                    }
                }
            }

            process.OutputDataReceived += Append;
            process.ErrorDataReceived += Append;
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var server = new PrismServer(process, output, new Uri($"http://127.0.0.1:{port}/"));
            var deadline = DateTime.UtcNow + (startTimeout ?? TimeSpan.FromSeconds(90));
            while (true)
            {
                if (process.HasExited)
                {
                    var printed = server.Output;
                    await server.DisposeAsync().ConfigureAwait(false);
                    throw new InvalidOperationException($"Prism exited with {process.ExitCode} before listening:\n{printed}");
                }

                if (server.Output.Contains("Prism is listening", StringComparison.Ordinal) && await AcceptsAsync(port).ConfigureAwait(false))
                {
                    return server;
                }

                if (DateTime.UtcNow > deadline)
                {
                    var printed = server.Output;
                    await server.DisposeAsync().ConfigureAwait(false);
                    throw new TimeoutException($"Prism did not listen on port {port} in time:\n{printed}");
                }

                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        /// <summary>Stops Prism and every process it started.</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }

                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Never started or already gone.
            }
            catch (OperationCanceledException)
            {
                // Killed but slow to report; the test run goes on.
            }
            finally
            {
                _process.Dispose();
            }
        }

        private static string? FindNode()
        {
            var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : new[] { "node" };
            return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
                .FirstOrDefault(File.Exists);
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static async Task<bool> AcceptsAsync(int port)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
