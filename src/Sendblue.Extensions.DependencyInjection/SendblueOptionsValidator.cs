using System;
using Microsoft.Extensions.Options;

namespace Sendblue.Extensions.DependencyInjection
{
    /// <summary>
    /// Checks the bound options when the host starts (ValidateOnStart) or when they are first used,
    /// with messages that name the configuration key to set. Never prints a key or a secret.
    /// </summary>
    internal sealed class SendblueOptionsValidator : IValidateOptions<SendblueClientOptions>
    {
        private readonly string? _section;

        /// <param name="section">The configuration section the options were bound from, such as <c>Sendblue</c>; null when set in code.</param>
        public SendblueOptionsValidator(string? section)
        {
            _section = section;
        }

        public ValidateOptionsResult Validate(string? name, SendblueClientOptions options)
        {
            if (name != Options.DefaultName)
            {
                return ValidateOptionsResult.Skip;
            }

            if (string.IsNullOrWhiteSpace(options.ApiKey))
            {
                return ValidateOptionsResult.Fail(Missing(nameof(SendblueClientOptions.ApiKey), "API key", SendblueClientOptions.ApiKeyEnvironmentVariable));
            }

            if (string.IsNullOrWhiteSpace(options.ApiSecret))
            {
                return ValidateOptionsResult.Fail(Missing(nameof(SendblueClientOptions.ApiSecret), "API secret", SendblueClientOptions.ApiSecretEnvironmentVariable));
            }

            try
            {
                options.Validated();
            }
            catch (InvalidOperationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }

            return ValidateOptionsResult.Success;
        }

        private string Missing(string key, string what, string variable) =>
            _section is null
                ? $"No Sendblue {what}: set {nameof(SendblueClientOptions)}.{key} in AddSendblue(options => ...), or the {variable} environment variable."
                : $"No Sendblue {what}: set the configuration key {_section}:{key} (in appsettings.json, user secrets or the environment variable {_section.Replace(":", "__")}__{key}), or the {variable} environment variable.";
    }
}
