using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

using Sendblue.Diagnostics;
using Sendblue.Errors;

namespace Sendblue.Http
{
    /// <summary>
    /// Builds the HTTP pipeline, outermost first:
    /// operation telemetry -> errors -> retry -> attempt telemetry -> redirect (ours) -> user agent (Kiota)
    /// -> per-attempt timeout -> credentials -> transport.
    /// With a brought <see cref="HttpClient"/> the retry and redirect steps are left out: that
    /// client's own handlers do them. An IHttpClientFactory client registered by AddSendblue gets
    /// the same steps as its own handlers (<see cref="CreateSteps"/>) over <see cref="CreateTransport"/>.
    /// </summary>
    internal static class SendbluePipeline
    {
        public const string ProductName = "sendblue-dotnet";

        /// <param name="options">The validated settings.</param>
        /// <param name="brought">The user's client: its handlers replace the retry and redirect steps.</param>
        /// <param name="ownTransport">Instead of sockets, under the SDK's own steps (benchmarks over canned bytes).</param>
        public static HttpClient Create(SendblueClientOptions options, HttpClient? brought, HttpMessageHandler? ownTransport = null)
        {
            HttpMessageHandler transport = brought is null
                ? ownTransport ?? CreateTransport()
                : new HttpClientForwardingHandler(brought);

            var steps = CreateSteps(options, retriesAndRedirects: brought is null);
            HttpMessageHandler next = transport;
            for (var i = steps.Count - 1; i >= 0; i--)
            {
                steps[i].InnerHandler = next;
                next = steps[i];
            }

            // Timeouts are per attempt, in TimeoutHandler; HttpClient's own would span all attempts.
            return new HttpClient(next, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        /// <summary>The SDK's steps, outermost first, not yet linked to each other or to a transport.</summary>
        /// <param name="options">The validated settings.</param>
        /// <param name="retriesAndRedirects">False when the transport below does its own retries and redirects.</param>
        public static IList<DelegatingHandler> CreateSteps(SendblueClientOptions options, bool retriesAndRedirects)
        {
            var diagnostics = new SendblueDiagnostics(options.LoggerFactory);
            var redactor = new CredentialRedactor(options.ApiKey, options.ApiSecret);
            var steps = new List<DelegatingHandler>
            {
                new OperationTelemetryHandler(diagnostics),
                new ErrorHandler(redactor),
            };
            if (retriesAndRedirects)
            {
                steps.Add(new RetryHandler(options.MaxRetries, options.RetryBaseDelay, diagnostics));
            }

            steps.Add(new AttemptTelemetryHandler(diagnostics));
            if (retriesAndRedirects)
            {
                steps.Add(new RedirectHandler(redactor));
            }

            steps.Add(new UserAgentHandler(new UserAgentHandlerOption
            {
                ProductName = ProductName,
                ProductVersion = SendblueClient.SdkVersion,
            }));
            steps.Add(new TimeoutHandler(options.Timeout, options.MaxResponseBytes, redactor));
            steps.Add(new CredentialHandler(options.BaseUrl, options.ApiKey!, options.ApiSecret!));
            return steps;
        }

        /// <summary>
        /// The sockets under the SDK's own steps: no automatic redirects (the redirect step does them), no
        /// cookies, and the machine's proxy for every address but loopback (an emulator on 127.0.0.1).
        /// </summary>
        public static HttpMessageHandler CreateTransport()
        {
#if NET5_0_OR_GREATER
            return new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                Proxy = new LoopbackDirectProxy(),
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseCookies = false,
            };
#else
            // UseProxy stays true (its default), so the handler goes through this Proxy instead of the
            // machine's: the same machine proxy, but not for loopback.
            return new HttpClientHandler
            {
                AllowAutoRedirect = false,
                Proxy = new LoopbackDirectProxy(),
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
            };
#endif
        }
    }
}
