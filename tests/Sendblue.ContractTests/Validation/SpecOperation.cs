using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NSwag;

namespace Sendblue.ContractTests.Validation
{
    /// <summary>One operation of the spec: its id, method, path template and responses.</summary>
    public sealed class SpecOperation
    {
        private readonly Regex _pathPattern;

        internal SpecOperation(string method, string pathTemplate, OpenApiOperation operation)
        {
            Method = method.ToUpperInvariant();
            PathTemplate = pathTemplate;
            Operation = operation;
            OperationId = operation.OperationId ?? $"{Method} {pathTemplate}";
            Tag = operation.Tags?.FirstOrDefault() ?? string.Empty;
            var pattern = Regex.Replace(Regex.Escape(pathTemplate), @"\\\{[^}]+}", "[^/]+");
            _pathPattern = new Regex("^" + pattern + "/?$", RegexOptions.CultureInvariant);
        }

        /// <summary>The operationId, unique in the spec as OpenAPI requires: <c>List</c>, <c>Contacts_List</c>.</summary>
        public string OperationId { get; }

        /// <summary>The first tag, such as <c>Contacts</c>: the client the operation belongs to.</summary>
        public string Tag { get; }

        /// <summary>
        /// The operation's name in its client: the operationId without a leading <c>{Tag}_</c>
        /// (<c>Contacts_List</c> is <c>List</c> of <c>Contacts</c>). The prefix keeps ids unique where tags
        /// share a name (<c>List</c> of <c>Messages</c>, of <c>Contacts</c>, of <c>Webhooks</c>).
        /// </summary>
        public string Name => OperationId.StartsWith(Tag + "_", StringComparison.Ordinal) ? OperationId.Substring(Tag.Length + 1) : OperationId;

        /// <summary><c>Contacts.List</c>: the tag and the name, unique in the spec.</summary>
        public string QualifiedId => $"{Tag}.{Name}";

        /// <summary>The HTTP method in upper case.</summary>
        public string Method { get; }

        /// <summary>The path template, such as <c>/api/v2/messages/{message_id}</c>.</summary>
        public string PathTemplate { get; }

        /// <summary>NSwag's model of the operation.</summary>
        public OpenApiOperation Operation { get; }

        /// <summary>"GET /api/v2/messages", the start of every message about this operation.</summary>
        public string Label => $"{Method} {PathTemplate}";

        /// <summary>The parameters of the operation (path-level ones included).</summary>
        public IReadOnlyList<OpenApiParameter> Parameters => Operation.ActualParameters.ToList();

        /// <summary>The query parameters, in the order of the spec.</summary>
        public IReadOnlyList<OpenApiParameter> QueryParameters =>
            Parameters.Where(p => p.Kind == OpenApiParameterKind.Query).ToList();

        /// <summary>The status codes the spec declares, such as <c>200</c>, <c>429</c>.</summary>
        public IReadOnlyCollection<string> DeclaredStatuses => Operation.ActualResponses.Keys.ToList();

        /// <summary>Whether a concrete request (method and path, no query) addresses this operation.</summary>
        public bool Matches(string method, string path) =>
            string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) && _pathPattern.IsMatch(path);

        /// <summary>The spec's response for a status (or its <c>default</c> response), or null when it declares none.</summary>
        public SpecResponse? Response(int status)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (Operation.ActualResponses.TryGetValue(key, out var response)
                || Operation.ActualResponses.TryGetValue("default", out response))
            {
                return new SpecResponse(this, status, response.ActualResponse);
            }

            return null;
        }

        /// <inheritdoc />
        public override string ToString() => $"{QualifiedId} ({Label})";
    }
}
