using System;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands
{
    /// <summary>A command that talks to the API with the credentials of the environment.</summary>
    internal abstract class ApiCommand<TSettings> : AsyncCommand<TSettings>
        where TSettings : ApiSettings
    {
        protected ApiCommand(CliHost host)
        {
            Host = host;
        }

        protected CliHost Host { get; }

        public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
        {
            var client = CreateClient(settings);
            try
            {
                return await ExecuteAsync(client, settings, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                (client as IDisposable)?.Dispose();
            }
        }

        /// <summary>The answer as JSON with <c>--json</c>, else as its fields one per line; the command's exit code.</summary>
        protected int Show(TSettings settings, object answer, Action<System.IO.TextWriter> fields)
        {
            if (settings.Json)
            {
                Output.JsonOutput.Write(Host.Out, answer);
            }
            else
            {
                fields(Host.Out);
            }

            return ExitCodes.Ok;
        }

        /// <summary>Runs the command with a client made from the environment and <c>--base-url</c>; disposed afterwards.</summary>
        protected abstract Task<int> ExecuteAsync(ISendblueClient client, TSettings settings, CancellationToken cancellationToken);

        private ISendblueClient CreateClient(TSettings settings)
        {
            var options = Host.ClientOptions();

            if (settings.BaseUrl is not null)
            {
                options.BaseUrl = new Uri(settings.BaseUrl, UriKind.Absolute);
            }

            var noKey = string.IsNullOrWhiteSpace(options.ApiKey);
            var noSecret = string.IsNullOrWhiteSpace(options.ApiSecret);
            if (noKey || noSecret)
            {
                var missing = noKey && noSecret
                    ? "neither is set"
                    : (noKey ? SendblueClientOptions.ApiKeyEnvironmentVariable : SendblueClientOptions.ApiSecretEnvironmentVariable) + " is not set";
                throw new CliUsageException(
                    $"no Sendblue credentials: set {SendblueClientOptions.ApiKeyEnvironmentVariable} and {SendblueClientOptions.ApiSecretEnvironmentVariable} "
                    + $"to your API key and secret from the Sendblue dashboard ({missing}).{Environment.NewLine}"
                    + $"To see the SDK work without credentials, run '{SendblueCli.Name} demo' (from a clone: {SendblueCli.DemoFromClone}).");
            }

            try
            {
                return Host.ClientFactory(options);
            }
            catch (InvalidOperationException ex)
            {
                // An option out of range, or a malformed SENDBLUE_API_BASE_URL not replaced by --base-url.
                throw new CliUsageException(ex.Message, ex);
            }
        }
    }
}
