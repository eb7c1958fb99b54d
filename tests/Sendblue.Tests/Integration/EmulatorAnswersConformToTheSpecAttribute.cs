using System;
using System.Linq;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using Sendblue.ContractTests.Emulator;
using Sendblue.ContractTests.Validation;
using Sendblue.Testing;

[assembly: Sendblue.Tests.Integration.EmulatorAnswersConformToTheSpec]

namespace Sendblue.Tests.Integration
{
    /// <summary>
    /// After each test, every response the emulators it started sent (error responses included;
    /// dropped connections and paths outside the API left out) is validated against the spec for
    /// its operation and status, and every webhook body against MessageContent, with the contract
    /// tests' validation core (linked from tests/Sendblue.ContractTests/Validation).
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class EmulatorAnswersConformToTheSpecAttribute : Attribute, ITestAction
    {
        public ActionTargets Targets => ActionTargets.Test;

        public void BeforeTest(ITest test)
        {
        }

        public void AfterTest(ITest test)
        {
            var emulators = EmulatorFixture.TakeStarted(test.Id);
            if (emulators.Count == 0)
            {
                return;
            }

            var spec = SpecContract.Shared;
            var responses = emulators
                .SelectMany(e => e.Requests)
                .Where(r => r.StatusCode != 0 && r.Operation is not null)
                .Select(r => spec.CheckResponse(EmulatorOperationIds.Of(r.Operation!.Value), r.StatusCode, r.ResponseBody, r.ResponseHeaders));
            var webhooks = emulators
                .SelectMany(e => e.WebhookDeliveries)
                .Select(w => spec.CheckSchema("MessageContent", w.Body, $"webhook to {w.Url}"));
            var errors = ContractCheck.Describe(responses.Concat(webhooks).ToList());
            if (errors.Length > 0)
            {
                Assert.Fail($"The emulator answered outside spec/openapi.yaml:\n{errors}");
            }
        }
    }
}
