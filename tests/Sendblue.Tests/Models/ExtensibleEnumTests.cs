using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace Sendblue.Tests.Models
{
    /// <summary>
    /// The enum-like types: the known values of API.md with their wire strings, listed out here so
    /// that a renamed member or a changed wire value fails; value equality; unknown values.
    /// </summary>
    public class ExtensibleEnumTests
    {
        private static readonly (object Value, string Wire)[] SendStyles =
        {
            (SendStyle.Celebration, "celebration"),
            (SendStyle.ShootingStar, "shooting_star"),
            (SendStyle.Fireworks, "fireworks"),
            (SendStyle.Lasers, "lasers"),
            (SendStyle.Love, "love"),
            (SendStyle.Confetti, "confetti"),
            (SendStyle.Balloons, "balloons"),
            (SendStyle.Spotlight, "spotlight"),
            (SendStyle.Echo, "echo"),
            (SendStyle.Invisible, "invisible"),
            (SendStyle.Gentle, "gentle"),
            (SendStyle.Loud, "loud"),
            (SendStyle.Slam, "slam"),
        };

        private static readonly (object Value, string Wire)[] MessageStatuses =
        {
            (MessageStatus.Registered, "REGISTERED"),
            (MessageStatus.Pending, "PENDING"),
            (MessageStatus.Sent, "SENT"),
            (MessageStatus.Delivered, "DELIVERED"),
            (MessageStatus.Received, "RECEIVED"),
            (MessageStatus.Queued, "QUEUED"),
            (MessageStatus.Error, "ERROR"),
            (MessageStatus.Declined, "DECLINED"),
            (MessageStatus.Accepted, "ACCEPTED"),
            (MessageStatus.Success, "SUCCESS"),
        };

        private static readonly (object Value, string Wire)[] MessageServices =
        {
            (MessageService.IMessage, "iMessage"),
            (MessageService.Sms, "SMS"),
            (MessageService.Rcs, "RCS"),
        };

        private static readonly (object Value, string Wire)[] MessageTypes =
        {
            (MessageType.Message, "message"),
            (MessageType.Group, "group"),
            (MessageType.Location, "location"), // API.md, "The rest of the API": MessageType gains Location
        };

        private static readonly (object Value, string Wire)[] OrderBys =
        {
            (MessageOrderBy.CreatedAt, "createdAt"),
            (MessageOrderBy.UpdatedAt, "updatedAt"),
            (MessageOrderBy.SentAt, "sentAt"),
        };

        private static readonly (object Value, string Wire)[] SortDirections =
        {
            (SortDirection.Asc, "asc"),
            (SortDirection.Desc, "desc"),
        };

        private static readonly Dictionary<Type, (object Value, string Wire)[]> Table = new()
        {
            [typeof(SendStyle)] = SendStyles,
            [typeof(MessageStatus)] = MessageStatuses,
            [typeof(MessageService)] = MessageServices,
            [typeof(MessageType)] = MessageTypes,
            [typeof(MessageOrderBy)] = OrderBys,
            [typeof(SortDirection)] = SortDirections,
        };

        public static IEnumerable<TestCaseData> KnownValues() =>
            from entry in Table
            from known in entry.Value
            select new TestCaseData(known.Value, known.Wire).SetArgDisplayNames(entry.Key.Name, known.Wire);

        public static IEnumerable<TestCaseData> EnumTypes() =>
            Table.Keys.Select(type => new TestCaseData(type).SetArgDisplayNames(type.Name));

        [TestCaseSource(nameof(KnownValues))]
        public void KnownValue_PrintsItsWireString_IsKnown_AndEqualsTheValueMadeFromThatString(object value, string wire)
        {
            var fromWire = Activator.CreateInstance(value.GetType(), wire)!;

            Assert.Multiple(() =>
            {
                Assert.That(value.ToString(), Is.EqualTo(wire));
                Assert.That(IsKnown(value), Is.True);
                Assert.That(fromWire, Is.EqualTo(value));
                Assert.That(fromWire.GetHashCode(), Is.EqualTo(value.GetHashCode()));
            });
        }

        [TestCaseSource(nameof(EnumTypes))]
        public void KnownValues_AreExactlyTheTableOfApiMd(Type type)
        {
            var knownValues = ((IEnumerable)type.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().ToArray();
            var staticMembers = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .Where(p => p.PropertyType == type)
                .Select(p => p.GetValue(null)!)
                .ToArray();

            Assert.Multiple(() =>
            {
                Assert.That(knownValues.Select(v => v.ToString()), Is.EqualTo(Table[type].Select(t => t.Wire)));
                Assert.That(staticMembers, Is.EquivalentTo(knownValues));
            });
        }

        [TestCaseSource(nameof(EnumTypes))]
        public void UnknownValue_IsKeptPrintable_NotKnown_AndEqualOnlyToItself(Type type)
        {
            var value = Activator.CreateInstance(type, "SOMETHING_NEW")!;
            var same = Activator.CreateInstance(type, "SOMETHING_NEW")!;
            var other = Activator.CreateInstance(type, "SOMETHING_ELSE")!;

            Assert.Multiple(() =>
            {
                Assert.That(value.ToString(), Is.EqualTo("SOMETHING_NEW"));
                Assert.That(IsKnown(value), Is.False);
                Assert.That(value, Is.EqualTo(same));
                Assert.That(value.GetHashCode(), Is.EqualTo(same.GetHashCode()));
                Assert.That(value, Is.Not.EqualTo(other));
                Assert.That(Table[type].Select(t => t.Value), Has.None.EqualTo(value));
            });
        }

        [Test]
        public void Operators_CompareByValue()
        {
            MessageStatus fromString = "DELIVERED";
            var read = new MessageStatus("READ");

            Assert.Multiple(() =>
            {
                Assert.That(fromString == MessageStatus.Delivered, Is.True);
                Assert.That(fromString != MessageStatus.Delivered, Is.False);
                Assert.That(fromString == MessageStatus.Sent, Is.False);
                Assert.That(fromString != MessageStatus.Sent, Is.True);
                Assert.That(read == new MessageStatus("READ"), Is.True);
                Assert.That(read != new MessageStatus("READ"), Is.False);
                Assert.That(MessageStatus.Delivered.Equals(fromString), Is.True);
                Assert.That(MessageStatus.Delivered.Equals((object)fromString), Is.True);
                Assert.That(MessageStatus.Delivered.Equals((object)"DELIVERED"), Is.False, "a string is not a MessageStatus");
                Assert.That(MessageStatus.Delivered.Equals((object?)null), Is.False);
                Assert.That(SendStyle.Slam == (SendStyle)"slam", Is.True);
                Assert.That(SortDirection.Asc != SortDirection.Desc, Is.True);
                Assert.That(MessageService.IMessage == "iMessage", Is.True);
            });
        }

        [Test]
        public void NullableValues_CompareByValue()
        {
            MessageStatus? status = new MessageStatus("DELIVERED");
            MessageStatus? none = null;

            Assert.Multiple(() =>
            {
                Assert.That(status == MessageStatus.Delivered, Is.True);
                Assert.That(status != MessageStatus.Sent, Is.True);
                Assert.That(none == MessageStatus.Delivered, Is.False);
                Assert.That(none == null, Is.True);
            });
        }

        [Test]
        public void Values_WorkAsDictionaryKeysAndInSets()
        {
            var counts = new Dictionary<MessageStatus, int> { [MessageStatus.Delivered] = 1 };
            counts[new MessageStatus("DELIVERED")]++;
            var set = new HashSet<MessageService> { MessageService.Sms, "SMS", new MessageService("SMS"), MessageService.Rcs };

            Assert.Multiple(() =>
            {
                Assert.That(counts[MessageStatus.Delivered], Is.EqualTo(2));
                Assert.That(set, Has.Count.EqualTo(2));
            });
        }

        [Test]
        public void SwitchOnStaticMembers_Works()
        {
            static string Describe(MessageStatus status) =>
                status == MessageStatus.Delivered ? "delivered"
                : status == MessageStatus.Error ? "failed"
                : "other: " + status;

            Assert.Multiple(() =>
            {
                Assert.That(Describe(new MessageStatus("DELIVERED")), Is.EqualTo("delivered"));
                Assert.That(Describe("ERROR"), Is.EqualTo("failed"));
                Assert.That(Describe("READ"), Is.EqualTo("other: READ"));
            });
        }

        [Test]
        public void Constructor_RefusesNull()
        {
            Assert.Multiple(() =>
            {
                Assert.That(() => new MessageStatus(null!), Throws.ArgumentNullException);
                Assert.That(() => new SendStyle(null!), Throws.ArgumentNullException);
                Assert.That(() => { MessageService service = (string)null!; }, Throws.ArgumentNullException);
            });
        }

        [Test]
        public void DefaultValue_PrintsEmpty_AndIsNotKnown()
        {
            var none = default(MessageStatus);

            Assert.Multiple(() =>
            {
                Assert.That(none.ToString(), Is.EqualTo(string.Empty));
                Assert.That(none.IsKnown, Is.False);
                Assert.That(none == MessageStatus.Delivered, Is.False);
            });
        }

        private static bool IsKnown(object value) => (bool)value.GetType().GetProperty("IsKnown")!.GetValue(value)!;
    }
}
