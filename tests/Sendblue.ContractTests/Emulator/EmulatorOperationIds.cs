using System;
using System.Collections.Generic;
using Sendblue.Testing;

namespace Sendblue.ContractTests.Emulator
{
    /// <summary>
    /// The spec operation (<c>Tag.Name</c>, as <see cref="Validation.SpecOperation.QualifiedId"/>) each
    /// <see cref="EmulatorOperation"/> serves, so that a recorded answer is judged against the right
    /// part of the spec. Shared with the integration suite of Sendblue.Tests (linked there).
    /// <c>EmulatorOperationIdsTests</c> holds it to the spec: one entry per operation of the spec and
    /// per member of the enum, and every recorded request at the method and path of its operation.
    /// </summary>
    public static class EmulatorOperationIds
    {
        public static IReadOnlyDictionary<EmulatorOperation, string> All { get; } = new Dictionary<EmulatorOperation, string>
        {
            [EmulatorOperation.Send] = "Messages.Send",
            [EmulatorOperation.GetStatus] = "Messages.GetStatus",
            [EmulatorOperation.Get] = "Messages.Get",
            [EmulatorOperation.List] = "Messages.List",
            [EmulatorOperation.UpdateAppCard] = "Messages.UpdateAppCard",
            [EmulatorOperation.SendGroupMessage] = "Groups.SendMessage",
            [EmulatorOperation.ModifyGroup] = "Groups.Modify",
            [EmulatorOperation.SendTypingIndicator] = "TypingIndicators.Send",
            [EmulatorOperation.UploadMediaObject] = "MediaObjects.Upload",
            [EmulatorOperation.LookupNumber] = "Lookups.LookupNumber",
            [EmulatorOperation.ListContacts] = "Contacts.List",
            [EmulatorOperation.CreateContact] = "Contacts.Create",
            [EmulatorOperation.GetContact] = "Contacts.Get",
            [EmulatorOperation.UpdateContact] = "Contacts.Update",
            [EmulatorOperation.DeleteContact] = "Contacts.Delete",
            [EmulatorOperation.CountContacts] = "Contacts.Count",
            [EmulatorOperation.OptOutContact] = "Contacts.OptOut",
            [EmulatorOperation.VerifyContact] = "Contacts.Verify",
            [EmulatorOperation.BulkCreateContacts] = "Contacts.BulkCreate",
            [EmulatorOperation.BulkDeleteContacts] = "Contacts.BulkDelete",
            [EmulatorOperation.ListWebhooks] = "Webhooks.List",
            [EmulatorOperation.CreateWebhooks] = "Webhooks.Create",
            [EmulatorOperation.UpdateWebhooks] = "Webhooks.Update",
            [EmulatorOperation.DeleteWebhooks] = "Webhooks.Delete",
            [EmulatorOperation.GetLineState] = "Lines.GetState",
        };

        /// <summary>The spec operation an emulator operation serves.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The operation is new to the emulator and not mapped here yet.</exception>
        public static string Of(EmulatorOperation operation) =>
            All.TryGetValue(operation, out var id)
                ? id
                : throw new ArgumentOutOfRangeException(nameof(operation), operation, "An emulator operation with no spec operation: add it to EmulatorOperationIds.");
    }
}
