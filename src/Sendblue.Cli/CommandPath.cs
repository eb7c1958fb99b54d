using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace Sendblue.Cli
{
    /// <summary>
    /// The words that name a command on the command line: <c>list</c>, <c>contacts list</c>. Spectre
    /// tells a running command only its own name, so a command inside a branch carries its path as
    /// its data (<c>WithData</c>); help and error messages name it by this.
    /// </summary>
    internal sealed record CommandPath(string Value)
    {
        /// <summary>The path of the command that runs in <paramref name="context"/>.</summary>
        public static string Of(CommandContext context) => context.Data is CommandPath path ? path.Value : context.Name;

        /// <summary>The path of a command of the model help is written from.</summary>
        public static string Of(ICommandInfo command) => command.Parent is { } parent ? Of(parent) + " " + command.Name : command.Name;

        public override string ToString() => Value;
    }
}
