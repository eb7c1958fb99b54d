using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Http
{
    /// <summary>
    /// Times one attempt, the response body included: the body is read into memory under the
    /// attempt's deadline, so a server that sends headers and then stalls is a timeout too. A
    /// cancelled caller token is never reported as a timeout.
    /// </summary>
    internal sealed class TimeoutHandler : DelegatingHandler
    {
        private readonly TimeSpan _timeout;

        public TimeoutHandler(TimeSpan timeout)
        {
            _timeout = timeout;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                attempt.CancelAfter(_timeout);
            }

            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                await BufferContentAsync(response, attempt.Token).ConfigureAwait(false);
                return response;
            }
            catch (Exception ex) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested && ex is not SendblueException)
            {
                response?.Dispose();
                throw new SendblueTimeoutException(
                    $"The request to {request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)} did not complete within {_timeout.TotalSeconds:0.###} s (SendblueClientOptions.Timeout).",
                    ex);
            }
            catch
            {
                response?.Dispose();
                throw;
            }
        }

        private static async Task BufferContentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var original = response.Content;
            if (original is null)
            {
                return;
            }

            var status = (int)response.StatusCode;
            response.Content = await BufferedContent.ReadAsync(original, withHeaders: status < 200 || status > 299, cancellationToken).ConfigureAwait(false);
            original.Dispose();
        }
    }
}
