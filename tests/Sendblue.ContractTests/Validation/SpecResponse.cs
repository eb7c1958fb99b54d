using System.Collections.Generic;
using System.Linq;
using NJsonSchema;
using NSwag;

namespace Sendblue.ContractTests.Validation
{
    /// <summary>A response the spec declares for an operation and status: its JSON schema and headers.</summary>
    public sealed class SpecResponse
    {
        internal SpecResponse(SpecOperation operation, int status, OpenApiResponse response)
        {
            Operation = operation;
            Status = status;
            Model = response;
        }

        /// <summary>The operation it belongs to.</summary>
        public SpecOperation Operation { get; }

        /// <summary>The status code.</summary>
        public int Status { get; }

        /// <summary>NSwag's model of the response.</summary>
        public OpenApiResponse Model { get; }

        /// <summary>"GET /api/v2/messages 200", the subject of validation messages.</summary>
        public string Subject => $"{Operation.Label} {Status}";

        /// <summary>The schema of the <c>application/json</c> body, or null when the spec declares no body.</summary>
        public JsonSchema? Schema =>
            Model.Content.Where(c => c.Key.StartsWith("application/json", System.StringComparison.OrdinalIgnoreCase))
                .Select(c => c.Value.Schema?.ActualSchema)
                .FirstOrDefault();

        /// <summary>
        /// The headers the spec declares on this response (such as <c>Retry-After</c> on 429). The
        /// contract expects each of them on every such response.
        /// </summary>
        public IReadOnlyCollection<string> Headers => Model.Headers.Keys.ToList();
    }
}
