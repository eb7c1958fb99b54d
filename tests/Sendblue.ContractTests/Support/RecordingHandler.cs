using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.ContractTests.Support
{
    /// <summary>One request and the raw response it got, as the wire had them.</summary>
    /// <param name="Method">The HTTP method.</param>
    /// <param name="Uri">The full request URI.</param>
    /// <param name="RequestBody">The request body, or null.</param>
    /// <param name="StatusCode">The response status.</param>
    /// <param name="ResponseHeaders">The response and content headers.</param>
    /// <param name="ResponseBody">The response body as text.</param>
    public sealed record HttpExchange(
        HttpMethod Method,
        Uri Uri,
        string? RequestBody,
        int StatusCode,
        IReadOnlyDictionary<string, string> ResponseHeaders,
        string ResponseBody)
    {
        /// <summary>A response header's value, or null.</summary>
        public string? ResponseHeader(string name) => ResponseHeaders.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>
    /// Records every request and raw response body that passes through a brought HttpClient, so a
    /// test can judge what the SDK sent and what the server answered byte for byte. The body is
    /// buffered, so the SDK still reads it as usual.
    /// </summary>
    public sealed class RecordingHandler : DelegatingHandler
    {
        private readonly ConcurrentQueue<HttpExchange> _exchanges = new();

        public RecordingHandler()
            : this(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
        }

        /// <summary>Records what passes to <paramref name="inner"/> (a real handler, or a mock in tests).</summary>
        public RecordingHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        /// <summary>Every exchange so far, in order.</summary>
        public IReadOnlyList<HttpExchange> Exchanges => _exchanges.ToArray();

        /// <summary>The last exchange.</summary>
        public HttpExchange Last => Exchanges.LastOrDefault() ?? throw new InvalidOperationException("No request went through.");

        /// <summary>Forgets the exchanges so far.</summary>
        public void Clear()
        {
            while (_exchanges.TryDequeue(out _))
            {
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            _exchanges.Enqueue(new HttpExchange(request.Method, request.RequestUri!, requestBody, (int)response.StatusCode, headers, body));
            return response;
        }
    }
}
