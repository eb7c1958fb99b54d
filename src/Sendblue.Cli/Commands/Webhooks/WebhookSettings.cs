using System;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Sendblue.Cli.Commands.Webhooks
{
    /// <summary>What <c>webhooks add</c> and <c>webhooks remove</c> share: one webhook URL of one event type.</summary>
    internal class WebhookSettings : ApiSettings
    {
        [CommandArgument(0, "<url>")]
        [Description("The webhook's URL: the endpoint Sendblue calls, absolute http or https.")]
        public string Url { get; set; } = "";

        [CommandOption("--type <TYPE>")]
        [Description("The event type, in any case: receive, line_blocked, line_assigned, outbound, typing_indicator, call_log, inbound_call, contact_profile or contact_created. Required.")]
        public string? Type { get; set; }

        /// <summary>The event type in its canonical spelling, checked by <see cref="Validate"/>.</summary>
        public WebhookType WebhookType =>
            OptionValues.Extensible(Type, WebhookType.KnownValues, t => new WebhookType(t)) ?? WebhookType.Receive;

        public override ValidationResult Validate()
        {
            if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return ValidationResult.Error($"<url> must be an absolute http or https URL, such as https://example.com/sendblue/inbound; it is '{Url}'.");
            }

            // Required although the API defaults to receive: a change to the account's webhooks says which ones it changes.
            if (string.IsNullOrWhiteSpace(Type))
            {
                return ValidationResult.Error("--type is required: the event type of the webhook, such as receive or outbound.");
            }

            // The SDK refuses a type the spec does not list; said here, it names the option.
            if (!WebhookType.IsKnown)
            {
                return ValidationResult.Error($"--type must be one of {string.Join(", ", WebhookType.KnownValues)}; it is '{Type}'.");
            }

            return base.Validate();
        }
    }
}
