using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Integration
{
    /// <summary>The contact operations, through the SDK against the emulator's contact store.</summary>
    public class EmulatorContactTests
    {
        private const string Ada = "+19998887777";

        [Test]
        public async Task AContact_IsCreatedReadUpdatedListedCountedAndDeleted()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var created = await client.Contacts.CreateAsync(new CreateContactRequest
            {
                Number = Ada, FirstName = "Ada", LastName = "Lovelace", AssignedToEmail = "maria@example.com", SendblueNumber = EmulatorFixture.From,
                Tags = new List<string> { "customer" }, CustomVariables = new Dictionary<string, string> { ["Lead Source"] = "Website" },
            });
            await client.Contacts.CreateAsync(new CreateContactRequest { Number = "+18887776666", FirstName = "Alan" });
            var read = await client.Contacts.GetAsync(Ada);
            var updated = await client.Contacts.UpdateAsync(Ada, new UpdateContactRequest
            {
                CompanyName = "Example Bistro", Tags = new List<string> { "customer", "vip" }, CustomVariables = new Dictionary<string, string> { ["Plan"] = "Enterprise" },
            });
            var page = await client.Contacts.ListAsync();
            var walked = new List<Contact>();
            await foreach (var contact in client.Contacts.ListAllAsync(new ContactListQuery { Limit = 1 }))
            {
                walked.Add(contact);
            }

            var count = await client.Contacts.CountAsync();
            var deleted = await client.Contacts.DeleteAsync(Ada);
            var gone = Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Contacts.GetAsync(Ada));
            var countAfter = await client.Contacts.CountAsync();

            Assert.Multiple(() =>
            {
                Assert.That(created.Status, Is.EqualTo("OK"));
                Assert.That(created.Contact!.Phone, Is.EqualTo(Ada));
                Assert.That(created.Contact.FirstName, Is.EqualTo("Ada"));
                Assert.That(created.Contact.Verified, Is.False);
                Assert.That(created.Contact.OptOut, Is.False);
                Assert.That(created.Contact.ContactId, Is.Not.Empty);
                Assert.That(created.Contact.CreatedAt, Is.Not.Null);
                Assert.That(read.Contact!.AssignedToEmail, Is.EqualTo("maria@example.com"));
                Assert.That(read.Contact.SendblueNumber, Is.EqualTo(EmulatorFixture.From));
                Assert.That(read.Contact.ContactId, Is.EqualTo(created.Contact.ContactId));
                Assert.That(updated.Contact!.CompanyName, Is.EqualTo("Example Bistro"));
                Assert.That(updated.Contact.FirstName, Is.EqualTo("Ada"), "fields the update leaves out stay");
                Assert.That(updated.Contact.Tags, Is.EqualTo(new[] { "customer", "vip" }));
                Assert.That(updated.Contact.CustomVariables, Is.EquivalentTo(new Dictionary<string, string> { ["Lead Source"] = "Website", ["Plan"] = "Enterprise" }), "custom variables are merged");
                Assert.That(page.Select(c => c.Phone), Is.EqualTo(new[] { "+18887776666", Ada }), "newest first");
                Assert.That(walked.Select(c => c.Phone), Is.EqualTo(new[] { "+18887776666", Ada }));
                Assert.That(count.Count, Is.EqualTo(2));
                Assert.That(deleted.Status, Is.EqualTo("OK"));
                Assert.That(gone!.ErrorMessage, Is.EqualTo("No contact with phone number +19998887777."));
                Assert.That(countAfter.Count, Is.EqualTo(1));
                Assert.That(emulator.Contacts.Select(c => c.Phone), Is.EqualTo(new[] { "+18887776666" }));
            });
        }

        [Test]
        public async Task ASecondContactOfTheSameNumber_Is400_UnlessTheCreateSaysUpdateIfExists()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            await client.Contacts.CreateAsync(new CreateContactRequest { Number = Ada, FirstName = "Ada" });

            var duplicate = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Contacts.CreateAsync(new CreateContactRequest { Number = Ada, FirstName = "Augusta" }));
            var upserted = await client.Contacts.CreateAsync(new CreateContactRequest { Number = Ada, LastName = "King", UpdateIfExists = true });

            Assert.Multiple(() =>
            {
                Assert.That(duplicate!.ErrorMessage, Is.EqualTo("A contact with number +19998887777 already exists; set update_if_exists to update it instead."));
                Assert.That(upserted.Contact!.FirstName, Is.EqualTo("Ada"));
                Assert.That(upserted.Contact.LastName, Is.EqualTo("King"));
                Assert.That(emulator.Contacts, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public async Task UnknownContacts_Are404_ForGetUpdateDeleteAndVerify()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var exceptions = new SendblueApiException?[]
            {
                Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Contacts.GetAsync(Ada)),
                Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Contacts.UpdateAsync(Ada, new UpdateContactRequest { FirstName = "x" })),
                Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Contacts.DeleteAsync(Ada)),
                Assert.ThrowsAsync<SendblueNotFoundException>(() => client.Contacts.VerifyAsync(new VerifyContactRequest { Number = Ada })),
            };

            Assert.That(exceptions.Select(e => e!.ErrorMessage), Is.All.EqualTo("No contact with phone number +19998887777."));
        }

        [Test]
        public async Task TheList_HonoursLimitOffsetOrderAndFilters_AndTheWalkYieldsEachContactOnce()
        {
            var t0 = new DateTimeOffset(2024, 4, 2, 10, 0, 0, TimeSpan.Zero);
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            for (var i = 0; i < 250; i++)
            {
                emulator.AddContact(new EmulatedContact { Phone = $"+1555000{i:0000}", FirstName = $"N{249 - i:000}", CreatedAt = t0.AddMinutes(i) });
            }

            var page = await client.Contacts.ListAsync(new ContactListQuery { Limit = 3, Offset = 2 });
            var byName = await client.Contacts.ListAsync(new ContactListQuery { Limit = 2, OrderBy = "first_name", OrderDirection = SortDirection.Asc });
            var oldest = await client.Contacts.ListAsync(new ContactListQuery { Limit = 1, OrderDirection = SortDirection.Asc });
            var recent = await client.Contacts.ListAsync(new ContactListQuery { CreatedAtGte = t0.AddMinutes(248) });
            var one = await client.Contacts.ListAsync(new ContactListQuery { PhoneNumber = "+15550000007" });
            var byId = await client.Contacts.ListAsync(new ContactListQuery { Cid = one.Single().ContactId });
            var defaultPage = await client.Contacts.ListAsync();
            var walked = new List<string?>();
            await foreach (var contact in client.Contacts.ListAllAsync())
            {
                walked.Add(contact.Phone);
            }

            Assert.Multiple(() =>
            {
                Assert.That(page.Select(c => c.Phone), Is.EqualTo(new[] { "+15550000247", "+15550000246", "+15550000245" }), "newest created first, after the offset");
                Assert.That(byName.Select(c => c.FirstName), Is.EqualTo(new[] { "N000", "N001" }));
                Assert.That(oldest.Single().Phone, Is.EqualTo("+15550000000"));
                Assert.That(recent.Select(c => c.Phone), Is.EqualTo(new[] { "+15550000249", "+15550000248" }));
                Assert.That(one.Single().FirstName, Is.EqualTo("N242"));
                Assert.That(byId.Single().Phone, Is.EqualTo("+15550000007"));
                Assert.That(defaultPage, Has.Count.EqualTo(100), "the API's default limit");
                Assert.That(walked, Has.Count.EqualTo(250));
                Assert.That(walked, Is.Unique);
            });
        }

        [TestCase("?limit=1001", "limit must be an integer from 1 to 1000; it is '1001'.")]
        [TestCase("?offset=10001", "offset must be an integer from 0 to 10000; it is '10001'.")]
        [TestCase("?order_direction=up", "order_direction must be one of asc, desc; it is 'up'.")]
        [TestCase("?created_at_gte=yesterday", "created_at_gte must be an ISO 8601 date-time; it is 'yesterday'.")]
        public async Task TheList_RefusesParametersOutsideTheSpec(string query, string error)
        {
            await using var emulator = await EmulatorFixture.StartAsync();

            var (status, body) = await emulator.RawAsync(HttpMethod.Get, "api/v2/contacts" + query);

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400));
                Assert.That(body, Is.EqualTo($$"""{"status":"ERROR","error_message":"{{error}}"}"""));
            });
        }

        [Test]
        public async Task TheList_OrderedByAFieldContactsDoNotHave_Is400()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Contacts.ListAsync(new ContactListQuery { OrderBy = "shoe_size" }));

            Assert.That(ex!.ErrorMessage, Is.EqualTo("order_by must be one of created_at, first_name, last_name, company_name, phone, assigned_to_email, sendblue_number, contact_id; it is 'shoe_size'."));
        }

        [Test]
        public async Task OptOut_IsTheNumbersRecord_WhichTheContactShows_AndAnUpdateChangesToo()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            await client.Contacts.CreateAsync(new CreateContactRequest { Number = Ada });

            var optedOut = await client.Contacts.OptOutAsync(new OptOutContactRequest { Number = Ada });
            var shown = (await client.Contacts.GetAsync(Ada)).Contact!.OptOut;
            var numbers = emulator.OptedOutNumbers;
            var back = await client.Contacts.UpdateAsync(Ada, new UpdateContactRequest { OptOut = false });
            var stranger = await client.Contacts.OptOutAsync(new OptOutContactRequest { Number = "+18887776666", OptedOut = true });

            Assert.Multiple(() =>
            {
                Assert.That(optedOut.Number, Is.EqualTo(Ada));
                Assert.That(optedOut.OptedOut, Is.True, "the API's default is to opt out");
                Assert.That(optedOut.Status, Is.EqualTo("OK"));
                Assert.That(shown, Is.True);
                Assert.That(numbers, Is.EqualTo(new[] { Ada }));
                Assert.That(back.Contact!.OptOut, Is.False);
                Assert.That(stranger.OptedOut, Is.True, "a number need not be a contact to opt out");
                Assert.That(emulator.OptedOutNumbers, Is.EqualTo(new[] { "+18887776666" }));
                Assert.That(emulator.FindContact(Ada)!.OptOut, Is.False);
            });
        }

        [Test]
        public async Task Verify_MarksTheContactVerified()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();
            emulator.AddContact(new EmulatedContact { Phone = Ada, FirstName = "Ada" });

            var verified = await client.Contacts.VerifyAsync(new VerifyContactRequest { Number = Ada });

            Assert.Multiple(() =>
            {
                Assert.That(verified.Status, Is.EqualTo("OK"));
                Assert.That(emulator.FindContact(Ada)!.Verified, Is.True);
            });
        }

        [Test]
        public async Task BulkCreate_StoresEveryContactOrNone_AndBulkDelete_CountsWhatItDeleted()
        {
            await using var emulator = await EmulatorFixture.StartAsync();
            using var client = emulator.CreateClient();

            var created = await client.Contacts.BulkCreateAsync(new BulkCreateContactsRequest
            {
                Contacts = new List<BulkContact>
                {
                    new() { Phone = Ada, FirstName = "Ada", LastName = "Lovelace", CompanyName = "Example Bistro", Tags = new List<string> { "customer" } },
                    new() { Phone = "+18887776666", FirstName = "Alan", CustomVariables = new Dictionary<string, string> { ["Lead Source"] = "Referral" } },
                },
            });
            var refused = Assert.ThrowsAsync<SendblueBadRequestException>(() => client.Contacts.BulkCreateAsync(new BulkCreateContactsRequest
            {
                Contacts = new List<BulkContact> { new() { Phone = "+15550001111" }, new() { Phone = Ada } },
            }));
            var countAfterRefusal = (await client.Contacts.CountAsync()).Count;
            var deleted = await client.Contacts.BulkDeleteAsync(new BulkDeleteContactsRequest { ContactIds = new List<string> { Ada, "+15550009999" } });

            Assert.Multiple(() =>
            {
                Assert.That(created.Status, Is.EqualTo("OK"));
                Assert.That(created.Contacts!.Select(c => c.Phone), Is.EqualTo(new[] { Ada, "+18887776666" }));
                Assert.That(created.Contacts![0].CompanyName, Is.EqualTo("Example Bistro"));
                Assert.That(created.Contacts![1].CustomVariables!["Lead Source"], Is.EqualTo("Referral"));
                Assert.That(refused!.ErrorMessage, Is.EqualTo("contacts[1].phone: a contact with number +19998887777 already exists; nothing was created."));
                Assert.That(countAfterRefusal, Is.EqualTo(2), "the refused request created none");
                Assert.That(deleted.Amount, Is.EqualTo(1), "a number that is no contact is not counted");
                Assert.That(emulator.Contacts.Select(c => c.Phone), Is.EqualTo(new[] { "+18887776666" }));
            });
        }

        [Test]
        public async Task TheOlderSpellingsTheApiTakes_AreRead()
        {
            await using var emulator = await EmulatorFixture.StartAsync();

            var (created, _) = await emulator.RawAsync(HttpMethod.Post, "api/v2/contacts", """{"phoneNumber":"+19998887777","firstName":"Ada","lastName":"Lovelace","assignedToEmail":"maria@example.com"}""");
            var (bulk, _) = await emulator.RawAsync(HttpMethod.Post, "api/v2/contacts/bulk", """{"contacts":[{"phone":"+18887776666","company":"Example Bistro","firstName":"Alan"}]}""");

            var ada = emulator.FindContact(Ada);
            Assert.Multiple(() =>
            {
                Assert.That((created, bulk), Is.EqualTo((200, 200)));
                Assert.That(ada!.FirstName, Is.EqualTo("Ada"));
                Assert.That(ada.LastName, Is.EqualTo("Lovelace"));
                Assert.That(ada.AssignedToEmail, Is.EqualTo("maria@example.com"));
                Assert.That(emulator.FindContact("+18887776666")!.CompanyName, Is.EqualTo("Example Bistro"));
                Assert.That(emulator.FindContact("+18887776666")!.FirstName, Is.EqualTo("Alan"));
            });
        }

        [TestCase("""{"number":"19998887777"}""", "number must be a phone number in E.164 format, such as +19998887777; it is '19998887777'.")]
        [TestCase("""{"first_name":"Ada"}""", "number is required.")]
        [TestCase("""{"number":"+19998887777","tags":"vip"}""", "tags must be an array.")]
        [TestCase("""{"number":"+19998887777","custom_variables":{"Plan":3}}""", "custom_variables.Plan must be a string.")]
        [TestCase("""{"number":"+19998887777","update_if_exists":"yes"}""", "update_if_exists must be true or false.")]
        public async Task ACreate_IsJudgedLikeTheApi(string body, string error)
        {
            await using var emulator = await EmulatorFixture.StartAsync();

            var (status, text) = await emulator.RawAsync(HttpMethod.Post, "api/v2/contacts", body);

            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(400));
                Assert.That(text, Is.EqualTo($$"""{"status":"ERROR","error_message":"{{error}}"}"""));
                Assert.That(emulator.Contacts, Is.Empty);
            });
        }
    }
}
