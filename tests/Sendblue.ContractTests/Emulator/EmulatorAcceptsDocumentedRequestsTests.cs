using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.ContractTests.Recorded;
using Sendblue.ContractTests.Validation;
using Sendblue.Testing;

namespace Sendblue.ContractTests.Emulator
{
    /// <summary>
    /// The emulator takes every request body in the shapes Sendblue documents (Recorded/request.*.json,
    /// older spellings included) as the API does: a 200 that conforms to the spec. Each body goes to a
    /// fresh emulator that knows the group and the contact the documentation's examples name.
    /// </summary>
    public class EmulatorAcceptsDocumentedRequestsTests
    {
        private const string DocumentedGroup = "4a7c2e91-0d3b-4f68-9b15-e2c8a6d04f37";

        private static IEnumerable<TestCaseData> Bodies() =>
            RecordedPayloads.Requests.Select(r => new TestCaseData(r.File, r.OperationId).SetArgDisplayNames(r.File));

        [TestCaseSource(nameof(Bodies))]
        public async Task ADocumentedRequestBody_IsAccepted(string file, string operationId)
        {
            var operation = SpecContract.Shared.Operation(operationId);
            await using var emulator = await SendblueEmulator.StartAsync();
            emulator.AddMessage(new EmulatedMessage
            {
                FromNumber = "+16292925296",
                MessageType = MessageType.Group,
                GroupId = DocumentedGroup,
                Participants = new[] { "+18887776666", "+15550001111", "+15550002222" },
                Content = "the group the examples name",
            });
            if (operation.QualifiedId == "Contacts.Verify")
            {
                emulator.AddContact(new EmulatedContact { Phone = "+19998887777" });
            }

            using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.PathTemplate.TrimStart('/'))
            {
                Content = new StringContent(RecordedPayloads.Read(file), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("sb-api-key-id", emulator.ApiKey);
            request.Headers.Add("sb-api-secret-key", emulator.ApiSecret);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var check = SpecContract.Shared.CheckResponse(operation, (int)response.StatusCode, body);

            Assert.Multiple(() =>
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
                Assert.That(check.Errors, Is.Empty, check.ToString());
                Assert.That(emulator.Requests.Single().Operation is EmulatorOperation served ? EmulatorOperationIds.Of(served) : null, Is.EqualTo(operation.QualifiedId));
            });
        }
    }
}
