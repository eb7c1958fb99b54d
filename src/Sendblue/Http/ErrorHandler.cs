using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Errors;

namespace Sendblue.Http
{
    /// <summary>
    /// The outermost step: turns what the steps below return or throw into the SDK's exception
    /// family. A non-success response becomes the <see cref="SendblueApiException"/> of its
    /// status (its body read as text); a transport failure becomes
    /// <see cref="SendblueConnectionException"/>; the caller's cancellation stays an
    /// <see cref="OperationCanceledException"/>. Every string from the server on the way (reason
    /// phrase, body, header names and values, the text of an inner exception) passes the
    /// redactor. The steps below throw SendblueExceptions of their own (the redirect step, the
    /// body limit, the timeout), which pass through as they are.
    /// </summary>
    internal sealed class ErrorHandler : DelegatingHandler
    {
        private readonly CredentialRedactor _redactor;

        public ErrorHandler(CredentialRedactor redactor)
        {
            _redactor = redactor;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                // Not the caller's token: a brought HttpClient's own Timeout fired.
                throw new SendblueTimeoutException(
                    $"The request to {Describe(request)} timed out (the HttpClient's own Timeout).", _redactor.Scrub(ex));
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is System.IO.IOException || ex is System.Net.Sockets.SocketException)
            {
                throw new SendblueConnectionException(
                    $"Could not get a response from the Sendblue API for {Describe(request)}: {_redactor.Scrub(ex.Message)}", _redactor.Scrub(ex));
            }

            var status = (int)response.StatusCode;
            if (status >= 200 && status < 300)
            {
                return response;
            }

            using (response)
            {
                string? body = null;
                if (response.Content != null)
                {
                    try
                    {
                        body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is HttpRequestException || ex is System.IO.IOException)
                    {
                        body = null;
                    }
                }

                throw SendblueExceptionFactory.Create(
                    status,
                    response.ReasonPhrase is null ? null : _redactor.Scrub(response.ReasonPhrase),
                    string.IsNullOrEmpty(body) ? null : _redactor.Scrub(body!),
                    _redactor.Scrub(SendblueExceptionFactory.CollectHeaders(response)),
                    SendblueExceptionFactory.RetryAfterOf(response));
            }
        }

        /// <summary>How the steps' messages name a request: its method and URL, the query left out.</summary>
        internal static string Describe(HttpRequestMessage request) =>
            $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}";
    }
}
