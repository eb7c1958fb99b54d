using System.Net.Http;

namespace Sendblue.Http
{
    /// <summary>
    /// What a generated operation tells the pipeline about its request: the operation's name (for
    /// logs and traces) and whether it may be retried like a read. One static instance per
    /// operation, generated from the spec, attached to each request it sends.
    /// </summary>
    internal sealed class OperationContext
    {
        private const string Key = "Sendblue.Operation";
        private const string CallKey = "Sendblue.RequestOptions";

#if NET5_0_OR_GREATER
        private static readonly HttpRequestOptionsKey<OperationContext> OptionsKey = new(Key);
        private static readonly HttpRequestOptionsKey<SendblueRequestOptions> CallOptionsKey = new(CallKey);
#endif

        /// <param name="tag">The spec's tag of the operation (the client it is on), such as <c>Messages</c>.</param>
        /// <param name="operationId">The spec's operationId, such as <c>Send</c>.</param>
        /// <param name="retriesAsRead">
        /// True for GET, HEAD, PUT and DELETE, and for a POST the spec marks
        /// <c>x-sendblue-idempotent: true</c>; false for any other POST, which is retried only where it
        /// certainly did not arrive.
        /// </param>
        public OperationContext(string tag, string operationId, bool retriesAsRead)
        {
            Tag = tag;
            OperationId = operationId;
            Name = tag + "." + operationId;
            RetriesAsRead = retriesAsRead;
        }

        public string Tag { get; }

        public string OperationId { get; }

        /// <summary><c>Tag.OperationId</c>, such as <c>Messages.Send</c>.</summary>
        public string Name { get; }

        public bool RetriesAsRead { get; }

        public void AttachTo(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            request.Options.Set(OptionsKey, this);
#else
            request.Properties[Key] = this;
#endif
        }

        /// <summary>The operation a request belongs to; null for a request the SDK did not make.</summary>
        public static OperationContext? Of(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            return request.Options.TryGetValue(OptionsKey, out var context) ? context : null;
#else
            return request.Properties.TryGetValue(Key, out var value) ? value as OperationContext : null;
#endif
        }

        /// <summary>Attaches the caller's per-call options, which the retry and timeout steps read.</summary>
        public static void AttachOptions(HttpRequestMessage request, SendblueRequestOptions options)
        {
#if NET5_0_OR_GREATER
            request.Options.Set(CallOptionsKey, options);
#else
            request.Properties[CallKey] = options;
#endif
        }

        /// <summary>The per-call options of a request; null when the call has none.</summary>
        public static SendblueRequestOptions? OptionsOf(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            return request.Options.TryGetValue(CallOptionsKey, out var options) ? options : null;
#else
            return request.Properties.TryGetValue(CallKey, out var value) ? value as SendblueRequestOptions : null;
#endif
        }

        /// <summary>The rule without a spec: GET, HEAD, PUT, DELETE and OPTIONS are reads.</summary>
        public static bool IsReadMethod(HttpMethod method) =>
            method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options;

        /// <summary>Whether <paramref name="request"/> may be retried like a read.</summary>
        public static bool RetriesAsReadFor(HttpRequestMessage request) =>
            Of(request)?.RetriesAsRead ?? IsReadMethod(request.Method);
    }
}
