using System;
using System.IO;
using Spectre.Console;

namespace Sendblue.Cli
{
    /// <summary>
    /// What the command line runs in: where data (stdout) and diagnostics (stderr) go, whether
    /// each is a terminal, and where API clients come from. Tests build one over StringWriters
    /// and their own client options; the program builds one over the process console.
    /// </summary>
    internal sealed class CliHost
    {
        /// <summary>The width tables are laid out to when the output is not a terminal (a file, a pipe, a test).</summary>
        public const int RedirectedWidth = 160;

        /// <summary>Below this a terminal's reported width is taken as unknown.</summary>
        private const int MinimumWidth = 40;

        private readonly Lazy<IAnsiConsole> _outConsole;
        private readonly Lazy<IAnsiConsole> _errorConsole;

        public CliHost(TextWriter output, TextWriter error, bool outputIsTerminal = false, bool errorIsTerminal = false)
        {
            Out = output ?? throw new ArgumentNullException(nameof(output));
            Error = error ?? throw new ArgumentNullException(nameof(error));
            OutputIsTerminal = outputIsTerminal;
            ErrorIsTerminal = errorIsTerminal;
            _outConsole = new Lazy<IAnsiConsole>(() => CreateConsole(Out, OutputIsTerminal));
            _errorConsole = new Lazy<IAnsiConsole>(() => CreateConsole(Error, ErrorIsTerminal));
        }

        /// <summary>Data: tables, JSON, the demo's story.</summary>
        public TextWriter Out { get; }

        /// <summary>Diagnostics: errors and progress.</summary>
        public TextWriter Error { get; }

        public bool OutputIsTerminal { get; }

        public bool ErrorIsTerminal { get; }

        /// <summary>Spectre's view of <see cref="Out"/>: colours and terminal width only when it is a terminal.</summary>
        public IAnsiConsole OutConsole => _outConsole.Value;

        /// <summary>Spectre's view of <see cref="Error"/>, for live progress.</summary>
        public IAnsiConsole ErrorConsole => _errorConsole.Value;

        /// <summary>Live progress only makes sense on a terminal a person watches; a log file or a pipe gets none.</summary>
        public bool ShowProgress => ErrorIsTerminal;

        /// <summary>The client settings before the command line's own (<c>--base-url</c>); by default from the environment.</summary>
        public Func<SendblueClientOptions> ClientOptions { get; init; } = () => new SendblueClientOptions();

        /// <summary>Makes the client a command talks to.</summary>
        public Func<SendblueClientOptions, ISendblueClient> ClientFactory { get; init; } = options => new SendblueClient(options);

        /// <summary>The process's own stdout and stderr.</summary>
        public static CliHost ForProcessConsole() =>
            new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);

        private static IAnsiConsole CreateConsole(TextWriter writer, bool isTerminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(writer),
                // Escape codes in a file or a pipe are noise for whoever reads it next.
                Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
                ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                // The caller knows whether this writer is a terminal; Spectre would look at stdin.
                Interactive = isTerminal ? InteractionSupport.Yes : InteractionSupport.No,
            });
            // A pseudo-terminal without a size (script, some CI runners) reports 0 columns, and a
            // table squeezed into that prints as a lone ellipsis.
            if (!isTerminal || console.Profile.Width < MinimumWidth)
            {
                console.Profile.Width = RedirectedWidth;
            }

            return console;
        }
    }
}
