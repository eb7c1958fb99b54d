using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;

namespace Sendblue.ContractTests.Live
{
    /// <summary>
    /// The live API against the spec. Runs only with credentials (otherwise every test is ignored,
    /// saying how to run them); read-only unless both send variables are set. Every response is
    /// validated, and the drift report goes to TestResults/contract-drift.md at the repository root.
    /// </summary>
    [TestFixture]
    [Category("Live")]
    [NonParallelizable]
    public class LiveContractTests
    {
        public const string HowToRun =
            "Live contract tests need Sendblue credentials: set SENDBLUE_API_API_KEY and SENDBLUE_API_API_SECRET "
            + "(optionally SENDBLUE_API_BASE_URL), then run `dotnet test tests/Sendblue.ContractTests --filter TestCategory=Live`. "
            + "They only read (list, get one, its status) unless SENDBLUE_CONTRACT_SEND_TO and SENDBLUE_CONTRACT_FROM are set too, "
            + "in which case one message is sent. Without credentials nothing is sent or checked, and no drift report is written.";

        private LiveContractRun? _run;
        private Message? _first;

        /// <summary>Where the drift report goes.</summary>
        public static string ReportPath => Path.Combine(RepoPaths.TestResults, "contract-drift.md");

        private LiveContractRun Run => _run ?? throw new InvalidOperationException("The live run did not start.");

        [OneTimeSetUp]
        public void RequireCredentials()
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SENDBLUE_API_API_KEY"))
                || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SENDBLUE_API_API_SECRET")))
            {
                Assert.Ignore(HowToRun);
            }

            // Options read the key, secret and base URL from the environment; one attempt per call,
            // so that what is checked is exactly what the API answered.
            _run = new LiveContractRun(new SendblueClientOptions { MaxRetries = 0 });
            _run.Report.Note(SendsAllowed(out _, out _)
                ? "Sends were allowed (SENDBLUE_CONTRACT_SEND_TO and SENDBLUE_CONTRACT_FROM set): one message was sent."
                : "Read-only run: list, get one listed message, read its status.");
        }

        [OneTimeTearDown]
        public void WriteTheDriftReport()
        {
            if (_run is null)
            {
                return;
            }

            _run.CheckNewExchanges();
            _run.Report.WriteTo(ReportPath);
            TestContext.Out.WriteLine($"Drift report: {ReportPath}");
            _run.Dispose();
        }

        private static bool SendsAllowed(out string to, out string from)
        {
            to = Environment.GetEnvironmentVariable("SENDBLUE_CONTRACT_SEND_TO") ?? string.Empty;
            from = Environment.GetEnvironmentVariable("SENDBLUE_CONTRACT_FROM") ?? string.Empty;
            return to.Length > 0 && from.Length > 0;
        }

        [Test]
        [Order(1)]
        public async Task List_ConformsToTheSpec()
        {
            var (page, checks) = await Run.ListAsync();
            _first = page.Data?.FirstOrDefault(m => !string.IsNullOrEmpty(m.MessageHandle));

            Assert.That(ContractCheck.Describe(checks), Is.Empty);
        }

        [Test]
        [Order(2)]
        public async Task Get_OfAListedMessage_ConformsToTheSpec()
        {
            var handle = FirstHandle();

            var (message, checks) = await Run.GetAsync(handle);

            Assert.Multiple(() =>
            {
                Assert.That(ContractCheck.Describe(checks), Is.Empty);
                Assert.That(message.Data?.MessageHandle, Is.EqualTo(handle));
            });
        }

        [Test]
        [Order(3)]
        public async Task Status_OfAListedMessage_ConformsToTheSpec()
        {
            var handle = FirstHandle();

            var (status, checks) = await Run.GetStatusAsync(handle);

            Assert.Multiple(() =>
            {
                Assert.That(ContractCheck.Describe(checks), Is.Empty);
                Assert.That(status.MessageHandle, Is.EqualTo(handle));
            });
        }

        [Test]
        [Order(4)]
        public async Task Send_AndItsStatus_ConformToTheSpec_WhenSendingIsAllowed()
        {
            if (!SendsAllowed(out var to, out var from))
            {
                Assert.Ignore("Read-only run: set SENDBLUE_CONTRACT_SEND_TO and SENDBLUE_CONTRACT_FROM (one of your Sendblue numbers) to also send one message.");
            }

            var (sent, checks) = await Run.SendAsync(to, from);
            var (status, statusChecks) = await Run.GetStatusAsync(sent.MessageHandle!);

            Assert.Multiple(() =>
            {
                Assert.That(ContractCheck.Describe(checks.Concat(statusChecks)), Is.Empty);
                Assert.That(sent.MessageHandle, Is.Not.Null.And.Not.Empty);
                Assert.That(status.MessageHandle, Is.EqualTo(sent.MessageHandle));
            });
        }

        private string FirstHandle()
        {
            if (_first is null)
            {
                Assert.Ignore("The account listed no message to read: send one (or set the send variables) and run again.");
            }

            return _first!.MessageHandle!;
        }
    }
}
