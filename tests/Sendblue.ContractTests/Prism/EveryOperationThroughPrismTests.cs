using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Sendblue.ContractTests.Support;
using Sendblue.ContractTests.Validation;

namespace Sendblue.ContractTests.Prism
{
    /// <summary>
    /// Every operation of the spec, found by the naming rule and called with the spec's own request
    /// example, through Prism: Prism judges the request (method, path, parameters, body) against the
    /// spec and answers with the spec's example, which the SDK must read. An operation added to the
    /// spec is covered here with no edit.
    /// </summary>
    public class EveryOperationThroughPrismTests
    {
        public static IEnumerable<TestCaseData> Operations() =>
            SpecContract.Shared.Operations.Select(o => new TestCaseData(o.QualifiedId).SetArgDisplayNames(o.QualifiedId));

        [TestCaseSource(nameof(Operations))]
        public async Task TheOperation_WithTheSpecsExample_IsAcceptedByPrism_AndItsAnswerIsRead(string operationId)
        {
            var operation = SpecContract.Shared.Operation(operationId);
            using var wire = new RecordingHandler();
            using var client = new SendblueClient(
                new SendblueClientOptions { ApiKey = "prism-key-id", ApiSecret = "prism-secret-key", BaseUrl = PrismFixture.Server.BaseUrl, MaxRetries = 0 },
                new HttpClient(wire));

            var result = await SdkInvoker.InvokeAsync(client, operation);

            var exchange = wire.Exchanges.Single();
            Assert.Multiple(() =>
            {
                Assert.That(exchange.StatusCode, Is.InRange(200, 299), $"{exchange.Method} {exchange.Uri}: Prism answered {exchange.StatusCode} {exchange.ResponseHeader("sl-violations")}");
                Assert.That(exchange.ResponseHeader("sl-violations"), Is.Null, "Prism found the request breaks the spec");
                Assert.That(SpecContract.Shared.Find(exchange.Method.Method, exchange.Uri.AbsolutePath)?.QualifiedId, Is.EqualTo(operation.QualifiedId), "the request went to the operation's own path and method");
                Assert.That(result, Is.Not.Null, "the answer was read");
                if (exchange.RequestBody is { Length: > 0 } body)
                {
                    var example = SdkInvoker.RequestExample(operation);
                    Assert.That(Same(JToken.Parse(body), example), Is.True, $"the body on the wire is the spec's example:\n{body}\nvs\n{example}");
                }
            });
        }

        /// <summary>
        /// Equal JSON, names in any order; scalars by their text, since the YAML loader reads an
        /// example's <c>true</c> or <c>120000</c> as text.
        /// </summary>
        private static bool Same(JToken wire, JToken example) => (wire, example) switch
        {
            (JObject a, JObject b) => a.Count == b.Count && a.Properties().All(p => b[p.Name] is JToken other && Same(p.Value, other)),
            (JArray a, JArray b) => a.Count == b.Count && a.Zip(b, Same).All(x => x),
            (JValue a, JValue b) => Text(a) == Text(b),
            _ => false,
        };

        private static string? Text(JValue value) => value.Type == JTokenType.Boolean
            ? ((bool)value ? "true" : "false")
            : System.Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
