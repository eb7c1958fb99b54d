using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using NUnit.Framework;
using Sendblue.Serialization;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Models
{
    /// <summary>
    /// The SDK reads every model with a converter generated from the spec (build/templates/Class.liquid).
    /// It must give what Newtonsoft's own contract-based serializer gives for the same model class
    /// and settings: for every body below and every model, both read it into equal models (every
    /// property, the extension data with the same keys in the same order, values of the same CLR
    /// type), or both refuse it. The reference is told the SDK's two deliberate rules, so that it
    /// differs only where the generated code would be wrong: whole numbers written <c>4001.0</c> or
    /// <c>"4001"</c> are read (as JsonRead does), and a body that goes on after its object is refused.
    /// Dates, enum-likes, nulls, <c>""</c>, wrong types, case-insensitive names, both account
    /// spellings, duplicates, unknown objects and arrays, comments, metadata-like names and
    /// top-level non-objects are all varied.
    /// </summary>
    public class GeneratedReadingTests
    {
        private static readonly string[] Values =
        {
            "null", "\"\"", "\"abc\"", "\" \"", "0", "123", "-1", "4001", "2147483648", "1.5", "1e3", "true", "false",
            "{}", "[]", "{\"a\":1}", "[\"a\",null]", "[1,2]", "[{}]", "[null]", "{\"$id\":\"1\",\"a\":1}", "{\"a\":/*c*/1}", "[1/*c*/]",
            "\"42\"", "\"4001.0\"", "\"true\"", "\"READ\"", "\"delivered\"", "\"celebration\"", "\"iMessage\"",
            "\"2024-05-14T18:03:11.512Z\"", "\"2024-05-14T18:03:11Z\"", "\"2024-05-14T18:03:11\"", "\"2024-05-14T18:03:11.123+02:00\"",
            "\"2024-05-14T18:03:11.1234567-05:30\"", "\"2024-05-14T18:03:11.123456789Z\"", "\"2024-05-14 18:03:11\"", "\"2024-05-14\"",
            "\"2024-05-14T18:03\"", "\"2024-5-14T18:03:11Z\"", "\"2024-05-14T18:03:11.Z\"", "\"2024-05-14T24:00:00Z\"", "\"2024-02-30T18:03:11Z\"",
            "\"2024-05-14T18:03:11+14:00\"", "\"2024-05-14T18:03:11+1400\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59.9999999Z\"",
            "\"2024-05-14T24:00:00Z\"", "\"2024-05-14T23:59:60Z\"", "\"2024-05-14T18:03:11+00:60\"", "\"2024-05-14T18:03:11+14:01\"",
            "\"2024-05-14T18:03:11+14:00\"", "\"2024-05-14T18:03:11-14:00\"", "\"2024-05-14T18:03:11+15:00\"", "\"2024-05-14T18:03:11.12345678Z\"",
            "\"2024-05-14T18:03:11,5Z\"", "\"2024-05-14T18:03:11.5z\"", "\"2024-05-14t18:03:11Z\"", "\"2024-05-14T18:03:11.5 Z\"", "\"2024-05-14T18:03:11.5-00:00\"",
            "\"2024-05-14T18:03:11.5+0000\"", "\"2024-05-14T18:03:11.5+00\"", "\"2000-02-29T00:00:00Z\"", "\"1900-02-29T00:00:00Z\"", "\"0001-01-01T00:00:00+01:00\"",
            "\"9999-12-31T23:59:59-01:00\"", "\"2024-05-14T18:03:11\\u002E5Z\"", "\"\\u0032024-05-14T18:03:11Z\"", "\"2024-05-14T18:03:11Z \"",
            "\"/Date(1715709791000)/\"", "\"/Date(1715709791000+0200)/\"", "\"Tue, 14 May 2024 18:03:11 GMT\"", "\"May 14, 2024\"",
        };

        private static readonly string[] Names =
        {
            "account_email", "accountEmail", "ACCOUNT_EMAIL", "AccountEmail", "content", "Content", "date_created", "date_sent", "date_updated",
            "DATE_UPDATED", "error_code", "error_message", "from_number", "is_outbound", "media_url", "message_handle", "Message_Handle",
            "number", "send_style", "status", "STATUS", "to_number", "participants", "service", "message_type", "opted_out", "was_downgraded",
            "plan", "group_id", "error_detail", "error_reason", "sendblue_number", "group_display_name", "AdditionalProperties",
            "additionalProperties", "unknown_field", "$id", "data", "pagination", "hasMore", "limit", "offset", "total", "message", "error",
        };

        /// <summary>
        /// Between the bodies of one case (ASCII's record separator): a body may span lines, as the
        /// realistic payloads below do, and is then still one body.
        /// </summary>
        private const string Separator = "\u001E";

        public static IEnumerable<TestCaseData> Bodies()
        {
            // Every name with every value, alone and between known fields.
            foreach (var name in Names)
            {
                var bodies = Values.SelectMany(value => new[]
                {
                    $"{{\"{name}\":{value}}}",
                    $"{{\"message_handle\":\"h-1\",\"{name}\":{value},\"status\":\"SENT\"}}",
                });
                yield return new TestCaseData(string.Join(Separator, bodies)).SetArgDisplayNames("every value of " + name);
            }

            foreach (var body in new[]
            {
                Payloads.MessageResponse,
                Payloads.Message("h-1"),
                Payloads.Retrieve("h-1"),
                Payloads.Page(0, 2, 100, true, "h-1", "h-2"),
                Payloads.Page(0, 2, 2, null, "h-1", "h-2"),
                "{}", "[]", "null", "\"x\"", "1", "", " ", "{", "{\"a\":", "{\"status\":\"OK\"", "{} {}", "{}/*c*/", "/*c*/{}",
                "{/*c*/\"status\":\"SENT\"}", "{\"status\"/*c*/:\"SENT\"}", "{\"status\":/*c*/\"SENT\"}", "{\"status\":\"SENT\"/*c*/}",
                "{\"$id\":\"1\",\"status\":\"SENT\"}", "{\"$ref\":\"1\"}", "{\"$type\":\"x\",\"status\":\"SENT\"}", "{\"$values\":[]}",
                "{\"status\":\"SENT\",\"$id\":\"1\"}",
                "{\"status\":\"SENT\",\"status\":\"\"}", "{\"status\":\"\",\"status\":\"SENT\"}", "{\"status\":\"SENT\",\"status\":null}",
                "{\"accountEmail\":\"a\",\"account_email\":\"b\"}", "{\"account_email\":\"b\",\"accountEmail\":\"a\"}",
                "{\"account_email\":null,\"accountEmail\":\"a\"}", "{\"accountEmail\":null}", "{\"ACCOUNTEMAIL\":\"x\"}",
                "{\"participants\":[\"a\"],\"participants\":[\"b\"]}", "{\"participants\":[\"a\"],\"participants\":null}",
                "{\"data\":[{\"message_handle\":\"a\"}],\"data\":[{\"message_handle\":\"b\"}]}",
                "{\"pagination\":{\"total\":1},\"pagination\":{\"limit\":2}}", "{\"pagination\":{\"total\":1},\"pagination\":null}",
                "{\"data\":{\"message_handle\":\"a\"},\"data\":{\"status\":\"SENT\"}}",
                "{\"data\":[null,{\"status\":\"\"},{\"$id\":\"x\"}]}", "{\"data\":[1]}", "{\"data\":[[]]}", "{\"data\":[/*c*/{}]}",
                "{\"data\":{\"participants\":[\"a\",/*c*/\"b\"]}}", "{\"data\":{\"participants\":[\"a\",[\"b\"]]}}",
                "{\"x\":{\"a\":1,\"a\":2}}", "{\"x\":{\"$ref\":\"1\"}}", "{\"x\":{\"a\":{\"$id\":\"1\"}}}", "{\"x\":[{\"a\":1,\"a\":2}]}",
                "{\"x\":new Date(1715709791000)}", "{\"x\":undefined}", "{\"status\":undefined}", "{\"content\":undefined}",
                "\uFEFF{\"status\":\"SENT\"}", "{\"status\":\"SENT\"}\t", "  {\"status\" : \"SENT\" }  ",
                "{\"content\":\"\\u2014 \\ud83d\\ude00 \\\" \\\\ \\/\"}", "{\"error_code\":4001.0}", "{\"error_code\":1e2}",
                "{\"is_outbound\":1}", "{\"is_outbound\":\"TRUE\"}", "{\"status\":1.50}", "{\"status\":12345678901234567890}",
            })
            {
                yield return Case(body);
            }

            static TestCaseData Case(string body)
            {
                var shown = body.ReplaceLineEndings(" ");
                return new TestCaseData(body).SetArgDisplayNames(shown.Length > 60 ? shown.Substring(0, 60) + "..." : shown);
            }
        }

        [TestCaseSource(nameof(Bodies))]
        public void TheGeneratedReader_GivesWhatTheSerializerGives(string bodies)
        {
            foreach (var body in bodies.Split(Separator))
            {
                CheckEverywhere(body);
            }
        }

        /// <summary>
        /// SendblueWebhook.Parse reads with the generated MessageContent converter: whatever it
        /// accepts is what that converter reads, and whatever it refuses is a SendblueException.
        /// </summary>
        [TestCaseSource(nameof(Bodies))]
        public void WebhookParse_ReadsWhatTheGeneratedReaderReads_OrRefusesWithASendblueException(string bodies)
        {
            var each = bodies.Split(Separator);
            var parsedBodies = 0;
            foreach (var body in each)
            {
                MessageContent parsed;
                try
                {
                    parsed = SendblueWebhook.Parse(body);
                }
                catch (SendblueException)
                {
                    continue;
                }

                parsedBodies++;
                var (read, error) = Generated(typeof(MessageContent), body.TrimStart('\uFEFF'));
                Assert.That(error, Is.Null, "Parse accepted what the reader refuses: " + body);
                Assert.That(Difference(read, parsed, nameof(MessageContent)), Is.Null, "the webhook read from " + body);
            }

            // Each case of many bodies has messages among them ({"message_handle":"h-1",...,"status":"SENT"}):
            // a Parse that refused everything would otherwise compare nothing and pass.
            if (each.Length > 1)
            {
                Assert.That(parsedBodies, Is.GreaterThan(0), "Parse read none of the bodies");
            }
        }

        /// <summary>The bodies Sendblue really posts (a send's answer, a message) are read, never refused, and read as the generated reader reads them.</summary>
        [Test]
        public void WebhookParse_ReadsTheMessagesTheApiSends()
        {
            foreach (var body in new[] { Payloads.MessageResponse, Payloads.Message("h-1") })
            {
                var parsed = SendblueWebhook.Parse(body);

                var (read, error) = Generated(typeof(MessageContent), body);
                Assert.That(error, Is.Null, body);
                Assert.That(Difference(read, parsed, nameof(MessageContent)), Is.Null, "the webhook read from " + body);
                Assert.That(parsed.MessageHandle, Is.Not.Null.And.Not.Empty, body);
            }
        }

        /// <summary>Every model writes what the serializer would write for it: only what is set, unknown fields after.</summary>
        [TestCaseSource(nameof(Bodies))]
        public void TheGeneratedWriter_WritesWhatTheSerializerWrites(string bodies)
        {
            foreach (var body in bodies.Split(Separator))
            {
                foreach (var type in ModelTypes)
                {
                    var (model, error) = Generated(type, body);
                    if (error != null || model is null)
                    {
                        continue;
                    }

                    Assert.That(SendblueJson.Write(model), Is.EqualTo(JsonConvert.SerializeObject(model, ReferenceSettings)), $"{type.Name} written back from {body}");
                }
            }
        }

        [Test]
        public void EveryModelOfTheSpec_HasAGeneratedConverter()
        {
            Assert.That(ModelTypes.Select(t => t.Name), Is.SupersetOf(new[] { "MessageResponse", "MessageRetrieveResponse", "MessageListResponse", "MessageContent", "Message", "Pagination", "SendMessageRequest", "ErrorResponse" }));
            foreach (var type in ModelTypes)
            {
                Assert.That(type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType.Name, Is.EqualTo(type.Name + "JsonConverter"), type.Name);
            }
        }

        /// <summary>Every class of the SDK that has a generated converter.</summary>
        internal static readonly Type[] ModelTypes = typeof(SendblueClient).Assembly.GetTypes()
            .Where(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ModelJsonConverter<>))
            .Select(t => t.BaseType!.GetGenericArguments()[0])
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

        private static void CheckEverywhere(string body)
        {
            foreach (var type in ModelTypes)
            {
                Check(type, body);
            }

            // The same field inside a list item, a retrieved message and the pagination.
            if (body.TrimStart().StartsWith("{", StringComparison.Ordinal) && body.TrimEnd().EndsWith("}", StringComparison.Ordinal))
            {
                Check(typeof(MessageListResponse), $"{{\"status\":\"OK\",\"data\":[{body},{body}],\"pagination\":{body}}}");
                Check(typeof(MessageRetrieveResponse), $"{{\"status\":\"OK\",\"data\":{body}}}");
            }
        }

        private static void Check(Type type, string body)
        {
            var (actual, actualError) = Generated(type, body);
            var (expected, expectedError) = Reference(type, body);
            if (expectedError != null || actualError != null)
            {
                Assert.That(actualError is null, Is.EqualTo(expectedError is null),
                    $"{type.Name} from {body}: the serializer {(expectedError is null ? "reads it" : "refuses it (" + expectedError + ")")}, the generated reader {(actualError is null ? "reads it" : "refuses it (" + actualError + ")")}");
                return;
            }

            Assert.That(Difference(expected, actual, type.Name), Is.Null, $"{type.Name} from {body}");
        }

        private static (object? Model, string? Error) Generated(Type type, string body)
        {
            var converter = (JsonConverter)type.Assembly.GetType(type.FullName + "JsonConverter")!.GetField("Instance")!.GetValue(null)!;
            var read = converter.GetType().GetMethod("ReadBody")!;
            try
            {
                using var reader = SendblueJson.CreateReader(new StringReader(body));
                return (read.Invoke(converter, new object[] { reader, SendblueJson.Serializer }), null);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is JsonException)
            {
                return (null, ex.InnerException.Message);
            }
        }

        private static (object? Model, string? Error) Reference(Type type, string body)
        {
            try
            {
                using var reader = new JsonTextReader(new StringReader(body));
                var model = ReferenceSerializer.Deserialize(reader, type);
                return model is null ? (null, "null where an object belongs") : (model, null);
            }
            catch (JsonException ex)
            {
                return (null, ex.Message);
            }
        }

        /// <summary>The SDK's settings, read by contract (the models' own converters switched off).</summary>
        private static readonly JsonSerializerSettings ReferenceSettings = ReferenceSettingsCreate();

        private static readonly JsonSerializer ReferenceSerializer = ReferenceSerializerCreate();

        private static JsonSerializerSettings ReferenceSettingsCreate()
        {
            var settings = SendblueJson.Configure(new JsonSerializerSettings());
            settings.ContractResolver = new ContractOnlyResolver();
            // A name like "$id" is data to an API client, not a reference.
            settings.MetadataPropertyHandling = MetadataPropertyHandling.Ignore;
            settings.Converters.Add(new WholeNumberConverter());
            return settings;
        }

        private static JsonSerializer ReferenceSerializerCreate()
        {
            var serializer = JsonSerializer.Create(ReferenceSettings);
            serializer.CheckAdditionalContent = true;
            return serializer;
        }

        private sealed class ContractOnlyResolver : DefaultContractResolver
        {
            protected override JsonContract CreateContract(Type objectType)
            {
                var contract = base.CreateContract(objectType);
                if (contract is JsonObjectContract && contract.Converter?.GetType().BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ModelJsonConverter<>))
                {
                    contract.Converter = null;
                }

                return contract;
            }
        }

        /// <summary>The SDK's rule for whole numbers, for the reference: JsonRead's own reads.</summary>
        private sealed class WholeNumberConverter : JsonConverter
        {
            public override bool CanConvert(Type objectType) => objectType == typeof(int?) || objectType == typeof(long?) || objectType == typeof(int) || objectType == typeof(long);

            public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
            {
                // The reader is on the value; JsonRead moves to it, so start from a copy of the token.
                var token = JToken.ReadFrom(reader);
                using var single = new JsonTextReader(new StringReader("[" + token.ToString(Formatting.None) + "]"));
                single.Read();
                var value = JsonRead.Int64(single);
                if (value is null)
                {
                    return null;
                }

                if (objectType == typeof(int?) || objectType == typeof(int))
                {
                    return value < int.MinValue || value > int.MaxValue ? throw new JsonSerializationException("out of range") : (object)(int)value.Value;
                }

                return value.Value;
            }

            public override bool CanWrite => false;

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
        }

        /// <summary>Null when equal; otherwise where they differ.</summary>
        private static string? Difference(object? expected, object? actual, string path)
        {
            if (expected is null || actual is null)
            {
                return expected is null && actual is null ? null : $"{path}: {Show(expected)} vs {Show(actual)}";
            }

            if (expected.GetType() != actual.GetType())
            {
                return $"{path}: {expected.GetType().Name} vs {actual.GetType().Name}";
            }

            if (expected is JToken token)
            {
                // Comments (not JSON) are dropped from unknown values; the serializer keeps some of them.
                token = WithoutComments(token);
                return JToken.DeepEquals(token, (JToken)actual) && token.ToString() == actual.ToString() ? null : $"{path}: {token} vs {actual}";
            }

            if (expected is string || expected.GetType().IsValueType)
            {
                return Equals(expected, actual) && Equals(expected.ToString(), actual.ToString()) ? null : $"{path}: {Show(expected)} vs {Show(actual)}";
            }

            if (expected is IDictionary<string, object?> dictionary)
            {
                var other = (IDictionary<string, object?>)actual;
                if (!dictionary.Keys.SequenceEqual(other.Keys))
                {
                    return $"{path}: keys [{string.Join(",", dictionary.Keys)}] vs [{string.Join(",", other.Keys)}]";
                }

                return dictionary.Keys.Select(k => Difference(dictionary[k], other[k], $"{path}[{k}]")).FirstOrDefault(d => d != null);
            }

            if (expected is IList list)
            {
                var other = (IList)actual;
                if (list.Count != other.Count)
                {
                    return $"{path}: {list.Count} items vs {other.Count}";
                }

                return Enumerable.Range(0, list.Count).Select(i => Difference(list[i], other[i], $"{path}[{i}]")).FirstOrDefault(d => d != null);
            }

            foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                var d = Difference(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
                if (d != null)
                {
                    return d;
                }
            }

            return null;
        }

        private static JToken WithoutComments(JToken token)
        {
            var copy = token.DeepClone();
            foreach (var comment in (copy is JContainer container ? container.DescendantsAndSelf() : new[] { copy }).Where(t => t.Type == JTokenType.Comment).ToList())
            {
                comment.Remove();
            }

            return copy;
        }

        private static string Show(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";
    }
}
