using Microsoft.AspNetCore.Http;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>One request as an operation sees it: its query, its JSON body and the value of its path parameter.</summary>
    internal sealed class EmulatorCall
    {
        private readonly string _body;
        private JsonBody? _json;

        public EmulatorCall(IQueryCollection query, string body, string? pathValue)
        {
            Query = query;
            _body = body;
            PathValue = pathValue;
        }

        public IQueryCollection Query { get; }

        /// <summary>The path parameter (a message id or handle, a contact's phone number), decoded; null for paths without one.</summary>
        public string? PathValue { get; }

        /// <summary>The body as a JSON object; a body that is not one is a 400.</summary>
        public JsonBody Json() => _json ??= JsonBody.Parse(_body);
    }
}
