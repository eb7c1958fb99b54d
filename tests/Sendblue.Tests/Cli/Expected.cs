using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Cli
{
    /// <summary>What a command should print and send, said once for the command line's tests.</summary>
    internal static class Expected
    {
        /// <summary>The text of whole lines, as a writer prints them.</summary>
        public static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + Environment.NewLine));

        /// <summary>JSON with dates read as instants, so <c>...Z</c> and <c>...+00:00</c> are the same value.</summary>
        public static JToken Json(string text)
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.DateTimeOffset };
            return JToken.ReadFrom(reader);
        }

        /// <summary>The JSON body of a recorded request.</summary>
        public static JToken Body(RecordedRequest request) => Json(request.Body);

        /// <summary>
        /// <c>--json</c> printed the API's answer: the same fields with the same values. The fields the
        /// API sent as <c>null</c> are left out, as the command line prints the model without nulls.
        /// </summary>
        public static void SameJson(string printed, string answer)
        {
            var expected = WithoutNulls(Json(answer));
            var actual = Json(printed);
            Assert.That(JToken.DeepEquals(actual, expected), Is.True, $"printed:{Environment.NewLine}{actual}{Environment.NewLine}expected:{Environment.NewLine}{expected}");
        }

        /// <summary>The request body is exactly <paramref name="expected"/>: these fields, no others.</summary>
        public static void SameBody(RecordedRequest request, JToken expected)
        {
            var actual = Body(request);
            Assert.That(JToken.DeepEquals(actual, expected), Is.True, $"sent:{Environment.NewLine}{actual}{Environment.NewLine}expected:{Environment.NewLine}{expected}");
        }

        private static JToken WithoutNulls(JToken token)
        {
            var copy = token.DeepClone();
            foreach (var property in ((copy as JContainer)?.Descendants() ?? Enumerable.Empty<JToken>()).OfType<JProperty>().Where(p => p.Value.Type == JTokenType.Null).ToList())
            {
                property.Remove();
            }

            return copy;
        }
    }
}
