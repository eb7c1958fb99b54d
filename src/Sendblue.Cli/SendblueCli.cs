using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Commands;
using Sendblue.Cli.QueryOptions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli
{
    /// <summary>
    /// The command line: <c>demo</c>, <c>send</c>, <c>status</c>, <c>get</c>, <c>list</c>. Every
    /// failure ends here and becomes an exit code (see <see cref="ExitCodes"/>).
    /// </summary>
    internal static class SendblueCli
    {
        /// <summary>The name the command calls itself in help and messages.</summary>
        public const string Name = "sendblue";

        /// <summary>How to run the demo from a clone of the repository, for messages that suggest it.</summary>
        public const string DemoFromClone = "dotnet run --project src/Sendblue.Cli -- demo";

        /// <summary>Runs a command line over two writers, with clients from the environment.</summary>
        public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
            RunAsync(args, new CliHost(stdout, stderr), cancellationToken);

        /// <summary>Runs a command line in <paramref name="host"/> and returns the process exit code.</summary>
        public static async Task<int> RunAsync(IEnumerable<string> args, CliHost host, CancellationToken cancellationToken = default)
        {
            var app = Create(host);
            var arguments = args.ToList();
            try
            {
                if (arguments.Count == 0)
                {
                    // No command is a usage error too; the help says which commands there are.
                    await app.RunAsync(new[] { "--help" }, cancellationToken).ConfigureAwait(false);
                    return ExitCodes.UsageError;
                }

                return await app.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
            }
            catch (CommandAppException ex)
            {
                // Spectre's own parse and validation errors: unknown command or option, missing or
                // malformed value. Left to Spectre they would exit with -1.
                if (host.ErrorIsTerminal && ex.Pretty is { } pretty)
                {
                    host.ErrorConsole.Write(pretty);
                }
                else
                {
                    host.Error.WriteLine($"error: {ex.Message}");
                }

                host.Error.WriteLine($"Run '{Name} --help' for usage.");
                return ExitCodes.UsageError;
            }
            catch (CliUsageException ex)
            {
                host.Error.WriteLine($"error: {ex.Message}");
                if (ex.HelpCommand is { } command)
                {
                    host.Error.WriteLine($"Run '{Name} {command} --help' for usage.");
                }

                return ExitCodes.UsageError;
            }
            catch (ArgumentException ex)
            {
                // The SDK refuses input it can see is wrong (no recipient, limit out of range) before sending.
                host.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.UsageError;
            }
            catch (SendblueApiException ex)
            {
                host.Error.WriteLine($"error: {ex.GetType().Name} (HTTP {ex.StatusCode}): {ex.ErrorMessage ?? ex.Message}");
                return ExitCodes.ApiError;
            }
            catch (SendblueException ex)
            {
                host.Error.WriteLine($"error: {ex.GetType().Name}: {ex.Message}");
                return ExitCodes.ApiError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                host.Error.WriteLine("Cancelled.");
                return ExitCodes.Cancelled;
            }
        }

        private static CommandApp Create(CliHost host)
        {
            var app = new CommandApp();
            app.Configure(config =>
            {
                config.SetApplicationName(Name);
                config.SetApplicationVersion(SendblueClient.SdkVersion);
                config.ConfigureConsole(host.OutConsole);
                config.PropagateExceptions();
                // Relaxed, because list's filters are not declared to Spectre: they are the properties
                // of MessageListQuery, found at run time. Undeclared options land in the command
                // context's Remaining, where the interceptor binds those that are filters of the
                // command and refuses every other one, so an option nobody declared is still a typo,
                // not something to ignore. Help lists the filters among the declared options.
                config.Settings.StrictParsing = false;
                config.SetInterceptor(new QueryOptionsInterceptor());
                config.SetHelpProvider(new QueryOptionsHelpProvider(
                    config.Settings,
                    new Dictionary<string, QueryOptionSet>(StringComparer.Ordinal) { ["list"] = ListCommand.Settings.Filters }));
                config.Settings.Registrar.RegisterInstance(host);

                config.AddCommand<DemoCommand>("demo")
                    .WithDescription("Runs the SDK end to end against a local emulator: sends three messages, follows their status, receives a reply and prints the conversation. No credentials, no network.")
                    .WithExample("demo");
                config.AddCommand<SendCommand>("send")
                    .WithDescription("Sends a message and prints its handle and first status.")
                    .WithExample("send", "--to", "+19998887777", "--from", "+16292925296", "--content", "Hello", "--style", "celebration");
                config.AddCommand<StatusCommand>("status")
                    .WithDescription("Prints the current status of a message, by the handle a send returned.")
                    .WithExample("status", "5f2b9c3e-0a1d-4b8e-9f6a-2c7d8e9f0a1b");
                config.AddCommand<GetCommand>("get")
                    .WithDescription("Prints one message, by its id (its message_handle).")
                    .WithExample("get", "5f2b9c3e-0a1d-4b8e-9f6a-2c7d8e9f0a1b", "--json");
                config.AddCommand<ListCommand>("list")
                    .WithDescription("Lists messages, newest first unless ordered otherwise; --all walks every page.")
                    .WithExample("list", "--number", "+19998887777", "--limit", "20")
                    .WithExample("list", "--status", "ERROR", "--created-after", "2025-01-01T00:00:00Z", "--all", "--json");
            });
            return app;
        }
    }
}
