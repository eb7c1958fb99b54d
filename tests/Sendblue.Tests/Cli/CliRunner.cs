using System;
using System.IO;
using System.Threading.Tasks;
using Sendblue.Cli;
using Sendblue.Testing;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Cli
{
    /// <summary>What one run of the command line left behind.</summary>
    internal sealed record CliResult(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Out}{Environment.NewLine}stderr:{Environment.NewLine}{Error}";
    }

    /// <summary>
    /// Runs the command line in this process over StringWriters, with credentials handed in
    /// rather than read from the environment, so tests neither spawn processes nor touch the
    /// process environment.
    /// </summary>
    internal static class CliRunner
    {
        /// <summary>Runs with the emulator's credentials; the test passes <c>--base-url</c> itself.</summary>
        public static Task<CliResult> RunAsync(SendblueEmulator emulator, params string[] args) =>
            RunAsync(() => new SendblueClientOptions { ApiKey = emulator.ApiKey, ApiSecret = emulator.ApiSecret }, errorIsTerminal: false, args);

        /// <summary>The credentials <see cref="RunAsync(LoopbackServer, string[])"/> sends.</summary>
        public const string LoopbackKey = "cli-test-key";

        /// <summary>
        /// Runs against a loopback server (canned answers, every request recorded as it arrived on
        /// the socket), with <c>--base-url</c> added after the other arguments and no retries, so
        /// each command sends exactly the requests it means to.
        /// </summary>
        public static Task<CliResult> RunAsync(LoopbackServer server, params string[] args)
        {
            var all = new string[args.Length + 2];
            args.CopyTo(all, 0);
            all[args.Length] = "--base-url";
            all[args.Length + 1] = server.BaseUrl.ToString();
            return RunAsync(() => new SendblueClientOptions { ApiKey = LoopbackKey, ApiSecret = "cli-test-secret", MaxRetries = 0 }, errorIsTerminal: false, all);
        }

        /// <summary>Runs as on a machine where neither credential is set.</summary>
        public static Task<CliResult> RunWithoutCredentialsAsync(params string[] args) =>
            RunAsync(() => new SendblueClientOptions { ApiKey = null, ApiSecret = null }, errorIsTerminal: false, args);

        public static async Task<CliResult> RunAsync(Func<SendblueClientOptions> clientOptions, bool errorIsTerminal, params string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var host = new CliHost(stdout, stderr, outputIsTerminal: false, errorIsTerminal: errorIsTerminal)
            {
                ClientOptions = clientOptions,
            };
            var exitCode = await SendblueCli.RunAsync(args, host).ConfigureAwait(false);
            return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
        }

        /// <summary><c>--base-url</c> and the emulator's address, after the other arguments.</summary>
        public static string[] At(SendblueEmulator emulator, params string[] args)
        {
            var all = new string[args.Length + 2];
            args.CopyTo(all, 0);
            all[args.Length] = "--base-url";
            all[args.Length + 1] = emulator.BaseUrl.ToString();
            return all;
        }
    }
}
