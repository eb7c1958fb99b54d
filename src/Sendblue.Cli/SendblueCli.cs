using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Cli.Commands;
using Sendblue.Cli.Commands.Contacts;
using Sendblue.Cli.Commands.Groups;
using Sendblue.Cli.Commands.Typing;
using Sendblue.Cli.Commands.Webhooks;
using Sendblue.Cli.QueryOptions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli
{
    /// <summary>
    /// The command line: <c>demo</c>, the messages (<c>send</c>, <c>status</c>, <c>get</c>, <c>list</c>),
    /// and a command or branch per other resource of the API (<c>group send</c>, <c>typing</c>,
    /// <c>lookup</c>, <c>contacts</c>, <c>webhooks</c>, <c>lines</c>). Every failure ends here and
    /// becomes an exit code (see <see cref="ExitCodes"/>).
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

                if (IsBranchWithoutCommand(arguments))
                {
                    // So is a branch without its command ("contacts"), which Spectre answers with the
                    // branch's help and exit code 1, the code of an API error.
                    await app.RunAsync(new[] { arguments[0], "--help" }, cancellationToken).ConfigureAwait(false);
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

                // Past parsing (a check of the command's settings, a missing argument) the command is
                // known, and its help is the one that lists the option to fix.
                var help = ex is CommandRuntimeException ? CommandOf(arguments) : null;
                host.Error.WriteLine(help is null ? $"Run '{Name} --help' for usage." : $"Run '{Name} {help} --help' for usage.");
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
                host.Error.WriteLine($"error: {SdkSentence(ex)}");
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

        /// <summary>
        /// The SDK's own sentence, without what .NET appends for a developer: the
        /// <c>(Parameter 'query')</c> suffix and the <c>Actual value was</c> line.
        /// </summary>
        private static string SdkSentence(ArgumentException ex)
        {
            var message = ex.Message;
            if (ex is ArgumentOutOfRangeException { ActualValue: not null } && message.LastIndexOf('\n') is var line and > 0)
            {
                message = message.Substring(0, line).TrimEnd();
            }

            var suffix = $" (Parameter '{ex.ParamName}')";
            return ex.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message.Substring(0, message.Length - suffix.Length) : message;
        }

        /// <summary>The commands that only group others: <c>contacts list</c>, <c>typing start</c>.</summary>
        private static readonly HashSet<string> Branches = new(StringComparer.OrdinalIgnoreCase) { "group", "typing", "contacts", "webhooks" };

        /// <summary>Every command's path, as <see cref="Create"/> registers them: what a help hint may name.</summary>
        private static readonly HashSet<string> Commands = new(StringComparer.OrdinalIgnoreCase)
        {
            "demo", "send", "status", "get", "list", "group send", "typing start", "typing stop", "lookup",
            "contacts list", "contacts get", "contacts create", "contacts delete",
            "webhooks list", "webhooks add", "webhooks remove", "lines",
        };

        /// <summary>The command the arguments name (<c>send</c>, <c>contacts create</c>), or null when they name none.</summary>
        private static string? CommandOf(IReadOnlyList<string> arguments)
        {
            var path = arguments.Count > 1 && Branches.Contains(arguments[0]) ? $"{arguments[0]} {arguments[1]}" : arguments.FirstOrDefault();
            return path is not null && Commands.Contains(path) ? path.ToLowerInvariant() : null;
        }

        private static bool IsBranchWithoutCommand(IReadOnlyList<string> arguments) =>
            Branches.Contains(arguments[0])
            && (arguments.Count == 1 || (arguments[1].StartsWith("-", StringComparison.Ordinal) && arguments[1] is not ("-h" or "--help")));

        private static CommandApp Create(CliHost host)
        {
            var app = new CommandApp();
            app.Configure(config =>
            {
                config.SetApplicationName(Name);
                config.SetApplicationVersion(SendblueClient.SdkVersion);
                config.ConfigureConsole(host.OutConsole);
                config.PropagateExceptions();
                // Relaxed, because the filters of list and contacts list are not declared to Spectre:
                // they are the properties of MessageListQuery and ContactListQuery, found at run time. Undeclared options land in the command
                // context's Remaining, where the interceptor binds those that are filters of the
                // command and refuses every other one, so an option nobody declared is still a typo,
                // not something to ignore. Help lists the filters among the declared options.
                config.Settings.StrictParsing = false;
                config.SetInterceptor(new QueryOptionsInterceptor());
                config.SetHelpProvider(new QueryOptionsHelpProvider(
                    config.Settings,
                    new Dictionary<string, QueryOptionSet>(StringComparer.Ordinal)
                    {
                        ["list"] = ListCommand.Settings.Filters,
                        ["contacts list"] = ContactsListCommand.Settings.Filters,
                    }));
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

                config.AddBranch("group", group =>
                {
                    group.SetDescription("Group chats (beta): send to an existing group or to a new one.");
                    group.AddCommand<GroupSendCommand>("send")
                        .WithData(new CommandPath("group send"))
                        .WithDescription("Sends a message to a group chat, by --group (an existing group) or --to (each member of a new group), and prints it as queued.")
                        .WithExample("group", "send", "--group", "4a7c2e91-0d3b-4f68-9b15-e2c8a6d04f37", "--from", "+16292925296", "--content", "\"The table is booked for 8 tonight.\"")
                        .WithExample("group", "send", "--to", "+19998887777", "--to", "+18887776666", "--from", "+16292925296", "--content", "\"Welcome, both of you.\"");
                });
                config.AddBranch("typing", typing =>
                {
                    typing.SetDescription("Typing indicators in a one-to-one conversation: the animated bubble the recipient sees.");
                    typing.AddCommand<TypingStartCommand>("start")
                        .WithData(new CommandPath("typing start"))
                        .WithDescription("Shows the recipient the typing bubble, until typing stop, a message, or --max-duration-ms.")
                        .WithExample("typing", "start", "+19998887777", "--from", "+16292925296");
                    typing.AddCommand<TypingStopCommand>("stop")
                        .WithData(new CommandPath("typing stop"))
                        .WithDescription("Takes the typing bubble away.")
                        .WithExample("typing", "stop", "+19998887777", "--from", "+16292925296");
                });
                config.AddCommand<LookupCommand>("lookup")
                    .WithDescription("Tells whether a phone number (or an email address) can receive iMessage: prints iMessage or SMS.")
                    .WithExample("lookup", "+19998887777");
                config.AddBranch("contacts", contacts =>
                {
                    contacts.SetDescription("The account's contacts: list, get, create, delete.");
                    contacts.AddCommand<ContactsListCommand>("list")
                        .WithData(new CommandPath("contacts list"))
                        .WithDescription("Lists contacts; --all walks every page.")
                        .WithExample("contacts", "list", "--limit", "50")
                        .WithExample("contacts", "list", "--created-after", "2025-01-01T00:00:00Z", "--all", "--json");
                    contacts.AddCommand<ContactsGetCommand>("get")
                        .WithData(new CommandPath("contacts get"))
                        .WithDescription("Prints one contact, by phone number.")
                        .WithExample("contacts", "get", "+19998887777");
                    contacts.AddCommand<ContactsCreateCommand>("create")
                        .WithData(new CommandPath("contacts create"))
                        .WithDescription("Creates a contact and prints it as stored.")
                        .WithExample("contacts", "create", "+19998887777", "--first-name", "Ada", "--last-name", "Lovelace", "--tag", "customer", "--custom-variable", "\"Lead Source=Website\"");
                    contacts.AddCommand<ContactsDeleteCommand>("delete")
                        .WithData(new CommandPath("contacts delete"))
                        .WithDescription("Deletes a contact, by phone number.")
                        .WithExample("contacts", "delete", "+19998887777");
                });
                config.AddBranch("webhooks", webhooks =>
                {
                    webhooks.SetDescription("The account's webhooks: list, add, remove.");
                    webhooks.AddCommand<WebhooksListCommand>("list")
                        .WithData(new CommandPath("webhooks list"))
                        .WithDescription("Lists the account's webhooks by event type (secrets show as 'set'; --json has them).")
                        .WithExample("webhooks", "list");
                    webhooks.AddCommand<WebhooksAddCommand>("add")
                        .WithData(new CommandPath("webhooks add"))
                        .WithDescription("Adds a webhook to the ones of its event type.")
                        .WithExample("webhooks", "add", "https://example.com/sendblue/inbound", "--type", "receive", "--secret", "whsec_7f3a9c2e");
                    webhooks.AddCommand<WebhooksRemoveCommand>("remove")
                        .WithData(new CommandPath("webhooks remove"))
                        .WithDescription("Removes a webhook URL from the ones of its event type.")
                        .WithExample("webhooks", "remove", "https://example.com/sendblue/inbound", "--type", "receive");
                });
                config.AddCommand<LinesCommand>("lines")
                    .WithDescription("Lists the account's lines (Sendblue numbers) and the health of each.")
                    .WithExample("lines");
            });
            return app;
        }
    }
}
