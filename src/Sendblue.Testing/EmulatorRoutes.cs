using System;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Sendblue.Testing
{
    /// <summary>The path and method of each operation of the spec, and the value of its path parameter.</summary>
    internal static class EmulatorRoutes
    {
        private static readonly Template[] Routes =
        {
            new(HttpMethods.Post, "/api/send-message", EmulatorOperation.Send),
            new(HttpMethods.Get, "/api/status", EmulatorOperation.GetStatus),
            new(HttpMethods.Get, "/api/v2/messages", EmulatorOperation.List),
            new(HttpMethods.Get, "/api/v2/messages/{message_id}", EmulatorOperation.Get),
            new(HttpMethods.Post, "/api/messages/{message_handle}/update-app-card", EmulatorOperation.UpdateAppCard),
            new(HttpMethods.Post, "/api/send-group-message", EmulatorOperation.SendGroupMessage),
            new(HttpMethods.Post, "/api/modify-group", EmulatorOperation.ModifyGroup),
            new(HttpMethods.Post, "/api/send-typing-indicator", EmulatorOperation.SendTypingIndicator),
            new(HttpMethods.Post, "/api/upload-media-object", EmulatorOperation.UploadMediaObject),
            new(HttpMethods.Get, "/api/evaluate-service", EmulatorOperation.LookupNumber),
            new(HttpMethods.Get, "/api/v2/contacts", EmulatorOperation.ListContacts),
            new(HttpMethods.Post, "/api/v2/contacts", EmulatorOperation.CreateContact),
            new(HttpMethods.Delete, "/api/v2/contacts", EmulatorOperation.BulkDeleteContacts),
            new(HttpMethods.Post, "/api/v2/contacts/bulk", EmulatorOperation.BulkCreateContacts),
            new(HttpMethods.Get, "/api/v2/contacts/count", EmulatorOperation.CountContacts),
            new(HttpMethods.Post, "/api/v2/contacts/opt-out", EmulatorOperation.OptOutContact),
            new(HttpMethods.Post, "/api/v2/contacts/verify", EmulatorOperation.VerifyContact),

            // After the fixed paths above: /api/v2/contacts/count is the count, not the contact "count".
            new(HttpMethods.Get, "/api/v2/contacts/{phone_number}", EmulatorOperation.GetContact),
            new(HttpMethods.Put, "/api/v2/contacts/{phone_number}", EmulatorOperation.UpdateContact),
            new(HttpMethods.Delete, "/api/v2/contacts/{phone_number}", EmulatorOperation.DeleteContact),
            new(HttpMethods.Get, "/api/account/webhooks", EmulatorOperation.ListWebhooks),
            new(HttpMethods.Post, "/api/account/webhooks", EmulatorOperation.CreateWebhooks),
            new(HttpMethods.Put, "/api/account/webhooks", EmulatorOperation.UpdateWebhooks),
            new(HttpMethods.Delete, "/api/account/webhooks", EmulatorOperation.DeleteWebhooks),
            new(HttpMethods.Get, "/api/v2/lines/state", EmulatorOperation.GetLineState),
        };

        /// <summary>The operation a request addresses, or null for a method and path the API does not have.</summary>
        public static EmulatorOperation? Route(string method, string path, out string? pathValue)
        {
            path = path.TrimEnd('/');
            foreach (var route in Routes)
            {
                if (HttpMethods.Equals(method, route.Method) && route.Match(path) is { } value)
                {
                    pathValue = value.Length == 0 ? null : value;
                    return route.Operation;
                }
            }

            pathValue = null;
            return null;
        }

        private sealed class Template
        {
            private readonly Regex _pattern;

            public Template(string method, string template, EmulatorOperation operation)
            {
                Method = method;
                Operation = operation;
                _pattern = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "(?<value>[^/]+)") + "$", RegexOptions.CultureInvariant);
            }

            public string Method { get; }

            public EmulatorOperation Operation { get; }

            /// <summary>The decoded path parameter ("" for a template without one), or null when the path is another.</summary>
            public string? Match(string path)
            {
                var match = _pattern.Match(path);
                return match.Success ? Uri.UnescapeDataString(match.Groups["value"].Value) : null;
            }
        }
    }
}
