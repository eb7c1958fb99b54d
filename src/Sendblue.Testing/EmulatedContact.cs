using System;
using System.Collections.Generic;

namespace Sendblue.Testing
{
    /// <summary>
    /// A contact in the emulator's store: what <see cref="SendblueEmulator.Contacts"/> returns (a
    /// snapshot) and what <see cref="SendblueEmulator.AddContact"/> takes to seed the store.
    /// </summary>
    public sealed record EmulatedContact
    {
        /// <summary>The contact's phone number in E.164 format: its identifier. Required.</summary>
        public string? Phone { get; init; }

        /// <summary>The contact's permanent identifier; a new one is made when seeding without it.</summary>
        public string? ContactId { get; init; }

        /// <summary>The first name.</summary>
        public string? FirstName { get; init; }

        /// <summary>The last name.</summary>
        public string? LastName { get; init; }

        /// <summary>The company.</summary>
        public string? CompanyName { get; init; }

        /// <summary>The email of the user the contact is assigned to.</summary>
        public string? AssignedToEmail { get; init; }

        /// <summary>The Sendblue number the contact is associated with.</summary>
        public string? SendblueNumber { get; init; }

        /// <summary>The tags.</summary>
        public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

        /// <summary>The custom variables, by label.</summary>
        public IReadOnlyDictionary<string, string> CustomVariables { get; init; } = new Dictionary<string, string>();

        /// <summary>Whether the contact is verified (the verify operation sets it).</summary>
        public bool Verified { get; init; }

        /// <summary>
        /// Whether the number is opted out. It is the number's opt-out record (see
        /// <see cref="SendblueEmulator.OptedOutNumbers"/>), which the opt-out operation, a contact
        /// update with <c>opt_out</c> and seeding all change.
        /// </summary>
        public bool OptOut { get; init; }

        /// <summary>When the contact was created; now when seeding without it.</summary>
        public DateTimeOffset? CreatedAt { get; init; }
    }
}
