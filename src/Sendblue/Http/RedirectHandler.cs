using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Errors;

namespace Sendblue.Http
{
    /// <summary>
    /// The redirect step of the SDK's own pipeline (a brought <see cref="HttpClient"/> keeps its
    /// own): follows 301, 302, 303, 307 and 308 up to <see cref="MaxRedirects"/> times, as Kiota's
    /// RedirectHandler did (a 303 becomes a GET without a body; the others keep the method and the
    /// body), with two rules of ours:
    /// <list type="bullet">
    /// <item>a hop that would carry a body to another origin (scheme, host, port) than the one it
    /// leaves is not made: the call ends with a <see cref="SendblueApiException"/> of the redirect's
    /// status, naming the target origin, and the other server sees nothing;</item>
    /// <item>every failure (too many hops, no or an unusable Location, a change of scheme) is a
    /// <see cref="SendblueException"/> thrown here, so no step above has to recognise another
    /// library's exceptions.</item>
    /// </list>
    /// Credentials are not this step's business: <see cref="CredentialHandler"/> sets or removes
    /// them on every hop by its origin. Strings from the server pass the redactor.
    /// </summary>
    internal sealed class RedirectHandler : DelegatingHandler
    {
        public const int MaxRedirects = 5;

        private readonly CredentialRedactor _redactor;

        public RedirectHandler(CredentialRedactor redactor)
        {
            _redactor = redactor;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var current = request;
            for (var hops = 0; IsRedirect((int)response.StatusCode); hops++)
            {
                var status = (int)response.StatusCode;
                using (response)
                {
                    if (hops == MaxRedirects)
                    {
                        throw Failure(request, $"Too many redirects (more than {MaxRedirects}).");
                    }

                    var target = Target(request, current, response);
                    var next = Follow(current, target, status);
                    if (next.Content != null && !CredentialHandler.IsSameOrigin(target, current.RequestUri!))
                    {
                        throw new SendblueApiException(
                            $"The Sendblue API answered {ErrorHandler.Describe(request)} with {status} {Reason(status)}, a redirect to another origin ({_redactor.Scrub(target.GetLeftPart(UriPartial.Authority))}); a request with a body is never sent to another origin, so it was not followed.",
                            status,
                            errorMessage: null,
                            responseBody: null,
                            _redactor.Scrub(SendblueExceptionFactory.CollectHeaders(response)));
                    }

                    if (!string.Equals(target.Scheme, current.RequestUri!.Scheme, StringComparison.OrdinalIgnoreCase))
                    {
                        throw Failure(request, $"The redirect changes the scheme from {current.RequestUri.Scheme} to {_redactor.Scrub(target.Scheme)}, which is not followed.");
                    }

                    current = next;
                }

                response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }

        internal static bool IsRedirect(int status) => status == 301 || status == 302 || status == 303 || status == 307 || status == 308;

        private Uri Target(HttpRequestMessage request, HttpRequestMessage current, HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("Location", out var values))
            {
                throw Failure(request, $"The {(int)response.StatusCode} response has no Location header.");
            }

            var location = values.FirstOrDefault();
            if (string.IsNullOrWhiteSpace(location)
                || !Uri.TryCreate(current.RequestUri, location!.Trim(), out var target)
                || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            {
                throw Failure(request, $"The {(int)response.StatusCode} response's Location is not an http or https URL: '{_redactor.Scrub(location ?? string.Empty)}'.");
            }

            return target;
        }

        /// <summary>The next hop: the same request to <paramref name="target"/> (a GET without a body after a 303).</summary>
        private static HttpRequestMessage Follow(HttpRequestMessage current, Uri target, int status)
        {
            var seeOther = status == 303 && current.Method != HttpMethod.Head;
            var next = new HttpRequestMessage(seeOther ? HttpMethod.Get : current.Method, target)
            {
                Version = current.Version,
                Content = seeOther ? null : current.Content,
            };
            foreach (var header in current.Headers)
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            // The operation (and whatever else the generated client attached) travels with the request.
#if NET5_0_OR_GREATER
            foreach (var option in current.Options)
            {
                ((System.Collections.Generic.IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
            }
#else
            foreach (var property in current.Properties)
            {
                next.Properties[property.Key] = property.Value;
            }
#endif
            return next;
        }

        private static SendblueException Failure(HttpRequestMessage request, string why) =>
            new($"Could not follow the Sendblue API's redirect for {ErrorHandler.Describe(request)}: {why}");

        private static string Reason(int status) => status switch
        {
            301 => "Moved Permanently",
            302 => "Found",
            303 => "See Other",
            307 => "Temporary Redirect",
            _ => "Permanent Redirect",
        };
    }
}
