using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.Cli.Commands;
using Sendblue.Cli.QueryOptions;

namespace Sendblue.Tests.Cli
{
    /// <summary>
    /// The options of <c>list</c> are the properties of <see cref="MessageListQuery"/>, found at run
    /// time: a filter the spec adds is an option with no edit of the command line. These tests hold
    /// that structurally, so a return to a hand-written list of options fails here.
    /// </summary>
    public class ListOptionsFollowTheQueryTests
    {
        /// <summary>The options <c>list</c> declares itself; everything else it offers is a filter.</summary>
        private static readonly string[] CommandOptions = { "--help", "--base-url", "--json", "--all" };

        /// <summary>A row of Spectre's option table: "    -h, --help ..." or "        --name &lt;VALUE&gt;  description".</summary>
        private static readonly Regex OptionRow = new(@"^ {4}(?:-\w, | {4})(?<name>--[a-z][a-z0-9-]*)(?: <(?<value>[A-Z]+)>)? +(?<description>\S.*)$", RegexOptions.Multiline);

        [Test]
        public async Task ListHelp_OffersExactlyOneOptionPerQueryProperty_BesideItsOwn()
        {
            var help = await ListHelpAsync();

            var offered = OptionRow.Matches(help).Select(m => m.Groups["name"].Value).ToList();
            var expected = QueryProperties.All.Select(QueryProperties.Option).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(offered, Is.Unique, "no option twice");
                Assert.That(offered.Except(CommandOptions), Is.EquivalentTo(expected), "the filters of list are the properties of MessageListQuery, kebab-cased");
                Assert.That(offered, Is.SupersetOf(CommandOptions));
            });
        }

        [Test]
        public async Task ListHelp_DescribesEveryFilter_FromTheSdksDocumentation()
        {
            var help = await ListHelpAsync();
            var rows = OptionRow.Matches(help).ToDictionary(m => m.Groups["name"].Value);

            Assert.Multiple(() =>
            {
                foreach (var property in QueryProperties.All)
                {
                    var option = QueryProperties.Option(property);
                    Assert.That(rows.TryGetValue(option, out var row), Is.True, $"{option} is in the help");
                    Assert.That(row?.Groups["value"].Success, Is.True, $"{option} shows the value it takes");
                    // The generic fallback would mean Sendblue.xml was not found next to Sendblue.dll.
                    Assert.That(row?.Groups["description"].Value, Does.Not.StartWith("Sets MessageListQuery"), $"{option} is described by its XML documentation");
                }

                Assert.That(help, Does.Contain("Also --created-after"), "the aliases are in the help");
            });
        }

        [Test]
        public void TheFilters_AreTheOptionsOfTheQueryType()
        {
            var names = ListCommand.Settings.Filters.Options.Select(o => o.Name);

            Assert.That(names, Is.EquivalentTo(QueryProperties.All.Select(QueryProperties.Option)));
        }

        [Test]
        public void ANewPropertyOfAQueryType_IsAnOption_OfEverySupportedType_WithNoEdit()
        {
            // A stand-in for the generated query after a spec edit: properties the command line has never seen.
            var set = QueryOptionSet.For(typeof(FutureQuery), XmlDocumentation.None);

            Assert.That(set.Options.Select(o => o.Name), Is.EqualTo(new[]
            {
                "--reply-to-handle", "--is-pinned", "--page-size", "--total-bytes", "--min-score",
                "--delivered-at-gte", "--delivered-at-lte", "--scheduled-on", "--kind", "--http-status",
            }));

            var given = new[]
            {
                ("--reply-to-handle", "abc"), ("--is-pinned", "true"), ("--page-size", "7"), ("--total-bytes", "9000000000"),
                ("--min-score", "0.5"), ("--delivered-after", "2025-01-01T00:00:00+01:00"), ("--delivered-at-lte", "2025-01-02T00:00:00"),
                ("--scheduled-on", "2025-02-03"), ("--kind", "LOCATION"), ("--http-status", "12"),
            }.ToLookup(g => g.Item1, g => (string?)g.Item2);

            Assert.That(set.TryBind(given, out var bound, out var error), Is.True, error);
            var query = (FutureQuery)bound;
            Assert.Multiple(() =>
            {
                Assert.That(query.ReplyToHandle, Is.EqualTo("abc"));
                Assert.That(query.IsPinned, Is.True);
                Assert.That(query.PageSize, Is.EqualTo(7));
                Assert.That(query.TotalBytes, Is.EqualTo(9_000_000_000L));
                Assert.That(query.MinScore, Is.EqualTo(0.5));
                Assert.That(query.DeliveredAtGte, Is.EqualTo(new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero)), "--delivered-after is the alias of --delivered-at-gte");
                Assert.That(query.DeliveredAtLte, Is.EqualTo(new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero)), "no offset means UTC");
                Assert.That(query.ScheduledOn, Is.EqualTo(new DateTime(2025, 2, 3)));
                Assert.That(query.Kind.ToString(), Is.EqualTo("location"), "a known value in another case is its canonical value");
                Assert.That(query.HTTPStatus, Is.EqualTo(12));
            });
        }

        [Test]
        public void AListFilter_TakesTheOptionOncePerValue_AndAUuidFilterItsText()
        {
            // What the generated query object has for an array query parameter of the spec, and a uuid one.
            var set = QueryOptionSet.For(typeof(ListsQuery), XmlDocumentation.None);
            var given = new[]
            {
                ("--kinds", "message"), ("--kinds", "Sticker"), ("--ids", "1"), ("--ids", "2"), ("--seat-id", "6f1c2f8e-3c1a-4b8e-9d55-2f0c6a1b7e11"),
            }.ToLookup(g => g.Item1, g => (string?)g.Item2);

            Assert.That(set.TryBind(given, out var bound, out var error), Is.True, error);
            var query = (ListsQuery)bound;
            Assert.Multiple(() =>
            {
                Assert.That(query.Kinds!.Select(k => k.ToString()), Is.EqualTo(new[] { "message", "Sticker" }));
                Assert.That(query.Ids, Is.EqualTo(new[] { 1, 2 }));
                Assert.That(query.SeatId, Is.EqualTo(Guid.Parse("6f1c2f8e-3c1a-4b8e-9d55-2f0c6a1b7e11")));
                Assert.That(Option(set, "--ids").Description, Does.Contain("Give the option once per value."));
            });

            Assert.That(set.TryBind(new[] { ("--ids", "1"), ("--ids", "two") }.ToLookup(g => g.Item1, g => (string?)g.Item2), out _, out error), Is.False);
            Assert.That(error, Is.EqualTo("--ids must be a whole number; it is 'two'."));
        }

        [Test]
        public void AnUnknownValueOfAnExtensibleEnum_IsKeptAsTyped()
        {
            var set = QueryOptionSet.For(typeof(FutureQuery), XmlDocumentation.None);

            Assert.That(set.TryBind(new[] { ("--kind", "Sticker") }.ToLookup(g => g.Item1, g => (string?)g.Item2), out var bound, out _), Is.True);
            Assert.That(((FutureQuery)bound).Kind.ToString(), Is.EqualTo("Sticker"));
        }

        [Test]
        public void OnlyInstantsEndingInGteOrLte_GetTheAfterAndBeforeSpellings()
        {
            var set = QueryOptionSet.For(typeof(FutureQuery), XmlDocumentation.None);

            var aliases = set.Options.Where(o => o.Aliases.Count > 0).ToDictionary(o => o.Name, o => o.Aliases.Single());
            Assert.That(aliases, Is.EqualTo(new Dictionary<string, string>
            {
                ["--delivered-at-gte"] = "--delivered-after",
                ["--delivered-at-lte"] = "--delivered-before",
            }));
        }

        [Test]
        public void Descriptions_ComeFromTheXmlDocumentation_AsPlainText_OrAGenericSentence()
        {
            var documentation = XmlDocumentation.Parse($@"<?xml version=""1.0""?>
<doc><members>
  <member name=""P:{typeof(FutureQuery).FullName!.Replace('+', '.')}.IsPinned"">
    <summary>Only <see langword=""true""/> for pinned
      messages, as <see cref=""T:Sendblue.MessageStatus""/> says; <c>[bold]</c> is not markup</summary>
  </member>
</members></doc>");

            var set = QueryOptionSet.For(typeof(FutureQuery), documentation);

            Assert.Multiple(() =>
            {
                Assert.That(Option(set, "--is-pinned").Description, Does.StartWith("Only true for pinned messages, as MessageStatus says; [bold] is not markup. Takes true or false."));
                Assert.That(Option(set, "--page-size").Description, Does.StartWith("Sets FutureQuery.PageSize."));
                Assert.That(Option(set, "--kind").Description, Does.Contain("One of: message, group, location"));
                Assert.That(Option(set, "--delivered-at-gte").Description, Does.Contain("Also --delivered-after."));
            });
        }

        [Test]
        public void AnotherPropertysName_IsNeverAnAlias()
        {
            var set = QueryOptionSet.For(typeof(ClashingQuery), XmlDocumentation.None);

            Assert.Multiple(() =>
            {
                Assert.That(set.Find("--created-after")?.Property.Name, Is.EqualTo(nameof(ClashingQuery.CreatedAfter)));
                Assert.That(set.Find("--created-at-gte")!.Aliases, Is.Empty);
            });
        }

        private static QueryOption Option(QueryOptionSet set, string name) => set.Find(name) ?? throw new AssertionException($"no {name}");

        private static async Task<string> ListHelpAsync()
        {
            var result = await CliRunner.RunWithoutCredentialsAsync("list", "--help");
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            return result.Out;
        }

        /// <summary>An extensible enum shaped as the SDK's: a readonly struct, a string constructor, KnownValues.</summary>
        public readonly struct FutureKind : IEquatable<FutureKind>
        {
            private readonly string? _value;

            public FutureKind(string value)
            {
                _value = value;
            }

            public static IReadOnlyList<FutureKind> KnownValues { get; } = new[] { new FutureKind("message"), new FutureKind("group"), new FutureKind("location") };

            public bool Equals(FutureKind other) => string.Equals(_value, other._value, StringComparison.Ordinal);

            public override bool Equals(object? obj) => obj is FutureKind other && Equals(other);

            public override int GetHashCode() => _value?.GetHashCode(StringComparison.Ordinal) ?? 0;

            public override string ToString() => _value ?? string.Empty;
        }

        /// <summary>List and uuid filters, typed as the generated query objects type them.</summary>
        public sealed class ListsQuery
        {
            public IEnumerable<FutureKind>? Kinds { get; set; }

            public IList<int>? Ids { get; set; }

            public Guid? SeatId { get; set; }
        }

        /// <summary>A query of every type the SDK's query objects use, none of which MessageListQuery has today.</summary>
        public sealed class FutureQuery
        {
            public string? ReplyToHandle { get; set; }

            public bool? IsPinned { get; set; }

            public int? PageSize { get; set; }

            public long? TotalBytes { get; set; }

            public double? MinScore { get; set; }

            public DateTimeOffset? DeliveredAtGte { get; set; }

            public DateTimeOffset? DeliveredAtLte { get; set; }

            public DateTime? ScheduledOn { get; set; }

            public FutureKind? Kind { get; set; }

            public int? HTTPStatus { get; set; }

            /// <summary>Read-only: not an option.</summary>
            public int Count => 0;
        }

        /// <summary>A property named as another property's alias would be.</summary>
        public sealed class ClashingQuery
        {
            public DateTimeOffset? CreatedAtGte { get; set; }

            public DateTimeOffset? CreatedAfter { get; set; }
        }
    }
}
