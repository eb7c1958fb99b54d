using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sendblue.Http;
using Sendblue.Tests.Http;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Diagnostics
{
    /// <summary>
    /// Requests through the SDK's own pipeline carrying the <see cref="OperationContext"/> the
    /// generated clients attach, so that the telemetry tests see operation names whatever the
    /// hand-written clients attach today.
    /// </summary>
    internal static class PipelineCalls
    {
        public static readonly OperationContext Send = new("Messages", "Send", retriesAsRead: false);
        public static readonly OperationContext GetStatus = new("Messages", "GetStatus", retriesAsRead: true);
        public static readonly OperationContext List = new("Messages", "List", retriesAsRead: true);

        public static SendblueClientOptions Options(LoopbackServer server, ILoggerFactory? loggers = null, int maxRetries = 2, TimeSpan? timeout = null)
        {
            var options = Loopback.Options(server.BaseUrl, maxRetries, timeout);
            options.LoggerFactory = loggers;
            return options;
        }

        /// <summary>Sends one request as an operation would; the response (or the SDK exception) is the caller's.</summary>
        public static async Task<HttpResponseMessage> CallAsync(SendblueClientOptions options, OperationContext? context, string pathAndQuery)
        {
            using var http = SendbluePipeline.Create(options.Validated(), brought: null);
            var method = context?.RetriesAsRead == false ? HttpMethod.Post : HttpMethod.Get;
            using var request = new HttpRequestMessage(method, new Uri(options.BaseUrl, pathAndQuery));
            if (method == HttpMethod.Post)
            {
                request.Content = new StringContent("""{"number":"+19998887777","from_number":"+16292925296","content":"Your table is ready."}""", System.Text.Encoding.UTF8, "application/json");
            }

            context?.AttachTo(request);
            return await http.SendAsync(request).ConfigureAwait(false);
        }

        public static ILoggerFactory Loggers(CapturingLoggerProvider provider) =>
            LoggerFactory.Create(builder => builder.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
    }
}
