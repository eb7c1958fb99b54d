using System;
using System.Net.Http;
using System.Reflection;
using Sendblue.Errors;
using Sendblue.Http;

namespace Sendblue
{
    /// <summary>
    /// The entry point of the SDK. Create one per set of credentials and reuse it: it holds a
    /// connection pool. Thread-safe.
    /// </summary>
    /// <example>
    /// <code>
    /// using var client = new SendblueClient(); // SENDBLUE_API_API_KEY, SENDBLUE_API_API_SECRET
    /// var sent = await client.Messages.SendAsync(new SendMessageRequest
    /// {
    ///     Number = "+19998887777",
    ///     FromNumber = "+16292925296",
    ///     Content = "Hello from .NET",
    /// });
    /// </code>
    /// </example>
    public sealed partial class SendblueClient : ISendblueClient, IDisposable
    {
        private readonly HttpClient _http;
        private readonly Uri _baseUrl;

        /// <summary>Creates a client from the environment variables (see <see cref="SendblueClientOptions"/>).</summary>
        /// <exception cref="InvalidOperationException">The key or the secret is not set.</exception>
        public SendblueClient()
            : this(new SendblueClientOptions())
        {
        }

        /// <summary>
        /// Creates a client with the SDK's own HTTP pipeline: retries, redirects, per-attempt
        /// timeout and credentials sent only to <see cref="SendblueClientOptions.BaseUrl"/>.
        /// </summary>
        /// <param name="options">The settings; they are copied, later changes have no effect.</param>
        /// <exception cref="InvalidOperationException">The key or the secret is not set, or an option is out of range.</exception>
        public SendblueClient(SendblueClientOptions options)
            : this(options, (HttpClient?)null)
        {
        }

        /// <summary>
        /// Creates a client over an <see cref="HttpClient"/> of yours (say, from IHttpClientFactory).
        /// The SDK still adds the credentials, maps errors and applies the per-attempt timeout;
        /// retries and redirects are your client's, and so is disposing it.
        /// </summary>
        /// <param name="options">The settings; they are copied, later changes have no effect.</param>
        /// <param name="httpClient">The client requests go out through. Never disposed by the SDK.</param>
        /// <exception cref="InvalidOperationException">The key or the secret is not set, or an option is out of range.</exception>
        public SendblueClient(SendblueClientOptions options, HttpClient? httpClient)
            : this(options, settings => SendbluePipeline.Create(settings, httpClient))
        {
        }

        /// <param name="options">The settings, validated and copied here.</param>
        /// <param name="pipeline">The HttpClient every request goes through, from the validated settings.</param>
        private SendblueClient(SendblueClientOptions options, Func<SendblueClientOptions, HttpClient> pipeline)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var settings = options.Validated();
            _baseUrl = settings.BaseUrl;
            _http = pipeline(settings);
            Api = new SendblueApi(_http, settings.BaseUrl, new CredentialRedactor(settings.ApiKey, settings.ApiSecret));
        }

        /// <summary>
        /// A client over an HttpClient whose handlers already are the SDK's own steps (see
        /// <see cref="SendbluePipeline.CreateSteps"/>): the IHttpClientFactory client that
        /// <c>services.AddSendblue</c> registers. Disposing the client disposes that HttpClient, which
        /// leaves the factory's handlers alone.
        /// </summary>
        internal static SendblueClient OverPipeline(SendblueClientOptions options, HttpClient pipelineClient) =>
            new(options, _ => pipelineClient ?? throw new ArgumentNullException(nameof(pipelineClient)));

        /// <summary>
        /// A client with the SDK's own pipeline (retries, redirects, timeout, credentials) over
        /// another transport than sockets: the benchmarks measure the pipeline a default client
        /// runs, over canned bytes in memory.
        /// </summary>
        internal static SendblueClient WithTransport(SendblueClientOptions options, HttpMessageHandler transport) =>
            new(options, settings => SendbluePipeline.Create(settings, brought: null, transport ?? throw new ArgumentNullException(nameof(transport))));

        /// <summary>The version of this SDK, as it appears in the user agent.</summary>
        public static string SdkVersion { get; } = ReadVersion();

        /// <summary>The user agent the SDK sends: <c>sendblue-dotnet/&lt;version&gt;</c>.</summary>
        public static string UserAgent => SendbluePipeline.ProductName + "/" + SdkVersion;

        /// <summary>The one caller every generated client (one per tag of the spec, as a property of this class) goes through.</summary>
        internal SendblueApi Api { get; }

        /// <summary>Releases the connections of the SDK's own pipeline (never a brought HttpClient).</summary>
        public void Dispose() => _http.Dispose();

        /// <summary>Describes the client without its credentials.</summary>
        public override string ToString() => $"SendblueClient {{ BaseUrl = {_baseUrl} }}";

        private static string ReadVersion()
        {
            var assembly = typeof(SendblueClient).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (!string.IsNullOrEmpty(informational))
            {
                // Drop SourceLink's "+<commit>" suffix: the user agent names the release.
                var plus = informational!.IndexOf('+');
                return plus >= 0 ? informational.Substring(0, plus) : informational;
            }

            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }
    }
}
