using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using Sendblue.ContractTests.Validation;

namespace Sendblue.ContractTests.Recorded
{
    /// <summary>The bodies under tests/Sendblue.ContractTests/Recorded, typed in from Sendblue's documentation (see SOURCES.md).</summary>
    public static class RecordedPayloads
    {
        /// <summary>Every recorded JSON file's name.</summary>
        public static IReadOnlyList<string> Files =>
            Directory.GetFiles(RepoPaths.Recorded, "*.json").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToList()!;

        /// <summary>A recorded file's text.</summary>
        public static string Read(string file) => File.ReadAllText(Path.Combine(RepoPaths.Recorded, file));

        /// <summary>The recorded webhook bodies.</summary>
        public static IReadOnlyList<string> Webhooks => Files.Where(f => f.StartsWith("webhook.", StringComparison.Ordinal)).ToList();

        /// <summary>The recorded response bodies (<c>{operation}.{variant}.json</c>), with the operation each answers (a bare or a qualified id, see <see cref="SpecContract.Operation(string)"/>).</summary>
        public static IReadOnlyList<(string File, string OperationId)> Responses =>
            Files.Select(f => (File: f, OperationId: OperationOf(f))).Where(r => r.OperationId is not null).Select(r => (r.File, r.OperationId!)).ToList();

        /// <summary>
        /// The recorded request bodies (<c>request.{operation}.{variant}.json</c>), with the operation each is sent to:
        /// bodies in the shapes the documentation's request examples show.
        /// </summary>
        public static IReadOnlyList<(string File, string OperationId)> Requests =>
            Files.Where(f => f.StartsWith("request.", StringComparison.Ordinal))
                .Select(f => (File: f, OperationId: OperationOf(f.Substring("request.".Length))))
                .Where(r => r.OperationId is not null)
                .Select(r => (r.File, r.OperationId!))
                .ToList();

        /// <summary>Every field name of every recorded webhook body: what Sendblue documents its webhooks to carry.</summary>
        public static IReadOnlyCollection<string> DocumentedWebhookFields() =>
            Webhooks.SelectMany(f => ((JObject)JToken.Parse(Read(f))).Properties().Select(p => p.Name)).Distinct().ToList();

        private static string? OperationOf(string file) => file.Split('.')[0] switch
        {
            "send-message" => "Send",
            "get-status" => "GetStatus",
            "retrieve-message" => "Get",
            "list-messages" => "List",
            "update-app-card" => "UpdateAppCard",
            "send-group-message" => "Groups.SendMessage",
            "modify-group" => "Groups.Modify",
            "send-typing-indicator" => "TypingIndicators.Send",
            "upload-media-object" => "MediaObjects.Upload",
            "evaluate-service" => "Lookups.LookupNumber",
            "list-contacts" => "Contacts.List",
            "create-contact" => "Contacts.Create",
            "get-contact" => "Contacts.Get",
            "update-contact" => "Contacts.Update",
            "delete-contact" => "Contacts.Delete",
            "count-contacts" => "Contacts.Count",
            "opt-out-contact" => "Contacts.OptOut",
            "verify-contact" => "Contacts.Verify",
            "bulk-create-contacts" => "Contacts.BulkCreate",
            "bulk-delete-contacts" => "Contacts.BulkDelete",
            "list-webhooks" => "Webhooks.List",
            "create-webhooks" => "Webhooks.Create",
            "update-webhooks" => "Webhooks.Update",
            "delete-webhooks" => "Webhooks.Delete",
            "get-line-state" => "Lines.GetState",
            _ => null,
        };
    }
}
