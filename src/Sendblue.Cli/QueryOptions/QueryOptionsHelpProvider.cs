using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Sendblue.Cli.QueryOptions
{
    /// <summary>
    /// Spectre's help, with the query options of a command listed among its declared options (same
    /// table, same style): the command's model is shown to Spectre's help writer with one option
    /// more per query property.
    /// </summary>
    internal sealed class QueryOptionsHelpProvider : HelpProvider
    {
        private readonly IReadOnlyDictionary<string, QueryOptionSet> _byCommand;

        /// <param name="settings">The app's settings, as Spectre's own help provider takes them.</param>
        /// <param name="byCommand">The query options of each command that takes some, by command path (<c>list</c>, <c>contacts list</c>).</param>
        public QueryOptionsHelpProvider(ICommandAppSettings settings, IReadOnlyDictionary<string, QueryOptionSet> byCommand)
            : base(settings)
        {
            _byCommand = byCommand;
        }

        public override IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command) =>
            base.Write(model, command is not null && _byCommand.TryGetValue(CommandPath.Of(command), out var options)
                ? new WithQueryOptions(command, options)
                : command);

        /// <summary>A command as it is, plus its query options as options.</summary>
        private sealed class WithQueryOptions : ICommandInfo
        {
            private readonly ICommandInfo _command;

            public WithQueryOptions(ICommandInfo command, QueryOptionSet options)
            {
                _command = command;
                Parameters = command.Parameters
                    .Concat(options.Options.Select(o => (ICommandParameter)new QueryOptionParameter(o)))
                    .ToList();
            }

            public string Name => _command.Name;

            public string? Description => _command.Description;

            public bool IsBranch => _command.IsBranch;

            public bool IsDefaultCommand => _command.IsDefaultCommand;

            public bool IsHidden => _command.IsHidden;

            public IReadOnlyList<ICommandParameter> Parameters { get; }

            public ICommandInfo? Parent => _command.Parent;

            public IReadOnlyList<string[]> Examples => _command.Examples;

            public IReadOnlyList<ICommandInfo> Commands => _command.Commands;

            public ICommandInfo? DefaultCommand => _command.DefaultCommand;
        }

        /// <summary>A query option as Spectre's help sees an option.</summary>
        private sealed class QueryOptionParameter : ICommandOption
        {
            public QueryOptionParameter(QueryOption option)
            {
                // Spectre shows the first long name only; the aliases are in the description.
                LongNames = option.Names.Select(n => n.Substring(2)).ToList();
                ValueName = option.ValueType.ValueName;
                Description = Markup.Escape(option.Description);
            }

            public IReadOnlyList<string> LongNames { get; }

            public IReadOnlyList<string> ShortNames { get; } = Array.Empty<string>();

            public string ValueName { get; }

            public bool ValueIsOptional => false;

            public bool IsFlag => false;

            public bool IsRequired => false;

            public string Description { get; }

            public DefaultValueAttribute? DefaultValue => null;

            public bool IsHidden => false;
        }
    }
}
