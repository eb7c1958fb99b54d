using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Serialization;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Models
{
    /// <summary>
    /// The SDK reads responses through a fast path (ModelReader) that must give exactly what
    /// Newtonsoft's serializer gives with the SDK's settings, or step aside so the serializer reads:
    /// for every body below, either the fast path declines, or it succeeds and the serializer
    /// succeeds with an equal model (every property, the extension data with the same keys in the
    /// same order, values of the same CLR type). Dates, enum-likes, nulls, <c>""</c>, wrong types,
    /// case-insensitive names, both account spellings, duplicates, unknown objects and arrays,
    /// comments, metadata properties and top-level non-objects are all varied.
    /// </summary>
    public class FastReadingTests
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
                yield return new TestCaseData(string.Join("\n", bodies)).SetArgDisplayNames("every value of " + name);
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

            static TestCaseData Case(string body) => new TestCaseData(body).SetArgDisplayNames(body.Length > 60 ? body.Substring(0, 60) + "..." : body);
        }

        [TestCaseSource(nameof(Bodies))]
        public void TheFastPath_GivesWhatTheSerializerGives_OrStepsAside(string bodies)
        {
            foreach (var body in bodies.Split('\n'))
            {
                CheckEverywhere(body);
            }
        }

        /// <summary>
        /// SendblueWebhook.Parse reads a plain message straight from the text and leaves everything
        /// else to the checked way (a JSON tree, its shape, then the model): both give the same model,
        /// or the same error.
        /// </summary>
        [TestCaseSource(nameof(Bodies))]
        public void WebhookParse_GivesWhatTheCheckedWayGives(string bodies)
        {
            foreach (var body in bodies.Split('\n'))
            {
                var text = body.Length > 0 && body[0] == '\uFEFF' ? body.Substring(1) : body;
                var (expected, expectedError) = Outcome(() => SendblueWebhook.ParseChecked(text));
                var (actual, actualError) = Outcome(() => SendblueWebhook.Parse(body));

                Assert.That(actualError, Is.EqualTo(expectedError), "the error of " + body);
                if (expected is not null)
                {
                    Assert.That(Difference(expected, actual, nameof(MessageContent)), Is.Null, "the webhook read from " + body);
                }
            }
        }

        private static (MessageContent? Model, string? Error) Outcome(Func<MessageContent> parse)
        {
            try
            {
                return (parse(), null);
            }
            catch (SendblueException ex)
            {
                return (null, ex.Message);
            }
        }

        private static void CheckEverywhere(string body)
        {
            foreach (var type in new[] { typeof(MessageResponse), typeof(MessageRetrieveResponse), typeof(MessageListResponse), typeof(MessageContent), typeof(ErrorResponse) })
            {
                Check(type, body);
            }

            // The same field inside a list item and a retrieved message.
            if (body.TrimStart().StartsWith("{", StringComparison.Ordinal) && body.TrimEnd().EndsWith("}", StringComparison.Ordinal))
            {
                Check(typeof(MessageListResponse), $"{{\"status\":\"OK\",\"data\":[{body},{body}],\"pagination\":{body}}}");
                Check(typeof(MessageRetrieveResponse), $"{{\"status\":\"OK\",\"data\":{body}}}");
            }
        }

        [Test]
        public void TheModelsOfTheSdk_TakeTheFastPath()
        {
            foreach (var type in new[] { typeof(MessageResponse), typeof(MessageRetrieveResponse), typeof(MessageListResponse), typeof(MessageContent), typeof(ErrorResponse) })
            {
                using var reader = SendblueJson.CreateReader(new StringReader("{\"status\":\"OK\"}"));
                Assert.That(ModelReader.TryRead(reader, SendblueJson.Serializer, out _, type), Is.True, type.Name);
            }

            using var page = SendblueJson.CreateReader(new StringReader(Payloads.Page(0, 2, 100, true, "h-1", "h-2")));
            Assert.That(ModelReader.TryRead(page, SendblueJson.Serializer, out _, typeof(MessageListResponse)), Is.True, "a realistic page");
        }

        private static void Check(Type type, string body)
        {
            object? fast;
            bool took;
            using (var reader = SendblueJson.CreateReader(new StringReader(body)))
            {
                took = ModelReader.TryRead(reader, SendblueJson.Serializer, out fast, type);
            }

            if (!took)
            {
                return;
            }

            object? expected;
            try
            {
                using var reader = SendblueJson.CreateReader(new StringReader(body));
                expected = SendblueJson.Serializer.Deserialize(reader, type);
            }
            catch (Exception ex)
            {
                Assert.Fail($"{type.Name}: the fast path read a body the serializer refuses ({ex.GetType().Name}: {ex.Message}): {body}");
                return;
            }

            var difference = Difference(expected, fast, type.Name);
            Assert.That(difference, Is.Null, $"{type.Name} from {body}");
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

        private static string Show(object? value) => value is null ? "null" : $"{value} ({value.GetType().Name})";
    }
}
