using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Sendblue.Testing.Endpoints
{
    /// <summary>
    /// The Webhooks operations over the account's webhook configuration: add appends (a repeated add
    /// adds again), replace sets the whole configuration, list shows it, delete removes URLs. Entries
    /// are URL strings or <c>{url, secret, sendblue_numbers}</c> objects, kept in the form they came in.
    /// Receive and outbound webhooks configured here are called by the emulator (see
    /// <see cref="SendblueEmulator.SimulateInboundAsync"/> and <see cref="SendblueEmulator.AdvanceAsync"/>).
    /// </summary>
    internal sealed class WebhookEndpoints
    {
        private static readonly string Receive = WebhookType.Receive.ToString();

        private readonly SendblueEmulator _emulator;
        private readonly SendblueEmulatorOptions _options;

        public WebhookEndpoints(SendblueEmulator emulator, SendblueEmulatorOptions options)
        {
            _emulator = emulator;
            _options = options;
        }

        private AccountStore Account => _emulator.Account;

        private static IEnumerable<string> Types => WebhookType.KnownValues.Select(t => t.ToString());

        public Answer List(EmulatorCall call) => Answer.Ok(Response(null));

        public Answer Create(EmulatorCall call)
        {
            var body = call.Json();
            var type = Type(body.String("type"));
            var items = body.Array("webhooks") ?? throw Rejection.BadRequest("webhooks is required.");
            var entries = Entries(items, "webhooks", type);
            var secret = body.String("globalSecret");
            lock (Account.Gate)
            {
                Account.Webhooks[type].AddRange(entries);
                Account.GlobalSecret = secret ?? Account.GlobalSecret;
                return Answer.Ok(Response("Webhooks added successfully"));
            }
        }

        public Answer Update(EmulatorCall call)
        {
            var configuration = call.Json().Object("webhooks") ?? throw Rejection.BadRequest("webhooks is required.");
            var replacement = Types.ToDictionary(t => t, _ => new List<JToken>(), StringComparer.Ordinal);
            string? secret = null;
            foreach (var property in configuration.Value.Properties())
            {
                if (property.Name == "globalSecret")
                {
                    secret = configuration.String("globalSecret");
                }
                else if (replacement.ContainsKey(property.Name))
                {
                    var items = configuration.Array(property.Name);
                    if (items is not null)
                    {
                        replacement[property.Name].AddRange(Entries(items, configuration.Name(property.Name), property.Name));
                    }
                }
                else
                {
                    throw Rejection.BadRequest($"{configuration.Name(property.Name)} is not a webhook type; the types are {string.Join(", ", Types)} (and globalSecret).");
                }
            }

            lock (Account.Gate)
            {
                // The whole configuration: what the request leaves out ends up empty.
                foreach (var pair in replacement)
                {
                    Account.Webhooks[pair.Key] = pair.Value;
                }

                Account.GlobalSecret = secret;
                return Answer.Ok(Response("Webhooks updated successfully"));
            }
        }

        /// <summary>Removes every entry of the type whose URL is given; URLs the type does not have are not an error.</summary>
        public Answer Delete(EmulatorCall call)
        {
            var body = call.Json();
            var type = Type(body.String("type"));
            var urls = body.Strings("webhooks") ?? throw Rejection.BadRequest("webhooks is required.");
            var gone = urls.Select((url, i) => new Uri(Values.HttpUrl(url, $"webhooks[{i}]"))).ToList();
            lock (Account.Gate)
            {
                Account.Webhooks[type].RemoveAll(entry => Url(entry) is string url && gone.Contains(new Uri(url)));
            }

            return Answer.Ok(new JObject { ["status"] = "OK", ["message"] = "Webhooks deleted successfully" });
        }

        private static string Type(string? type) => type is null ? Receive : Values.OneOf(type, "type", Types);

        private static string? Url(JToken entry) => entry is JObject o ? (string?)o["url"] : (string?)entry;

        /// <summary>Entries as the API stores them: a URL string as it is, an object with just its url, secret and lines.</summary>
        private List<JToken> Entries(JArray items, string field, string type)
        {
            var entries = new List<JToken>();
            for (var i = 0; i < items.Count; i++)
            {
                var at = $"{field}[{i}]";
                switch (items[i])
                {
                    case JValue { Type: JTokenType.String } url:
                        entries.Add(Values.HttpUrl((string)url!, at));
                        break;
                    case JObject item:
                        var url2 = item["url"];
                        if (url2 is null || url2.Type == JTokenType.Null)
                        {
                            throw Rejection.BadRequest($"{at}.url is required.");
                        }

                        if (url2.Type != JTokenType.String)
                        {
                            throw Rejection.BadRequest($"{at}.url must be a string.");
                        }

                        var entry = new JObject { ["url"] = Values.HttpUrl((string)url2!, $"{at}.url") };
                        if (item["secret"] is JToken secret && secret.Type != JTokenType.Null)
                        {
                            entry["secret"] = secret.Type == JTokenType.String ? secret : throw Rejection.BadRequest($"{at}.secret must be a string.");
                        }

                        if (item["sendblue_numbers"] is JToken lines && lines.Type != JTokenType.Null)
                        {
                            if (type != Receive)
                            {
                                throw Rejection.BadRequest($"{at}.sendblue_numbers is for receive webhooks only, not {type} ones.");
                            }

                            if (lines is not JArray numbers)
                            {
                                throw Rejection.BadRequest($"{at}.sendblue_numbers must be an array of phone numbers.");
                            }

                            entry["sendblue_numbers"] = new JArray(numbers.Select((n, j) => (object)Values.Line(
                                Values.Phone(n.Type == JTokenType.String ? (string)n! : throw Rejection.BadRequest($"{at}.sendblue_numbers[{j}] must be a string."), $"{at}.sendblue_numbers[{j}]"),
                                _options,
                                $"{at}.sendblue_numbers[{j}]")).ToArray());
                        }

                        entries.Add(entry);
                        break;
                    default:
                        throw Rejection.BadRequest($"{at} must be a URL or an object with a url.");
                }
            }

            return entries;
        }

        private JObject Response(string? message)
        {
            var webhooks = new JObject();
            lock (Account.Gate)
            {
                Wire.Add(webhooks, "globalSecret", Account.GlobalSecret);
                foreach (var type in Types)
                {
                    webhooks[type] = new JArray(Account.Webhooks[type].Select(e => e.DeepClone()).ToArray<object>());
                }
            }

            var o = new JObject { ["status"] = "OK" };
            Wire.Add(o, "message", message);
            o["webhooks"] = webhooks;
            return o;
        }
    }
}
