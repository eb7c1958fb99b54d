using System;
using System.Net;
using System.Net.Http;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

using Sendblue.Errors;

namespace Sendblue.Http
{
    /// <summary>
    /// Builds the HTTP pipeline, outermost first:
    /// errors -> retry -> redirect -> user agent (Kiota) -> per-attempt timeout -> credentials -> transport.
    /// With a brought <see cref="HttpClient"/> the retry and redirect steps are left out: that
    /// client's own handlers do them.
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

            var redactor = new CredentialRedactor(options.ApiKey, options.ApiSecret);
            var steps = new System.Collections.Generic.List<DelegatingHandler>
            {
                new ErrorHandler(redactor),
            };
            if (brought is null)
            {
                steps.Add(new RetryHandler(options.MaxRetries, options.RetryBaseDelay));
                steps.Add(new RedirectHandler(redactor));
            }

            steps.Add(new UserAgentHandler(new UserAgentHandlerOption
            {
                ProductName = ProductName,
                ProductVersion = SendblueClient.SdkVersion,
            }));
            steps.Add(new TimeoutHandler(options.Timeout, options.MaxResponseBytes, redactor));
            steps.Add(new CredentialHandler(options.BaseUrl, options.ApiKey!, options.ApiSecret!));

            HttpMessageHandler next = transport;
            for (var i = steps.Count - 1; i >= 0; i--)
            {
                steps[i].InnerHandler = next;
                next = steps[i];
            }

            // Timeouts are per attempt, in TimeoutHandler; HttpClient's own would span all attempts.
            return new HttpClient(next, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        private static HttpMessageHandler CreateTransport()
        {
#if NET5_0_OR_GREATER
            return new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseCookies = false,
            };
#else
            return new HttpClientHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
            };
#endif
        }
    }
}
