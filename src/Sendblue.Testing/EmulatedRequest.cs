using System.Collections.Generic;

namespace Sendblue.Testing
{
    /// <summary>A request the emulator received, and what it answered (status 0 when it dropped the connection).</summary>
    /// <param name="Operation">The operation the request addressed; null for a path the API does not have.</param>
    /// <param name="Method">The HTTP method.</param>
    /// <param name="Path">The path, such as <c>/api/v2/messages</c>.</param>
    /// <param name="QueryString">The query string with its leading <c>?</c>, or empty.</param>
    /// <param name="Headers">The request headers.</param>
    /// <param name="Body">The request body as text (empty when there was none).</param>
    /// <param name="StatusCode">The status the emulator answered with.</param>
    /// <param name="ResponseBody">The body the emulator answered with (empty when it dropped the connection).</param>
    /// <param name="ResponseHeaders">The headers the emulator answered with.</param>
    public sealed record EmulatedRequest(
        EmulatorOperation? Operation,
        string Method,
        string Path,
        string QueryString,
        IReadOnlyDictionary<string, string> Headers,
        string Body,
        int StatusCode,
        string ResponseBody,
        IReadOnlyDictionary<string, string> ResponseHeaders)
    {
        /// <summary>A request header's value, or null.</summary>
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        /// <summary>A response header's value, or null.</summary>
        public string? ResponseHeader(string name) => ResponseHeaders.TryGetValue(name, out var value) ? value : null;
    }
}
