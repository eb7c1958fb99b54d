using System;
using System.Collections.Generic;
using System.Linq;

namespace Sendblue
{
    /// <summary>The status code and headers of a successful answer (rate-limit and request-id headers, say).</summary>
    public sealed class SendblueRawResponse
    {
        /// <summary>Creates a raw response; the SDK fills <see cref="SendblueRequestOptions.RawResponse"/> with one.</summary>
        /// <param name="statusCode">The HTTP status code.</param>
        /// <param name="headers">The response headers.</param>
        public SendblueRawResponse(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers)
        {
            StatusCode = statusCode;
            Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        }

        /// <summary>The HTTP status code (a 2xx).</summary>
        public int StatusCode { get; }

        /// <summary>The response headers (those of the HTTP response, not of its body's content), names compared ignoring case.</summary>
        public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

        /// <summary>The first value of header <paramref name="name"/>; null when the answer has none.</summary>
        public string? Header(string name) => Headers.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

        /// <summary>Describes the status.</summary>
        public override string ToString() => $"SendblueRawResponse {{ StatusCode = {StatusCode} }}";
    }
}
