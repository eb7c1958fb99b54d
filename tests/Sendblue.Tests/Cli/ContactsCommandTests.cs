using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Web;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Cli.Commands.Contacts;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Cli
{
    /// <summary><c>contacts list|get|create|delete</c>: the requests on the wire, the printed answers, the usage errors.</summary>
    public class ContactsCommandTests
    {
        private static readonly string[] ListOwnOptions = { "--help", "--base-url", "--json", "--all" };

        private static readonly Regex OptionRow = new(@"^ {4}(?:-\w, | {4})(?<name>--[a-z][a-z0-9-]*)(?: <(?<value>[A-Z]+)>)? +(?<description>\S.*)$", RegexOptions.Multiline);

        [Test]
        public async Task ContactsList_PrintsOnePageAsATable_AndSaysMoreMayFollow_WhenThePageIsFull()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Contacts_List")));

            var result = await CliRunner.RunAsync(api, "contacts", "list", "--limit", "1");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var request = api.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("GET"));
                Assert.That(request.Target, Is.EqualTo("/api/v2/contacts?limit=1"));
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    "╭──────────────┬──────────────┬────────────────┬───────────────┬──────────────┬───────────┬──────────╮",
                    "│ Phone        │ Name         │ Company        │ Tags          │ Line         │ Opted out │ Verified │",
                    "├──────────────┼──────────────┼────────────────┼───────────────┼──────────────┼───────────┼──────────┤",
                    "│ +19998887777 │ Ada Lovelace │ Example Bistro │ customer, vip │ +16292925296 │ false     │ true     │",
                    "╰──────────────┴──────────────┴────────────────┴───────────────┴──────────────┴───────────┴──────────╯",
                    "Contacts 1-1. More may follow: --offset 1, or --all.")));
            });
        }

        [Test]
        public async Task ContactsList_APageShorterThanTheLimit_IsTheLast()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Contacts_List")));

            var result = await CliRunner.RunAsync(api, "contacts", "list", "--offset", "40", "--limit", "20");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.Out, Does.EndWith(Expected.Lines("Contacts 41-41.")));
        }

        [Test]
        public async Task ContactsList_Empty_SaysSo()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("[]"));

            var result = await CliRunner.RunAsync(api, "contacts", "list");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.Out, Is.EqualTo(Expected.Lines("No contacts from offset 0.")));
        }

        [Test]
        public async Task ContactsList_Json_PrintsThePage_AsTheApisArray()
        {
            var answer = SpecExamples.Response("Contacts_List");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "contacts", "list", "--json");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameJson(result.Out, answer);
        }

        [Test]
        public async Task ContactsList_PutsEveryPropertyOfTheQueryOnTheWire_AsItsSpecName()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("[]"));
            var filters = QueryProperties.OfContacts.Select(p => (Property: p, Sample: QueryProperties.Sample(p))).ToList();

            var args = filters.SelectMany(f => new[] { QueryProperties.Option(f.Property), f.Sample.Text }).ToArray();
            var result = await CliRunner.RunAsync(api, new[] { "contacts", "list" }.Concat(args).ToArray());

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var query = HttpUtility.ParseQueryString(api.Requests.Single().Query);
            Assert.Multiple(() =>
            {
                foreach (var (property, sample) in filters)
                {
                    var wireName = QueryProperties.SpecName(property, "Contacts_List");
                    Assert.That(query[wireName], Is.EqualTo(sample.Wire), $"{QueryProperties.Option(property)} {sample.Text} goes out as {wireName}={sample.Wire}");
                }

                Assert.That(query.Count, Is.EqualTo(filters.Count), "one parameter per option, nothing else");
            });
        }

        [Test]
        public async Task ContactsList_TakesTheAfterSpellingOfItsInstantFilter()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("[]"));

            var result = await CliRunner.RunAsync(api, "contacts", "list", "--created-after", "2025-01-01T00:00:00+02:00");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(HttpUtility.ParseQueryString(api.Requests.Single().Query)["created_at_gte"], Is.EqualTo("2024-12-31T22:00:00Z"));
        }

        [Test]
        public async Task ContactsListHelp_OffersExactlyOneOptionPerQueryProperty_BesideItsOwn_EachDescribed()
        {
            var result = await CliRunner.RunWithoutCredentialsAsync("contacts", "list", "--help");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var rows = OptionRow.Matches(result.Out).ToList();
            var offered = rows.Select(m => m.Groups["name"].Value).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(offered, Is.Unique);
                Assert.That(offered.Except(ListOwnOptions), Is.EquivalentTo(QueryProperties.OfContacts.Select(QueryProperties.Option)));
                Assert.That(offered, Is.SupersetOf(ListOwnOptions));
                Assert.That(ContactsListCommand.Settings.Filters.Options.Select(o => o.Name), Is.EquivalentTo(QueryProperties.OfContacts.Select(QueryProperties.Option)));
                foreach (var row in rows.Where(r => !ListOwnOptions.Contains(r.Groups["name"].Value)))
                {
                    Assert.That(row.Groups["description"].Value, Does.Not.StartWith("Sets ContactListQuery"), $"{row.Groups["name"].Value} is described by its XML documentation");
                }

                Assert.That(result.Out, Does.Contain("Also --created-after"));
            });
        }

        [Test]
        public async Task ContactsList_AnUnknownOption_PointsToTheHelpOfContactsList()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("[]"));

            var result = await CliRunner.RunAsync(api, "contacts", "list", "--phone", "+19998887777");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Is.EqualTo(Expected.Lines("error: Unknown option '--phone'.", "Run 'sendblue contacts list --help' for usage.")));
                Assert.That(api.Requests, Is.Empty);
            });
        }

        [TestCase("--limit", "0")]
        [TestCase("--limit", "1001")]
        [TestCase("--offset", "-1")]
        public async Task ContactsList_ARangeTheSdkRefuses_IsAUsageError_AndSendsNothing(string option, string value)
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("[]"));

            var result = await CliRunner.RunAsync(api, "contacts", "list", option, value);

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith($"error: ContactListQuery.{(option == "--limit" ? "Limit" : "Offset")} must be"));
                // The SDK's sentence alone: not .NET's "(Parameter 'query')" and "Actual value was" lines.
                Assert.That(result.Error, Does.Not.Contain("(Parameter").And.Not.Contain("Actual value was"));
                Assert.That(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), result.Error);
                Assert.That(api.Requests, Is.Empty);
            });
        }

        [Test]
        public async Task ContactsListAll_WalksEveryPage_AndPrintsTheCount()
        {
            var contact = (JObject)JArray.Parse(SpecExamples.Response("Contacts_List"))[0];
            await using var api = new LoopbackServer(request =>
            {
                // Two full pages of two, then a short one: the walk ends at the short page.
                var offset = int.Parse(HttpUtility.ParseQueryString(request.Query)["offset"] ?? "0");
                var count = offset < 4 ? 2 : 1;
                var page = new JArray(Enumerable.Range(offset, count).Select(i =>
                {
                    var c = (JObject)contact.DeepClone();
                    c["phone"] = $"+1999888{i:0000}";
                    return c;
                }));
                return LoopbackResponse.Json(page.ToString());
            });

            var text = await CliRunner.RunAsync(api, "contacts", "list", "--all", "--limit", "2");
            var json = await CliRunner.RunAsync(api, "contacts", "list", "--all", "--limit", "2", "--json");

            Assert.Multiple(() =>
            {
                Assert.That(text.ExitCode, Is.EqualTo(0), text.ToString());
                Assert.That(text.Out, Does.EndWith(Expected.Lines("5 contacts.")));
                Assert.That(text.Out, Does.Contain("+19998880000").And.Contain("+19998880004"));
                Assert.That(api.Requests.Take(3).Select(r => r.Target), Is.EqualTo(new[]
                {
                    "/api/v2/contacts?limit=2&offset=0", "/api/v2/contacts?limit=2&offset=2", "/api/v2/contacts?limit=2&offset=4",
                }));
                Assert.That(api.Requests, Has.Count.EqualTo(6), "three pages for each run");
                Assert.That(json.ExitCode, Is.EqualTo(0), json.ToString());
                Assert.That(JArray.Parse(json.Out).Select(c => (string?)c["phone"]), Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"+1999888{i:0000}")));
            });
        }

        [Test]
        public async Task ContactsGet_AsksForTheNumber_PercentEncoded_AndPrintsEveryField()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Contacts_Get")));

            var result = await CliRunner.RunAsync(api, "contacts", "get", "+19998887777");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var request = api.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("GET"));
                Assert.That(request.Target, Is.EqualTo("/api/v2/contacts/%2B19998887777"));
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    "phone              +19998887777",
                    "first_name         Ada",
                    "last_name          Lovelace",
                    "company_name       Example Bistro",
                    "tags               customer, vip",
                    "sendblue_number    +16292925296",
                    "assigned_to_email  maria@example.com",
                    "opt_out            false",
                    "verified           true",
                    "created_at         2024-04-02T10:15:00.000Z")));
            });
        }

        [Test]
        public async Task ContactsGet_Json_PrintsTheAnswer()
        {
            var answer = SpecExamples.Response("Contacts_Get");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "contacts", "get", "+19998887777", "--json");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameJson(result.Out, answer);
        }

        [Test]
        public async Task ContactsGet_AnAnswerWithoutTheContact_IsAnApiError_ExitOne()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json("""{ "status": "OK" }"""));

            var result = await CliRunner.RunAsync(api, "contacts", "get", "+19998887777");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
                Assert.That(result.Out, Is.Empty);
                Assert.That(result.Error, Is.EqualTo(Expected.Lines("error: the API answered without the contact (status OK).")));
            });
        }

        [Test]
        public async Task ContactsCreate_EveryOption_SendsTheSpecsExampleRequest_AndPrintsTheContactAsStored()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Contacts_Create")));

            var result = await CliRunner.RunAsync(api,
                "contacts", "create", "+19998887777", "--first-name", "Ada", "--last-name", "Lovelace",
                "--assigned-to-email", "maria@example.com", "--sendblue-number", "+16292925296", "--tag", "customer",
                "--custom-variable", "Lead Source=Website", "--update-if-exists");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var request = api.Requests.Single();
            Assert.Multiple(() =>
            {
                Assert.That(request.Method, Is.EqualTo("POST"));
                Assert.That(request.Target, Is.EqualTo("/api/v2/contacts"));
                Expected.SameBody(request, SpecExamples.Request("Contacts_Create"));
                Assert.That(result.Out, Is.EqualTo(Expected.Lines(
                    "phone              +19998887777",
                    "first_name         Ada",
                    "last_name          Lovelace",
                    "tags               customer",
                    "custom_variables   Lead Source=Website",
                    "sendblue_number    +16292925296",
                    "assigned_to_email  maria@example.com",
                    "verified           false",
                    "created_at         2024-04-02T10:15:00.000Z")));
            });
        }

        [Test]
        public async Task ContactsCreate_OnlyTheNumber_SendsOnlyTheNumber_AndRepeatedOptionsAddUp()
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Contacts_Create")));

            var bare = await CliRunner.RunAsync(api, "contacts", "create", "+19998887777");
            var repeated = await CliRunner.RunAsync(api, "contacts", "create", "+19998887777", "--tag", "a", "--tag", "b",
                "--custom-variable", "Plan=Gold", "--custom-variable", "Note=x=y", "--custom-variable", "Plan=Platinum");

            Assert.Multiple(() =>
            {
                Assert.That(bare.ExitCode, Is.EqualTo(0), bare.ToString());
                Assert.That(repeated.ExitCode, Is.EqualTo(0), repeated.ToString());
                Expected.SameBody(api.Requests[0], JObject.Parse("""{ "number": "+19998887777" }"""));
                Expected.SameBody(api.Requests[1], JObject.Parse("""
                    { "number": "+19998887777", "tags": ["a", "b"], "custom_variables": { "Plan": "Platinum", "Note": "x=y" } }
                    """));
            });
        }

        [Test]
        public async Task ContactsCreate_Json_PrintsTheAnswer()
        {
            var answer = SpecExamples.Response("Contacts_Create");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var result = await CliRunner.RunAsync(api, "contacts", "create", "+19998887777", "--json");

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Expected.SameJson(result.Out, answer);
        }

        [TestCase("Website")]
        [TestCase("=Website")]
        public async Task ContactsCreate_ACustomVariableWithoutALabel_IsAUsageError_NamingTheOption(string variable)
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Contacts_Create")));

            var result = await CliRunner.RunAsync(api, "contacts", "create", "+19998887777", "--custom-variable", variable);

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith($"error: --custom-variable takes LABEL=VALUE, such as \"Lead Source=Website\"; it is '{variable}'."));
                Assert.That(api.Requests, Is.Empty);
            });
        }

        [Test]
        public async Task ContactsDelete_DeletesByNumber_WithoutABody_AndSaysSo()
        {
            var answer = SpecExamples.Response("Contacts_Delete");
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(answer));

            var text = await CliRunner.RunAsync(api, "contacts", "delete", "+19998887777");
            var json = await CliRunner.RunAsync(api, "contacts", "delete", "+19998887777", "--json");

            Assert.Multiple(() =>
            {
                Assert.That(text.ExitCode, Is.EqualTo(0), text.ToString());
                Assert.That(text.Out, Is.EqualTo(Expected.Lines("Deleted the contact +19998887777.")));
                Assert.That(api.Requests[0].Method, Is.EqualTo("DELETE"));
                Assert.That(api.Requests[0].Target, Is.EqualTo("/api/v2/contacts/%2B19998887777"));
                Assert.That(api.Requests[0].Body, Is.Empty);
                Assert.That(json.ExitCode, Is.EqualTo(0), json.ToString());
            });
            Expected.SameJson(json.Out, answer);
        }

        [TestCase("get")]
        [TestCase("delete")]
        [TestCase("create")]
        public async Task Contacts_ANumberTheSdkRefuses_IsAUsageError_AndSendsNothing(string command)
        {
            await using var api = new LoopbackServer(_ => LoopbackResponse.Json(SpecExamples.Response("Contacts_Get")));

            var result = await CliRunner.RunAsync(api, "contacts", command, "");

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith("error: "));
                Assert.That(api.Requests, Is.Empty);
            });
        }
    }
}
