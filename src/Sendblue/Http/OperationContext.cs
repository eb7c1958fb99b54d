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
        private static readonly RequestProperty<OperationContext> Operation = new("Sendblue.Operation");
        private static readonly RequestProperty<SendblueRequestOptions> CallOptions = new("Sendblue.RequestOptions");

        /// <param name="tag">The spec's tag of the operation (the client it is on), such as <c>Messages</c>.</param>
        /// <param name="operationId">The spec's operationId, such as <c>Send</c>.</param>
        /// <param name="retriesAsRead">
        /// True for GET, HEAD, PUT and DELETE, and for a POST the spec marks
        /// <c>x-sendblue-idempotent: true</c>; false for any other POST, which is retried only where it
        /// certainly did not arrive.
        /// </param>
        public OperationContext(string tag, string operationId, bool retriesAsRead)
        {
            Name = tag + "." + operationId;
            RetriesAsRead = retriesAsRead;
        }

        /// <summary><c>Tag.OperationId</c>, such as <c>Messages.Send</c>.</summary>
        public string Name { get; }

        public bool RetriesAsRead { get; }

        public void AttachTo(HttpRequestMessage request) => Operation.Set(request, this);

        /// <summary>The operation a request belongs to; null for a request the SDK did not make.</summary>
        public static OperationContext? Of(HttpRequestMessage request) => Operation.Get(request);

        /// <summary>Attaches the caller's per-call options, which the retry and timeout steps read.</summary>
        public static void AttachOptions(HttpRequestMessage request, SendblueRequestOptions options) => CallOptions.Set(request, options);

        public static SendblueRequestOptions? OptionsOf(HttpRequestMessage request) => CallOptions.Get(request);

        /// <summary>The rule without a spec: GET, HEAD, PUT, DELETE and OPTIONS are reads.</summary>
        public static bool IsReadMethod(HttpMethod method) =>
            method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options;

        /// <summary>Whether <paramref name="request"/> may be retried like a read.</summary>
        public static bool RetriesAsReadFor(HttpRequestMessage request) =>
            Of(request)?.RetriesAsRead ?? IsReadMethod(request.Method);
    }
}
