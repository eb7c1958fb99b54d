using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Web;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Pagination
{
    /// <summary>
    /// A list endpoint over an in-memory set of handles, honouring offset and limit the way the API
    /// does, with knobs for the pagination fields it reports and for messages arriving mid-walk.
    /// </summary>
    internal sealed class MessageStore
    {
        private readonly List<string> _handles;

        public MessageStore(int count, string prefix = "m")
        {
            _handles = Enumerable.Range(1, count).Select(i => $"{prefix}-{i:D4}").ToList();
        }

        /// <summary>Whether pages carry <c>hasMore</c>.</summary>
        public bool ReportHasMore { get; init; } = true;

        /// <summary>Whether pages carry <c>total</c>.</summary>
        public bool ReportTotal { get; init; } = true;

        /// <summary>The page size when the request names none (the API's default).</summary>
        public int DefaultLimit { get; init; } = 100;

        /// <summary>The largest page the store serves whatever the request asks (and reports as the page's <c>limit</c>); none when null.</summary>
        public int? MaxLimit { get; init; }

        /// <summary>Called before each page is served, with the 0-based page index.</summary>
        public Action<MessageStore, int>? BeforePage { get; init; }

        public int Pages { get; private set; }

        public void InsertAtHead(params string[] handles) => _handles.InsertRange(0, handles);

        public HttpResponseMessage Serve(CapturedRequest request)
        {
            BeforePage?.Invoke(this, Pages);
            Pages++;
            var query = HttpUtility.ParseQueryString(request.Uri.Query);
            var offset = int.Parse(query["offset"] ?? "0");
            var limit = Math.Min(int.Parse(query["limit"] ?? DefaultLimit.ToString()), MaxLimit ?? int.MaxValue);
            var page = _handles.Skip(offset).Take(limit).ToArray();
            bool? hasMore = ReportHasMore ? offset + page.Length < _handles.Count : null;
            var body = Payloads.Page(offset, _handles.Count, limit, hasMore, page);
            if (!ReportTotal)
            {
                body = body.Replace($"\"total\": {_handles.Count}", "\"status_note\": \"no total\"");
            }

            return MockHttp.Json(body);
        }
    }
}
