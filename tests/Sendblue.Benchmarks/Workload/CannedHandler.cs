using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Benchmarks.Workload
{
    /// <summary>
    /// An in-process transport that answers like the API from precomputed bytes: no sockets, so a
    /// benchmark measures the client, not the network. The request body is read to the end, as a
    /// real transport would write it.
    /// </summary>
    public sealed class CannedHandler : HttpMessageHandler
    {
        private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

        private readonly byte[] _sent = Encoding.UTF8.GetBytes(Canned.MessageResponse(1, "QUEUED"));
        private readonly byte[] _status = Encoding.UTF8.GetBytes(Canned.MessageResponse(1, "DELIVERED"));
        private readonly byte[] _retrieve = Encoding.UTF8.GetBytes(Canned.Retrieve(1));
        private readonly byte[][] _pages;
        private readonly int _limit;

        /// <param name="totalMessages">How many messages the account holds, served in pages of <see cref="Canned.PageSize"/>.</param>
        public CannedHandler(int totalMessages = Canned.PageSize)
        {
            _limit = Canned.PageSize;
            var pages = Math.Max(1, (totalMessages + _limit - 1) / _limit);
            _pages = new byte[pages][];
            for (var p = 0; p < pages; p++)
            {
                _pages[p] = Encoding.UTF8.GetBytes(Canned.Page(p * _limit, _limit, totalMessages));
            }
        }

        /// <summary>The bytes of the first list page (for sizing reports).</summary>
        public int PageBytes => _pages[0].Length;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }

            return Respond(request);
        }

        private HttpResponseMessage Respond(HttpRequestMessage request)
        {
            var path = request.RequestUri!.AbsolutePath;
            byte[] body;
            if (path.EndsWith("/api/send-message", StringComparison.Ordinal))
            {
                body = _sent;
            }
            else if (path.EndsWith("/api/status", StringComparison.Ordinal))
            {
                body = _status;
            }
            else if (path.EndsWith("/api/v2/messages", StringComparison.Ordinal))
            {
                var offset = Canned.OffsetOf(request.RequestUri);
                var index = offset / _limit;
                body = index < _pages.Length ? _pages[index] : Encoding.UTF8.GetBytes(Canned.Page(offset, _limit, 0));
            }
            else if (path.Contains("/api/v2/messages/", StringComparison.Ordinal))
            {
                body = _retrieve;
            }
            else
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
            }

            var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            content.Headers.ContentLength = body.Length;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}
