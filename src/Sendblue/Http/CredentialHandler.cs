using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Http
{
    /// <summary>
    /// The innermost step of the pipeline: sets the credential headers on every attempt whose
    /// origin (scheme, host, port) is the configured <c>BaseUrl</c>'s, and removes them from any
    /// other. Redirect handlers copy the headers of the request they follow, so merely not adding
    /// them elsewhere would not keep them home.
    /// </summary>
    internal sealed class CredentialHandler : DelegatingHandler
    {
        public const string KeyHeader = "sb-api-key-id";
        public const string SecretHeader = "sb-api-secret-key";

        private readonly Uri _origin;
        private readonly string _key;
        private readonly string _secret;

        public CredentialHandler(Uri baseUrl, string key, string secret)
        {
            _origin = baseUrl;
            _key = key;
            _secret = secret;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(KeyHeader);
            request.Headers.Remove(SecretHeader);
            if (IsSameOrigin(request.RequestUri, _origin))
            {
                request.Headers.TryAddWithoutValidation(KeyHeader, _key);
                request.Headers.TryAddWithoutValidation(SecretHeader, _secret);
            }

            return base.SendAsync(request, cancellationToken);
        }

        internal static bool IsSameOrigin(Uri? uri, Uri origin) =>
            uri != null
            && uri.IsAbsoluteUri
            && string.Equals(uri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
            && uri.Port == origin.Port;
    }
}
