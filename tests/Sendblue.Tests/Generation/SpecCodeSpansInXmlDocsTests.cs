using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using NUnit.Framework;

namespace Sendblue.Tests.Generation
{
    /// <summary>
    /// The spec's descriptions write names as Markdown code spans (<c>`message_handle`</c>); in the
    /// XML documentation the SDK ships (Sendblue.xml beside Sendblue.dll, what IntelliSense reads)
    /// each is a <c>&lt;c&gt;</c> element, wherever the templates put spec text: a model, an
    /// enum-like, a property, an operation, a parameter, a query object's property.
    /// </summary>
    public class SpecCodeSpansInXmlDocsTests
    {
        private static readonly Lazy<IReadOnlyList<XElement>> Members = new(() =>
        {
            var path = Path.ChangeExtension(typeof(SendblueClient).Assembly.Location, ".xml");
            Assert.That(File.Exists(path), Is.True, $"the SDK's documentation file is next to it: {path}");
            return XDocument.Load(path).Root!.Element("members")!.Elements("member").ToList();
        });

        [Test]
        public void ACodeSpanOfTheSpec_IsACElement_AtEveryKindOfDocumentedMember()
        {
            Assert.Multiple(() =>
            {
                Assert.That(Spans("T:Sendblue.SendMessageRequest", "summary"), Is.SupersetOf(new[] { "number", "from_number", "media_url" }), "a model's description");
                Assert.That(Spans("T:Sendblue.MessageType", "summary"), Is.EqualTo(new[] { "message", "group", "location", "location" }), "an enum-like's description");
                Assert.That(Spans("P:Sendblue.ReplyTo.MessageHandle", "summary"), Is.EqualTo(new[] { "message_handle" }), "a model property's description");
                Assert.That(Spans("P:Sendblue.MessageListQuery.IsOutbound", "summary"), Is.EqualTo(new[] { "true", "false", "message_type" }), "a query object's property (a query parameter's description)");
                Assert.That(Spans("M:Sendblue.IMessagesClient.GetAsync(System.String,System.Threading.CancellationToken)", "remarks"), Is.EqualTo(new[] { "message_handle" }), "an operation's description");
                Assert.That(Spans("M:Sendblue.IMessagesClient.UpdateAppCardAsync(System.String,Sendblue.UpdateAppCardRequest,System.Threading.CancellationToken)", "param"), Is.EqualTo(new[] { "message_handle" }), "a path parameter's description");

                var summary = Member("P:Sendblue.MessageListQuery.IsOutbound").Element("summary")!;
                Assert.That(summary.Value, Does.StartWith("true for messages you sent, false for messages sent to your Sendblue numbers"), "the span's text is kept, without its back ticks");
            });
        }

        [Test]
        public void NoDocumentationOfAGeneratedType_ShowsABackTick()
        {
            // Types rendered by the templates carry [GeneratedCode]; their members' docs come from the spec.
            var generated = typeof(SendblueClient).Assembly.GetTypes()
                .Where(t => t.GetCustomAttribute<GeneratedCodeAttribute>() != null && t.FullName != null)
                .Select(t => t.FullName!.Replace('+', '.'))
                .ToHashSet(StringComparer.Ordinal);

            var checkedMembers = Members.Value.Where(m => generated.Contains(TypeOf((string)m.Attribute("name")!))).ToList();
            // Only text: a documentation ID spells a generic's arity with back ticks (Nullable`1).
            var withBackTicks = checkedMembers
                .Where(m => m.DescendantNodes().OfType<XText>().Any(t => t.Value.Contains('`')))
                .Select(m => (string)m.Attribute("name")! + ": " + string.Concat(m.Nodes()).Trim())
                .ToList();

            Assert.That(checkedMembers, Has.Count.GreaterThan(500), "the generated models and clients are documented in Sendblue.xml");
            Assert.That(withBackTicks, Is.Empty, "a code span of the spec is a <c> element; a back tick is left only when it has no pair");
        }

        /// <summary>The texts of the <c>c</c> elements in <paramref name="element"/> of the member's docs.</summary>
        private static IReadOnlyList<string> Spans(string id, string element) =>
            Member(id).Elements(element).SelectMany(e => e.Descendants("c")).Select(c => c.Value).ToList();

        private static XElement Member(string id) =>
            Members.Value.SingleOrDefault(m => (string?)m.Attribute("name") == id) ?? throw new AssertionException($"{id} is not documented in Sendblue.xml");

        /// <summary>The type a documentation ID belongs to: T:Sendblue.Contact, P:Sendblue.Contact.Phone and M:Sendblue.IContactsClient.GetAsync(...) are in Sendblue.Contact and Sendblue.IContactsClient.</summary>
        private static string TypeOf(string id)
        {
            var name = id.Substring(2);
            if (id.StartsWith("T:", StringComparison.Ordinal))
            {
                return name;
            }

            var parameters = name.IndexOf('(');
            if (parameters >= 0)
            {
                name = name.Substring(0, parameters);
            }

            var last = name.LastIndexOf('.');
            return last < 0 ? name : name.Substring(0, last);
        }
    }
}
