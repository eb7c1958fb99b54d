using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>
    /// The Contacts operations over the in-memory contact store: contacts persist across calls, are
    /// found by phone number (404 when there is none), and a second contact of the same number is
    /// refused with 400 unless the create says <c>update_if_exists</c>. A contact's <c>opt_out</c>
    /// is the number's opt-out record, shared with the opt-out operation and with sends.
    /// </summary>
    internal sealed class ContactEndpoints
    {
        private const int MaxOffset = 10_000;

        /// <summary>The fields a list can be ordered by (<c>order_by</c>).</summary>
        private static readonly string[] OrderFields = { "created_at", "first_name", "last_name", "company_name", "phone", "assigned_to_email", "sendblue_number", "contact_id" };

        private readonly SendblueEmulator _emulator;
        private readonly SendblueEmulatorOptions _options;

        public ContactEndpoints(SendblueEmulator emulator, SendblueEmulatorOptions options)
        {
            _emulator = emulator;
            _options = options;
        }

        private AccountStore Account => _emulator.Account;

        public Answer List(EmulatorCall call)
        {
            var query = new QueryReader(call.Query);
            var cid = query.Text("cid");
            var createdGte = query.Date("created_at_gte");
            var limit = query.Int("limit", 1, 1000) ?? 100;
            var offset = query.Int("offset", 0, MaxOffset) ?? 0;
            var orderBy = query.OneOf("order_by", OrderFields) ?? "created_at";
            var direction = query.OneOf("order_direction", SortDirection.KnownValues.Select(v => v.ToString())) ?? "desc";
            var phone = query.Text("phone_number");
            query.ThrowIfInvalid();

            List<(long Sequence, EmulatedContact Contact)> matches;
            lock (Account.Gate)
            {
                matches = Account.Contacts.Values
                    .Where(e => (cid is null || e.Contact.ContactId == cid)
                        && (createdGte is null || e.Contact.CreatedAt >= createdGte)
                        && (phone is null || e.Contact.Phone == phone))
                    .Select(e => (e.Sequence, Account.Shown(e.Contact)))
                    .ToList();
            }

            var ordered = direction == "asc"
                ? matches.OrderBy(e => e.Contact, new FieldOrder(orderBy)).ThenBy(e => e.Sequence)
                : matches.OrderByDescending(e => e.Contact, new FieldOrder(orderBy)).ThenByDescending(e => e.Sequence);

            // A bare array, as the API answers: a page shorter than the limit is the last.
            return Answer.Ok(new JArray(ordered.Skip(offset).Take(limit).Select(e => (object)Wire.Contact(e.Contact)).ToArray()));
        }

        public Answer Create(EmulatorCall call)
        {
            var body = call.Json();
            var number = Values.Phone(body.Required("number", "phone_number", "phoneNumber"), "number");
            var fields = Read(body);
            var updateIfExists = body.Bool("update_if_exists") ?? false;
            lock (Account.Gate)
            {
                if (Account.Contacts.TryGetValue(number, out var existing))
                {
                    if (!updateIfExists)
                    {
                        throw Rejection.BadRequest($"A contact with number {number} already exists; set update_if_exists to update it instead.");
                    }

                    return Answer.Ok(Envelope(Store(existing.Sequence, Merge(existing.Contact, fields))));
                }

                return Answer.Ok(Envelope(Store(Account.NextContactSequence(), Merge(NewContact(number), fields))));
            }
        }

        public Answer Get(EmulatorCall call)
        {
            lock (Account.Gate)
            {
                return Answer.Ok(Envelope(Account.Shown(Find(call.PathValue!).Contact)));
            }
        }

        public Answer Update(EmulatorCall call)
        {
            var body = call.Json();
            lock (Account.Gate)
            {
                var existing = Find(call.PathValue!);
                return Answer.Ok(Envelope(Store(existing.Sequence, Merge(existing.Contact, Read(body)))));
            }
        }

        public Answer Delete(EmulatorCall call)
        {
            lock (Account.Gate)
            {
                Account.Contacts.Remove(Find(call.PathValue!).Contact.Phone!);
            }

            return Answer.Ok(new JObject { ["status"] = "OK" });
        }

        public Answer Count(EmulatorCall call)
        {
            lock (Account.Gate)
            {
                return Answer.Ok(new JObject { ["count"] = Account.Contacts.Count });
            }
        }

        public Answer OptOut(EmulatorCall call)
        {
            var body = call.Json();
            var number = Values.Phone(body.Required("number"), "number");

            // The API's default is to opt out.
            var optedOut = body.Bool("opted_out") ?? true;
            lock (Account.Gate)
            {
                SetOptOut(number, optedOut);
            }

            return Answer.Ok(new JObject { ["number"] = number, ["opted_out"] = optedOut, ["status"] = "OK" });
        }

        /// <summary>Marks the contact verified. The verification message itself is not stored among the messages.</summary>
        public Answer Verify(EmulatorCall call)
        {
            var number = Values.Phone(call.Json().Required("number"), "number");
            lock (Account.Gate)
            {
                var existing = Find(number);
                Store(existing.Sequence, existing.Contact with { Verified = true });
            }

            return Answer.Ok(new JObject { ["status"] = "OK" });
        }

        /// <summary>Creates every contact or none: each is checked (and a number already a contact, or given twice, refused) before any is stored.</summary>
        public Answer BulkCreate(EmulatorCall call)
        {
            var body = call.Json();
            var items = body.Array("contacts") ?? throw Rejection.BadRequest("contacts is required.");
            var read = items.Select((item, i) =>
            {
                var contact = body.Item("contacts", i, item);
                return (Phone: Values.Phone(contact.Required("phone"), contact.Name("phone")), Field: contact.Name("phone"), Fields: Read(contact));
            }).ToList();

            lock (Account.Gate)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (phone, field, _) in read)
                {
                    if (Account.Contacts.ContainsKey(phone))
                    {
                        throw Rejection.BadRequest($"{field}: a contact with number {phone} already exists; nothing was created.");
                    }

                    if (!seen.Add(phone))
                    {
                        throw Rejection.BadRequest($"{field}: number {phone} is given twice; nothing was created.");
                    }
                }

                var stored = read.Select(r => Store(Account.NextContactSequence(), Merge(NewContact(r.Phone), r.Fields))).ToList();
                return Answer.Ok(new JObject
                {
                    ["status"] = "OK",
                    ["contacts"] = new JArray(stored.Select(c => (object)Wire.Contact(c)).ToArray()),
                });
            }
        }

        /// <summary>Deletes the contacts of the numbers given; numbers that are no contact are left out of <c>amount</c>, not refused.</summary>
        public Answer BulkDelete(EmulatorCall call)
        {
            var ids = call.Json().Strings("contact_ids") ?? throw Rejection.BadRequest("contact_ids is required.");
            int amount;
            lock (Account.Gate)
            {
                amount = ids.Distinct(StringComparer.Ordinal).Count(Account.Contacts.Remove);
            }

            return Answer.Ok(new JObject { ["amount"] = amount, ["status"] = "OK" });
        }

        private static JObject Envelope(EmulatedContact contact) => new() { ["status"] = "OK", ["contact"] = Wire.Contact(contact) };

        private (long Sequence, EmulatedContact Contact) Find(string phone) =>
            Account.Contacts.TryGetValue(phone, out var entry) ? entry : throw Rejection.NotFound($"No contact with phone number {phone}.");

        private EmulatedContact NewContact(string phone) => new()
        {
            Phone = phone,
            ContactId = SendblueEmulator.NewContactId(),
            CreatedAt = _emulator.Now(),
        };

        /// <summary>Stores a contact (the caller holds the gate) and returns it as the API shows it.</summary>
        private EmulatedContact Store(long sequence, EmulatedContact contact)
        {
            Account.Contacts[contact.Phone!] = (sequence, contact with { OptOut = false });
            return Account.Shown(contact);
        }

        private void SetOptOut(string number, bool optedOut)
        {
            if (optedOut)
            {
                Account.OptedOut.Add(number);
            }
            else
            {
                Account.OptedOut.Remove(number);
            }
        }

        /// <summary>The fields given change, the others stay; custom variables are merged, tags replaced.</summary>
        private EmulatedContact Merge(EmulatedContact contact, ContactFields fields)
        {
            if (fields.OptOut is bool optOut)
            {
                SetOptOut(contact.Phone!, optOut);
            }

            var variables = new Dictionary<string, string>(contact.CustomVariables.ToDictionary(v => v.Key, v => v.Value), StringComparer.Ordinal);
            foreach (var pair in fields.CustomVariables ?? new Dictionary<string, string>())
            {
                variables[pair.Key] = pair.Value;
            }

            return contact with
            {
                FirstName = fields.FirstName ?? contact.FirstName,
                LastName = fields.LastName ?? contact.LastName,
                CompanyName = fields.CompanyName ?? contact.CompanyName,
                AssignedToEmail = fields.AssignedToEmail ?? contact.AssignedToEmail,
                SendblueNumber = fields.SendblueNumber ?? contact.SendblueNumber,
                Tags = fields.Tags ?? contact.Tags,
                CustomVariables = variables,
            };
        }

        /// <summary>The contact fields of a create, update or bulk item, in either spelling the API takes.</summary>
        private ContactFields Read(JsonBody body)
        {
            var assigned = body.String("assigned_to_email", "assignedToEmail");
            if (assigned is not null && !Values.IsEmail(assigned))
            {
                throw Rejection.BadRequest($"{body.Name("assigned_to_email")} must be an email address; it is '{assigned}'.");
            }

            var line = body.String("sendblue_number", "sendblueNumber");
            if (line is not null)
            {
                Values.Line(Values.Phone(line, body.Name("sendblue_number")), _options, body.Name("sendblue_number"));
            }

            return new ContactFields(
                body.String("first_name", "firstName"),
                body.String("last_name", "lastName"),
                body.String("company_name", "companyName", "company"),
                assigned,
                line,
                body.Strings("tags"),
                body.StringMap("custom_variables"),
                body.Bool("opt_out", "optOut"));
        }

        private sealed record ContactFields(
            string? FirstName,
            string? LastName,
            string? CompanyName,
            string? AssignedToEmail,
            string? SendblueNumber,
            IReadOnlyList<string>? Tags,
            IReadOnlyDictionary<string, string>? CustomVariables,
            bool? OptOut);

        /// <summary>Orders contacts by one field: dates as dates, the rest as text, contacts without the field first.</summary>
        private sealed class FieldOrder : IComparer<EmulatedContact>
        {
            private readonly string _field;

            public FieldOrder(string field)
            {
                _field = field;
            }

            public int Compare(EmulatedContact? x, EmulatedContact? y)
            {
                if (_field == "created_at")
                {
                    return Nullable.Compare(x?.CreatedAt, y?.CreatedAt);
                }

                return string.CompareOrdinal(Text(x), Text(y));
            }

            private string? Text(EmulatedContact? c) => _field switch
            {
                "first_name" => c?.FirstName,
                "last_name" => c?.LastName,
                "company_name" => c?.CompanyName,
                "assigned_to_email" => c?.AssignedToEmail,
                "sendblue_number" => c?.SendblueNumber,
                "contact_id" => c?.ContactId,
                _ => c?.Phone,
            };
        }
    }
}
