using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sendblue.Errors;

namespace Sendblue.Http
{
    /// <summary>
    /// Times one attempt, the response body included: the body is read into memory under the
    /// attempt's deadline, so a server that sends headers and then stalls is a timeout too, and no
    /// further than <c>MaxResponseBytes</c>, so a body without end (or a compression bomb) is
    /// refused at the limit. A cancelled caller token is never reported as a timeout.
    /// </summary>
    internal sealed class TimeoutHandler : DelegatingHandler
    {
        private readonly TimeSpan _timeout;
        private readonly long _maxResponseBytes;
        private readonly CredentialRedactor _redactor;

        public TimeoutHandler(TimeSpan timeout, long maxResponseBytes, CredentialRedactor redactor)
        {
            _timeout = timeout;
            _maxResponseBytes = maxResponseBytes;
            _redactor = redactor;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var callTimeout = OperationContext.OptionsOf(request)?.Timeout;
            var timeout = callTimeout ?? _timeout;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                attempt.CancelAfter(timeout);
            }

            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                var original = response.Content;
                if (original is not null)
                {
                    var status = (int)response.StatusCode;
                    try
                    {
                        response.Content = await BufferedContent.ReadAsync(original, withHeaders: status < 200 || status > 299, _maxResponseBytes, attempt.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        // Also when the read fails: disposing the original ends a body still arriving.
                        original.Dispose();
                    }
                }

                return response;
            }
            catch (ResponseTooLargeException ex)
            {
                var answer = $"{(int)response!.StatusCode} {_redactor.Scrub(response.ReasonPhrase ?? string.Empty)}".TrimEnd();
                response.Dispose();
                var what = ex.Announced is long announced
                    ? $"announces {announced} bytes, more than SendblueClientOptions.MaxResponseBytes ({_maxResponseBytes} bytes); it was not read."
                    : $"goes on past SendblueClientOptions.MaxResponseBytes ({_maxResponseBytes} bytes); it was not read further.";
                throw new SendblueException(
                    $"The Sendblue API's answer to {ErrorHandler.Describe(request)} ({answer}) {what} Raise MaxResponseBytes if answers this large are expected.");
            }
            catch (Exception ex) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is not SendblueException)
            {
                response?.Dispose();
                throw new SendblueTimeoutException(
                    $"The request to {ErrorHandler.Describe(request)} did not complete within {timeout.TotalSeconds:0.###} s ({(callTimeout is null ? "SendblueClientOptions" : "SendblueRequestOptions")}.Timeout).",
                    _redactor.Scrub(ex));
            }
            catch
            {
                response?.Dispose();
                throw;
            }
        }
    }
}
