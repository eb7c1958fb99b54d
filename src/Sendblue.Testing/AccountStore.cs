using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing
{
    /// <summary>
    /// Everything of the emulated account that is not a message: contacts and the numbers' opt-out
    /// records, groups, typing indicators, media objects, webhooks, and the App Card updates already
    /// made. An operation holds <see cref="Gate"/> for its whole read-modify-write, so that requests
    /// served at once and a test reading a snapshot see each change whole.
    /// </summary>
    internal sealed class AccountStore
    {
        public object Gate { get; } = new();

        /// <summary>The contacts by phone number; each with its place in the order of creation.</summary>
        public Dictionary<string, (long Sequence, EmulatedContact Contact)> Contacts { get; } = new(StringComparer.Ordinal);

        /// <summary>The numbers opted out of messages: one record, which contacts' <c>opt_out</c> shows.</summary>
        public HashSet<string> OptedOut { get; } = new(StringComparer.Ordinal);

        public List<EmulatedGroup> Groups { get; } = new();

        public List<EmulatedTypingIndicator> TypingIndicators { get; } = new();

        public List<EmulatedMediaObject> MediaObjects { get; } = new();

        /// <summary>The webhooks by event type (wire name), each entry a URL string or a <c>{url, secret, sendblue_numbers}</c> object.</summary>
        public Dictionary<string, List<JToken>> Webhooks { get; } = WebhookType.KnownValues.ToDictionary(t => t.ToString(), _ => new List<JToken>(), StringComparer.Ordinal);

        public string? GlobalSecret { get; set; }

        /// <summary>The continuation an App Card update made, by the card's handle and the update's idempotency key.</summary>
        public Dictionary<(string Handle, string Key), string> AppCardUpdates { get; } = new();

        private long _contactSequence;

        public long NextContactSequence() => ++_contactSequence;

        public EmulatedGroup? Group(string groupId) => Groups.FirstOrDefault(g => g.GroupId == groupId);

        /// <summary>A contact as the API shows it: with the number's opt-out record.</summary>
        public EmulatedContact Shown(EmulatedContact contact) => contact with { OptOut = OptedOut.Contains(contact.Phone!) };

        public IReadOnlyList<EmulatedContact> ContactSnapshot()
        {
            lock (Gate)
            {
                return Contacts.Values.OrderBy(c => c.Sequence).Select(c => Shown(c.Contact)).ToList();
            }
        }

        /// <summary>Where events of a type go: each configured URL with the secret its calls carry (its own, else the account's global one).</summary>
        public IReadOnlyList<(string Url, string? Secret)> WebhookTargets(WebhookType type, string? sendblueNumber)
        {
            lock (Gate)
            {
                return Webhooks[type.ToString()]
                    .Select(entry => entry is JObject o
                        ? (Url: (string?)o["url"], Secret: (string?)o["secret"] ?? GlobalSecret, Lines: (o["sendblue_numbers"] as JArray)?.Select(n => (string?)n).ToList())
                        : (Url: (string?)entry, Secret: GlobalSecret, Lines: null))
                    .Where(t => t.Url is not null && (t.Lines is null || t.Lines.Count == 0 || (sendblueNumber is not null && t.Lines.Contains(sendblueNumber))))
                    .Select(t => (t.Url!, t.Secret))
                    .ToList();
            }
        }
    }
}
