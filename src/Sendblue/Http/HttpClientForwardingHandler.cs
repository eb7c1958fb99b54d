using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Http
{
    /// <summary>
    /// The transport when the user brings an <see cref="HttpClient"/> (say, from
    /// IHttpClientFactory): the SDK's own steps (errors, timeout, user agent, credentials) run in
    /// front, then the request goes out through the user's client with its handlers, retries and
    /// redirects. The request is copied because an <see cref="HttpClient"/> refuses a message that
    /// another client has already sent.
    /// </summary>
    internal sealed class HttpClientForwardingHandler : HttpMessageHandler
    {
        private readonly HttpClient _client;

        public HttpClientForwardingHandler(HttpClient client)
        {
            _client = client;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri)
            {
                Content = request.Content,
                Version = request.Version,
            };
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return _client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }

        // The user's client is theirs to dispose.
        protected override void Dispose(bool disposing)
        {
        }
    }
}
