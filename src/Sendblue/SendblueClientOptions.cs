using System;
using Microsoft.Extensions.Logging;

namespace Sendblue
{
    /// <summary>
    /// Settings of a <see cref="SendblueClient"/>. A new instance starts from the environment
    /// variables the official Sendblue SDKs read, so an existing setup works unchanged.
    /// </summary>
    public sealed class SendblueClientOptions
    {
        /// <summary>The environment variable <see cref="ApiKey"/> defaults to.</summary>
        public const string ApiKeyEnvironmentVariable = "SENDBLUE_API_API_KEY";

        /// <summary>The environment variable <see cref="ApiSecret"/> defaults to.</summary>
        public const string ApiSecretEnvironmentVariable = "SENDBLUE_API_API_SECRET";

        /// <summary>The environment variable <see cref="BaseUrl"/> defaults to.</summary>
        public const string BaseUrlEnvironmentVariable = "SENDBLUE_API_BASE_URL";

        /// <summary>The production API, the default <see cref="BaseUrl"/>.</summary>
        public static readonly Uri DefaultBaseUrl = new("https://api.sendblue.co");

        /// <summary>The default per-attempt <see cref="Timeout"/>: 60 seconds.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        /// <summary>The default <see cref="MaxRetries"/>: 2, so at most 3 attempts.</summary>
        public const int DefaultMaxRetries = 2;

        /// <summary>The default <see cref="MaxResponseBytes"/>: 16 MiB.</summary>
        public const long DefaultMaxResponseBytes = 16L * 1024 * 1024;

        /// <summary>
        /// The largest <see cref="MaxResponseBytes"/> that takes effect: the most one buffer can
        /// hold (a little under 2 GiB). A larger value acts as this one.
        /// </summary>
        internal const long MaxBufferableBytes = 0x7FFFFFC7 - 1;

        /// <summary>Creates options from the environment (see each property for its default).</summary>
        public SendblueClientOptions()
        {
            ApiKey = Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable);
            ApiSecret = Environment.GetEnvironmentVariable(ApiSecretEnvironmentVariable);
            _baseUrl = BaseUrlFromEnvironment(out _baseUrlProblem);
        }

        // A malformed SENDBLUE_API_BASE_URL is reported when a client is built from these options,
        // not here: a caller that sets BaseUrl itself (a test pointing at an emulator) never uses it.
        private string? _baseUrlProblem;
        private Uri _baseUrl;

        /// <summary>
        /// The API key id, sent as <c>sb-api-key-id</c>. Defaults to the
        /// <c>SENDBLUE_API_API_KEY</c> environment variable.
        /// </summary>
        public string? ApiKey { get; set; }

        /// <summary>
        /// The API secret key, sent as <c>sb-api-secret-key</c>. Defaults to the
        /// <c>SENDBLUE_API_API_SECRET</c> environment variable. Never printed or logged.
        /// </summary>
        public string? ApiSecret { get; set; }

        /// <summary>
        /// The API's address, with or without a trailing slash. Defaults to the
        /// <c>SENDBLUE_API_BASE_URL</c> environment variable, else <c>https://api.sendblue.co</c>.
        /// Credentials are only ever sent to this origin (scheme, host and port).
        /// </summary>
        public Uri BaseUrl
        {
            get => _baseUrl;
            set
            {
                _baseUrl = value;
                _baseUrlProblem = null;
            }
        }

        /// <summary>
        /// How long one attempt may take, the response body included, before it fails with
        /// <see cref="SendblueTimeoutException"/> (and a read is retried). Default 60 seconds;
        /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
        /// </summary>
        public TimeSpan Timeout { get; set; } = DefaultTimeout;

        /// <summary>
        /// How many times a failed call may be retried: N means at most N + 1 attempts. Default 2.
        /// Reads retry on 429, 5xx, connection failures and timeouts; a send only on 429 and on a
        /// connection refused before anything was written.
        /// </summary>
        public int MaxRetries { get; set; } = DefaultMaxRetries;

        /// <summary>
        /// Where the client logs: one Debug line per HTTP attempt (method, path without query
        /// values, status, elapsed), an Information line for each retry (why, how long it waits), and
        /// a Warning when a send ends in a 5xx, a timeout or a lost connection and is not retried.
        /// Phone numbers, content, the key and the secret are never logged. Null (the default) logs
        /// nothing; <c>services.AddSendblue</c> uses the application's logger factory.
        /// </summary>
        public ILoggerFactory? LoggerFactory { get; set; }

        /// <summary>
        /// The largest response body the client reads, in bytes, after decompression: success and
        /// error bodies alike, announced by <c>Content-Length</c> or not. A larger body ends the call
        /// with a <see cref="SendblueException"/> that says so, and is not read further (a
        /// compressed "bomb" stops here too). Default 16 MiB; it must be positive, and values over
        /// about 2 GiB act as 2 GiB.
        /// </summary>
        public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

        /// <summary>
        /// The first backoff wait; each retry doubles it, with jitter. Tests shorten it; a
        /// <c>Retry-After</c> from the server is always a floor.
        /// </summary>
        internal TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Describes the options without the key or the secret.</summary>
        public override string ToString() =>
            $"SendblueClientOptions {{ BaseUrl = {BaseUrl}, ApiKey = {Describe(ApiKey)}, ApiSecret = {Describe(ApiSecret)}, Timeout = {Timeout}, MaxRetries = {MaxRetries}, MaxResponseBytes = {MaxResponseBytes} }}";

        internal SendblueClientOptions Validated()
        {
            if (_baseUrlProblem is not null)
            {
                throw new InvalidOperationException(_baseUrlProblem);
            }

            if (string.IsNullOrWhiteSpace(ApiKey))
            {
                throw new InvalidOperationException(
                    $"No Sendblue API key: set {nameof(SendblueClientOptions)}.{nameof(ApiKey)} or the {ApiKeyEnvironmentVariable} environment variable (and {nameof(ApiSecret)} / {ApiSecretEnvironmentVariable}).");
            }

            if (string.IsNullOrWhiteSpace(ApiSecret))
            {
                throw new InvalidOperationException(
                    $"No Sendblue API secret: set {nameof(SendblueClientOptions)}.{nameof(ApiSecret)} or the {ApiSecretEnvironmentVariable} environment variable (and {nameof(ApiKey)} / {ApiKeyEnvironmentVariable}).");
            }

            if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException(
                    $"{nameof(SendblueClientOptions)}.{nameof(BaseUrl)} must be an absolute http or https URL, such as {DefaultBaseUrl}; it is '{BaseUrl}'.");
            }

            if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new InvalidOperationException(
                    $"{nameof(SendblueClientOptions)}.{nameof(Timeout)} must be positive or Timeout.InfiniteTimeSpan; it is {Timeout}.");
            }

            if (MaxRetries < 0)
            {
                throw new InvalidOperationException(
                    $"{nameof(SendblueClientOptions)}.{nameof(MaxRetries)} must be 0 or more; it is {MaxRetries}.");
            }

            if (MaxResponseBytes <= 0)
            {
                throw new InvalidOperationException(
                    $"{nameof(SendblueClientOptions)}.{nameof(MaxResponseBytes)} must be positive; it is {MaxResponseBytes}.");
            }

            return new SendblueClientOptions
            {
                ApiKey = ApiKey!.Trim(),
                ApiSecret = ApiSecret!.Trim(),
                BaseUrl = BaseUrl,
                Timeout = Timeout,
                MaxRetries = MaxRetries,
                MaxResponseBytes = Math.Min(MaxResponseBytes, MaxBufferableBytes),
                RetryBaseDelay = RetryBaseDelay,
                LoggerFactory = LoggerFactory,
            };
        }

        private static string Describe(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";

        private static Uri BaseUrlFromEnvironment(out string? problem)
        {
            problem = null;
            var value = Environment.GetEnvironmentVariable(BaseUrlEnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                return DefaultBaseUrl;
            }

            if (!Uri.TryCreate(value!.Trim(), UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                problem = $"The {BaseUrlEnvironmentVariable} environment variable must be an absolute http or https URL, such as {DefaultBaseUrl}; it is '{value}'. Fix it, or set {nameof(SendblueClientOptions)}.{nameof(BaseUrl)}.";
                return DefaultBaseUrl;
            }

            return uri;
        }
    }
}
