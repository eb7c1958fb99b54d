using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Moq;
using Moq.Protected;
using NUnit.Framework;
using Sendblue.ContractTests.Validation;
using Sendblue.Testing;

namespace Sendblue.ContractTests.Live
{
    /// <summary>The live suite's machinery, run in CI without credentials: against the emulator, and against a scripted server that drifts.</summary>
    public class LiveMachineryTests
    {
        [Test]
        public void WithoutCredentials_TheLiveSuiteSaysHowToRunIt()
        {
            // The live suite's one-time set-up, on a machine without credentials: it ignores the suite
            // (skipped, not passed) with how to run it, before anything is sent.
            var names = new[] { "SENDBLUE_API_API_KEY", "SENDBLUE_API_API_SECRET" };
            var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
            var live = new LiveContractTests();
            DateTime? ReportWritten() => File.Exists(LiveContractTests.ReportPath) ? File.GetLastWriteTimeUtc(LiveContractTests.ReportPath) : null;
            var reportBefore = ReportWritten();
            IgnoreException? ignored;
            try
            {
                foreach (var name in names)
                {
                    Environment.SetEnvironmentVariable(name, null);
                }

                ignored = Assert.Throws<IgnoreException>(live.RequireCredentials);
                live.WriteTheDriftReport();
            }
            finally
            {
                foreach (var pair in saved)
                {
                    Environment.SetEnvironmentVariable(pair.Key, pair.Value);
                }
            }

            Assert.Multiple(() =>
            {
                Assert.That(ignored?.Message, Is.EqualTo(LiveContractTests.HowToRun));
                Assert.That(ReportWritten(), Is.EqualTo(reportBefore), "the tear-down of an ignored run writes no drift report");
                Assert.That(LiveContractTests.HowToRun, Does.Contain("SENDBLUE_API_API_KEY").And.Contain("SENDBLUE_API_API_SECRET"));
                Assert.That(LiveContractTests.HowToRun, Does.Contain("dotnet test tests/Sendblue.ContractTests --filter TestCategory=Live"));
                Assert.That(LiveContractTests.HowToRun, Does.Contain("SENDBLUE_CONTRACT_SEND_TO").And.Contain("SENDBLUE_CONTRACT_FROM"));
                Assert.That(LiveContractTests.ReportPath, Is.EqualTo(Path.Combine(RepoPaths.Root, "TestResults", "contract-drift.md")));
            });
        }

        [Test]
        public async Task AgainstTheEmulator_EveryStepConforms_AndTheReportSaysSo()
        {
            await using var emulator = await SendblueEmulator.StartAsync();
            var options = emulator.CreateClientOptions();
            options.MaxRetries = 0;
            using var run = new LiveContractRun(options);

            var (sent, sendChecks) = await run.SendAsync("+19998887777", "+16292925296");
            var (page, listChecks) = await run.ListAsync();
            var (_, getChecks) = await run.GetAsync(page.Data!.First().MessageHandle!);
            var (_, statusChecks) = await run.GetStatusAsync(sent.MessageHandle!);
            var path = Path.Combine(Path.GetTempPath(), $"contract-drift-{Guid.NewGuid():N}.md");
            run.Report.WriteTo(path);
            var markdown = await File.ReadAllTextAsync(path);
            File.Delete(path);

            Assert.Multiple(() =>
            {
                Assert.That(sendChecks.Concat(listChecks).Concat(getChecks).Concat(statusChecks).Select(c => c.Subject), Is.EqualTo(new[]
                {
                    "POST /api/send-message 200", "GET /api/v2/messages 200", "GET /api/v2/messages/{message_id} 200", "GET /api/status 200",
                }));
                Assert.That(run.Report.Checks.All(c => c.IsValid), Is.True, ContractCheck.Describe(run.Report.Checks));
                Assert.That(markdown, Does.Contain("4 bodies checked, 0 failed validation."));
                Assert.That(markdown, Does.Contain("## Fields the API sent that the spec lacks\n\nNone."));
            });
        }

        [Test]
        public async Task AgainstADriftingServer_TheReportListsTheNewField_TheNewStatus_AndTheViolation()
        {
            const string page = """
                {"status":"OK","pagination":{"hasMore":false,"limit":5,"offset":0,"total":1},
                 "data":[{"message_handle":"h-1","status":"READ","read_at":"2025-01-01T00:00:00Z","error_code":"E42"}]}
                """;
            var handler = new Mock<HttpMessageHandler>();
            handler.Protected()
                .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
                .ReturnsAsync(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(page, Encoding.UTF8, "application/json") });
            using var run = new LiveContractRun(
                new SendblueClientOptions { ApiKey = "k", ApiSecret = "s", BaseUrl = new Uri("https://api.sendblue.test/"), MaxRetries = 0 },
                handler.Object);

            // The SDK cannot read "E42" as an integer, so the call throws; the raw body is still judged.
            Assert.ThrowsAsync<SendblueException>(() => run.ListAsync());
            run.CheckNewExchanges();
            var markdown = run.Report.ToMarkdown();

            Assert.Multiple(() =>
            {
                Assert.That(run.Report.Checks.Single().Errors, Is.EquivalentTo(new[]
                {
                    "GET /api/v2/messages 200: $.data[0].status: 'READ' is not one of REGISTERED, PENDING, SENT, DELIVERED, RECEIVED, QUEUED, ERROR, DECLINED, ACCEPTED, SUCCESS",
                    "GET /api/v2/messages 200: $.data[0].error_code: 'E42' is not an integer",
                }));
                Assert.That(markdown, Does.Contain("| GET /api/v2/messages 200 | `$.data[*].read_at` | string, such as '2025-01-01T00:00:00Z' | 1 |"));
                Assert.That(markdown, Does.Contain("| GET /api/v2/messages 200 | `$.data[*].status` | 'READ' (the spec lists"));
                Assert.That(markdown, Does.Contain("| GET /api/v2/messages 200 | `$.data[*].error_code` | $.data[0].error_code: 'E42' is not an integer | 1 |"));
            });
        }
    }
}
