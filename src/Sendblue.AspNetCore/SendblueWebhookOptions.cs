namespace Sendblue.AspNetCore
{
    /// <summary>
    /// Settings of the endpoints <c>MapSendblueWebhook</c> maps. Configure them with
    /// <c>services.Configure&lt;SendblueWebhookOptions&gt;(...)</c>, or leave them alone and set the
    /// configuration key <c>Sendblue:WebhookSecret</c>, which is read when they are not set.
    /// </summary>
    public sealed class SendblueWebhookOptions
    {
        /// <summary>The configuration key the secret is read from when <see cref="WebhookSecret"/> is not set.</summary>
        public const string WebhookSecretConfigurationKey = "Sendblue:WebhookSecret";

        /// <summary>
        /// The webhook secret configured in the Sendblue dashboard; Sendblue sends it in the
        /// <c>sb-signing-secret</c> header of every webhook. Required: a request without it, or
        /// with another value, is answered 401. Never logged.
        /// </summary>
        public string? WebhookSecret { get; set; }

        /// <summary>Describes the options without the secret.</summary>
        public override string ToString() =>
            $"SendblueWebhookOptions {{ WebhookSecret = {(string.IsNullOrEmpty(WebhookSecret) ? "(not set)" : "(set)")} }}";
    }
}
