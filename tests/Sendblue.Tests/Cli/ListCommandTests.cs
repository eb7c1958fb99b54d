using System;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Testing;

namespace Sendblue.Tests.Cli
{
    /// <summary><c>list</c>: filters on the wire (every property of <see cref="MessageListQuery"/>), bad values, one page, every page, JSON, progress.</summary>
    public class ListCommandTests
    {
        [Test]
        public async Task List_PutsEveryPropertyOfTheQueryOnTheWire_AsItsSpecName()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var filters = QueryProperties.All.Select(p => (Property: p, Sample: QueryProperties.Sample(p))).ToList();

            // One option per property, named after it: a property the spec adds is covered here too.
            var args = filters.SelectMany(f => new[] { QueryProperties.Option(f.Property), f.Sample.Text }).ToArray();
            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, new[] { "list" }.Concat(args).ToArray()));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var query = HttpUtility.ParseQueryString(emulator.Requests.Single().QueryString);
            Assert.Multiple(() =>
            {
                foreach (var (property, sample) in filters)
                {
                    var wireName = QueryProperties.SpecName(property);
                    Assert.That(query[wireName], Is.EqualTo(sample.Wire), $"{QueryProperties.Option(property)} {sample.Text} goes out as {wireName}={sample.Wire}");
                }

                Assert.That(query.Count, Is.EqualTo(filters.Count), "one parameter per option, nothing else");
            });
        }

        [TestCase("--created-after", "created_at_gte")]
        [TestCase("--created-before", "created_at_lte")]
        [TestCase("--sent-after", "sent_at_gte")]
        [TestCase("--sent-before", "sent_at_lte")]
        [TestCase("--updated-after", "updated_at_gte")]
        [TestCase("--updated-before", "updated_at_lte")]
        public async Task List_TheDateSpellingsOfEarlierVersions_StillWork(string option, string wireName)
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", option, "2025-01-01T00:00:00+02:00"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var query = HttpUtility.ParseQueryString(emulator.Requests.Single().QueryString);
            Assert.That(query[wireName], Is.EqualTo("2024-12-31T22:00:00Z"));
        }

        [Test]
        public async Task List_EveryInstantFilterEndingInGteOrLte_AnswersToAfterOrBefore()
        {
            // The rule, over whatever instant filters the query has: CreatedAtGte is also --created-after.
            var aliased = QueryProperties.All
                .Where(p => Nullable.GetUnderlyingType(p.PropertyType) == typeof(DateTimeOffset)
                    && (p.Name.EndsWith("Gte", StringComparison.Ordinal) || p.Name.EndsWith("Lte", StringComparison.Ordinal)))
                .ToList();
            Assert.That(aliased, Is.Not.Empty);

            foreach (var property in aliased)
            {
                var stem = property.Name.Substring(0, property.Name.Length - 3);
                stem = stem.EndsWith("At", StringComparison.Ordinal) ? stem.Substring(0, stem.Length - 2) : stem;
                var alias = $"--{QueryProperties.Kebab(stem)}-{(property.Name.EndsWith("Gte", StringComparison.Ordinal) ? "after" : "before")}";
                await using var emulator = await SendblueEmulator.StartAsync();

                var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", alias, "2025-03-01T00:00:00Z"));

                Assert.That(result.ExitCode, Is.EqualTo(0), $"{alias}: {result}");
                var query = HttpUtility.ParseQueryString(emulator.Requests.Single().QueryString);
                Assert.That(query[QueryProperties.SpecName(property)], Is.EqualTo("2025-03-01T00:00:00Z"), alias);
            }
        }

        [Test]
        public async Task List_AnAliasAndItsOption_Together_IsAUsageError()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator,
                "list", "--created-after", "2025-01-01T00:00:00Z", "--created-at-gte", "2025-02-01T00:00:00Z"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.Contain("--created-after").And.Contain("--created-at-gte"));
                Assert.That(emulator.Requests, Is.Empty);
            });
        }

        [Test]
        public async Task List_AnOptionGivenTwice_TakesTheLastValue()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--limit", "10", "--limit=20"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(HttpUtility.ParseQueryString(emulator.Requests.Single().QueryString)["limit"], Is.EqualTo("20"));
        }

        [Test]
        public async Task List_AnEnumValueTheSdkDoesNotKnow_GoesOutAsTyped()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--status", "read"));

            // The emulator knows only the spec's statuses and refuses it: the API's judgement, exit 1.
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(HttpUtility.ParseQueryString(emulator.Requests.Single().QueryString)["status"], Is.EqualTo("read"));
        }

        [Test]
        public async Task List_AMalformedValue_IsAUsageError_NamingTheOptionAndWhatItTakes_ForEveryTypedFilter()
        {
            var typed = QueryProperties.All.Where(p => p.PropertyType != typeof(string)).ToList();
            Assert.That(typed, Is.Not.Empty);

            foreach (var property in typed)
            {
                var option = QueryProperties.Option(property);
                var (bad, expected) = QueryProperties.Malformed(property);
                await using var emulator = await SendblueEmulator.StartAsync();

                var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", option, bad));

                Assert.Multiple(() =>
                {
                    Assert.That(result.ExitCode, Is.EqualTo(2), $"{option} {bad}: {result}");
                    Assert.That(result.Error, Does.StartWith($"error: {option} must be ").And.Contain(expected).And.Contain($"'{bad}'"), option);
                    Assert.That(emulator.Requests, Is.Empty, option);
                });
            }
        }

        [TestCase("--limit")]
        [TestCase("--status")]
        [TestCase("--created-after")]
        public async Task List_AnOptionWithoutItsValue_IsAUsageError_NamingIt(string option)
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", option));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith($"error: {option} needs a value"));
                Assert.That(emulator.Requests, Is.Empty);
            });
        }

        [TestCase("--offset", "99999999999")]
        [TestCase("--limit", "-99999999999")]
        public async Task List_AWholeNumberOutsideItsType_IsAUsageError_NamingTheOption(string option, string value)
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", $"{option}={value}"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.StartWith($"error: {option} must be a whole number"));
                Assert.That(emulator.Requests, Is.Empty);
            });
        }

        [TestCase("--limit", 0)]
        [TestCase("--limit", 1_000_000)]
        [TestCase("--offset", -1)]
        public async Task List_ARangeTheSdkRefuses_IsAUsageError_WithTheSdksOwnMessage(string option, int value)
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var query = new MessageListQuery();
            typeof(MessageListQuery).GetProperty(option == "--limit" ? nameof(MessageListQuery.Limit) : nameof(MessageListQuery.Offset))!.SetValue(query, value);
            using var client = new SendblueClient(new SendblueClientOptions { ApiKey = emulator.ApiKey, ApiSecret = emulator.ApiSecret, BaseUrl = emulator.BaseUrl });
            var refused = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => client.Messages.ListAsync(query))!;

            // The range is the SDK's (from the spec), never the command line's: the same words, whatever it is.
            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", $"{option}={value}"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                // The SDK's sentence, without what .NET appends for a developer ("(Parameter 'query')", "Actual value was").
                Assert.That(result.Error, Is.EqualTo("error: " + refused.Message.Split('\n')[0].Replace(" (Parameter 'query')", string.Empty) + Environment.NewLine));
                Assert.That(emulator.Requests, Is.Empty);
            });
        }

        [Test]
        public async Task ListAll_ARangeTheSdkRefuses_IsAUsageError_AndSendsNothing()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--all", "--limit", "0"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
                Assert.That(result.Error, Does.Contain("Limit"));
                Assert.That(emulator.Requests, Is.Empty);
            });
        }

        [Test]
        public async Task List_WithoutFilters_SendsNone()
        {
            await using var emulator = await SendblueEmulator.StartAsync();

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(emulator.Requests.Single().QueryString, Is.Empty);
        }

        [Test]
        public async Task List_PrintsOnePageAsATable_AndWhereItSits()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var seeded = Seed(emulator, 3);

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--limit", "2"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
                Assert.That(result.Out, Does.Contain(seeded[2].MessageHandle), "newest first by default");
                Assert.That(result.Out, Does.Contain(seeded[1].MessageHandle));
                Assert.That(result.Out, Does.Not.Contain(seeded[0].MessageHandle));
                Assert.That(result.Out, Does.Contain("Messages 1-2 of 3.").And.Contain("--offset 2"));
            });
        }

        [Test]
        public async Task List_Json_PrintsThePage()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            Seed(emulator, 3);

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--json"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var page = JObject.Parse(result.Out);
            Assert.Multiple(() =>
            {
                Assert.That((JArray)page["data"]!, Has.Count.EqualTo(3));
                Assert.That((int?)page["pagination"]?["total"], Is.EqualTo(3));
                Assert.That((bool?)page["pagination"]?["hasMore"], Is.False);
            });
        }

        [Test]
        public async Task ListAll_Json_WalksEveryPage_IntoOneArray()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var seeded = Seed(emulator, 250);

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--all", "--json"));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var all = JArray.Parse(result.Out);
            Assert.Multiple(() =>
            {
                Assert.That(all, Has.Count.EqualTo(250));
                Assert.That(all.Select(m => (string?)m["message_handle"]), Is.EquivalentTo(seeded.Select(m => m.MessageHandle)));
                Assert.That(emulator.Requests, Has.Count.EqualTo(3), "pages of 100");
                Assert.That(result.Error, Is.Empty, "no progress when stderr is not a terminal");
            });
        }

        [Test]
        public async Task ListAll_OnATerminal_ShowsProgressOnStderr_AndKeepsStdoutData()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            Seed(emulator, 120);

            var result = await CliRunner.RunAsync(
                () => new SendblueClientOptions { ApiKey = emulator.ApiKey, ApiSecret = emulator.ApiSecret },
                errorIsTerminal: true,
                CliRunner.At(emulator, "list", "--all", "--limit", "50", "--json"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
                Assert.That(JArray.Parse(result.Out), Has.Count.EqualTo(120));
                Assert.That(result.Error, Does.Contain("Read 120 messages"));
            });
        }

        [Test]
        public async Task ListAll_AsText_PrintsATableAndTheCount()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            Seed(emulator, 120);

            var result = await CliRunner.RunAsync(emulator, CliRunner.At(emulator, "list", "--all", "--status", "DELIVERED"));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
                Assert.That(result.Out, Does.Contain("120 messages."));
                Assert.That(result.Out.Split('\n').Count(line => line.Contains("DELIVERED", StringComparison.Ordinal)), Is.EqualTo(120));
            });
        }

        private static EmulatedMessage[] Seed(SendblueEmulator emulator, int count)
        {
            var start = DateTimeOffset.UtcNow.AddHours(-1);
            return Enumerable.Range(0, count)
                .Select(i => emulator.AddMessage(new EmulatedMessage
                {
                    FromNumber = "+16292925296",
                    ToNumber = "+19998887777",
                    Content = $"Message {i}",
                    Status = MessageStatus.Delivered,
                    DateCreated = start.AddSeconds(i),
                    DateSent = start.AddSeconds(i),
                }))
                .ToArray();
        }
    }
}
