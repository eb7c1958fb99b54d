using System;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands
{
    /// <summary>The options every command that calls the API has.</summary>
    internal class ApiSettings : CommandSettings
    {
        [CommandOption("--base-url <URL>")]
        [Description("The API's address, instead of SENDBLUE_API_BASE_URL or https://api.sendblue.co (say, an emulator's).")]
        public string? BaseUrl { get; set; }

        [CommandOption("--json")]
        [Description("Prints the API's model as one JSON document, for scripts.")]
        public bool Json { get; set; }

        public override ValidationResult Validate()
        {
            if (BaseUrl is not null
                && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            {
                return ValidationResult.Error($"--base-url must be an absolute http or https URL, such as https://api.sendblue.co; it is '{BaseUrl}'.");
            }

            return ValidationResult.Success();
        }
    }
}
