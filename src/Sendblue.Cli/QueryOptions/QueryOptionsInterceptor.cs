using System.Linq;
using Spectre.Console.Cli;

namespace Sendblue.Cli.QueryOptions
{
    /// <summary>
    /// Strict parsing, with query options. Spectre binds only the options a settings class declares,
    /// and query options are found at run time, so the app parses relaxed (undeclared options land in
    /// <see cref="CommandContext.Remaining"/>) and this, before any command runs, binds those that are
    /// query options of the command and refuses every other one, as strict parsing would.
    /// </summary>
    internal sealed class QueryOptionsInterceptor : ICommandInterceptor
    {
        public void Intercept(CommandContext context, CommandSettings settings)
        {
            var queryOptions = (settings as IQueryOptionsSettings)?.QueryOptions;
            var command = CommandPath.Of(context);
            var given = context.Remaining.Parsed;

            // Typos first: "--stauts x" says unknown option, not whatever else is wrong.
            var unknown = given.Select(g => g.Key).FirstOrDefault(name => queryOptions?.Find(name) is null);
            if (unknown is not null)
            {
                throw new CliUsageException($"Unknown option '{unknown}'.", command);
            }

            if (context.Remaining.Raw.Count > 0)
            {
                throw new CliUsageException($"'{command}' takes nothing after '--'; it has '{string.Join(" ", context.Remaining.Raw)}'.", command);
            }

            if (settings is IQueryOptionsSettings querySettings)
            {
                if (!querySettings.QueryOptions.TryBind(given, out var query, out var error))
                {
                    throw new CliUsageException(error!, command);
                }

                querySettings.Query = query;
            }
        }

        public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
        {
        }
    }
}
