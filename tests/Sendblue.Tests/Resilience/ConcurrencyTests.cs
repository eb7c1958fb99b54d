using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using NUnit.Framework;
using Sendblue.Tests.Http;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Resilience
{
    /// <summary>
    /// One client, 64 callers at once, each mixing every operation and both walks: every answer a
    /// caller gets is its own (the server echoes what each request asked for), and the only
    /// exceptions are the ones its own requests asked for.
    /// </summary>
    public class ConcurrencyTests
    {
        private const int Callers = 64;
        private const int PageSize = 3;

        [Test]
        [Category("Soak")]
        public async Task SixtyFourCallers_MixingOperationsAndWalks_EachGetsOnlyItsOwnAnswers()
        {
            var rounds = 5 * Hostile.SoakScale;
            await using var server = new LoopbackServer(Answer);
            using var client = Loopback.Client(server, maxRetries: 0);
            var problems = new ConcurrentQueue<string>();
            var clock = Stopwatch.StartNew();

            await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
            {
                for (var round = 0; round < rounds; round++)
                {
                    try
                    {
                        await OneRoundAsync(client.Messages, caller, round, problems);
                    }
                    catch (Exception ex)
                    {
                        problems.Enqueue($"caller {caller} round {round}: unexpected {ex.GetType().Name}: {ex.Message}");
                    }
                }
            })));

            var elapsed = clock.Elapsed;
            var figures = $"{Callers} callers x {rounds} rounds, {server.Requests.Count} requests, {problems.Count} problems, {elapsed.TotalSeconds:0.0} s";
            TestContext.Out.WriteLine(figures);
            Assert.That(problems, Is.Empty, figures + ": " + string.Join("; ", problems.Take(10)));
        }

        private static async Task OneRoundAsync(IMessagesClient messages, int caller, int round, ConcurrentQueue<string> problems)
        {
            var me = $"c{caller}r{round}";
            void Expect(bool ok, string what)
            {
                if (!ok)
                {
                    problems.Enqueue($"{me}: {what}");
                }
            }

            var sent = await messages.SendAsync(new SendMessageRequest { Number = Number(caller), FromNumber = "+16292925296", Content = me });
            Expect(sent.MessageHandle == "sent-" + me, $"send answered {sent.MessageHandle}");

            var status = await messages.GetStatusAsync("status-" + me);
            Expect(status.MessageHandle == "status-" + me, $"status answered {status.MessageHandle}");

            var retrieved = await messages.GetAsync("get-" + me);
            Expect(retrieved.Data?.MessageHandle == "get-" + me, $"get answered {retrieved.Data?.MessageHandle}");

            var expected = Enumerable.Range(0, Total(caller)).Select(i => $"{Number(caller)}-{i}").ToList();
            var walked = new List<string?>();
            await foreach (var message in messages.ListAllAsync(new MessageListQuery { Number = Number(caller), Limit = PageSize }))
            {
                walked.Add(message.MessageHandle);
            }

            Expect(walked.SequenceEqual(expected), $"ListAllAsync yielded {string.Join(",", walked)}");

            var paged = new List<string?>();
            await foreach (var page in messages.ListPagesAsync(new MessageListQuery { Number = Number(caller), Limit = PageSize }))
            {
                paged.AddRange(page.Data!.Select(m => m.MessageHandle));
            }

            Expect(paged.SequenceEqual(expected), $"ListPagesAsync yielded {string.Join(",", paged)}");

            try
            {
                await messages.GetAsync("missing-" + me);
                Expect(false, "a missing message was found");
            }
            catch (SendblueNotFoundException ex)
            {
                Expect(ex.ErrorMessage == "no message missing-" + me, $"404 said '{ex.ErrorMessage}'");
            }
        }

        private static string Number(int caller) => $"+1555000{caller:D4}";

        // Walks of different lengths per caller: 4 to 16 messages, 2 to 6 pages.
        private static int Total(int caller) => 4 + (caller % 5 * 3);

        private static LoopbackResponse Answer(RecordedRequest request)
        {
            var query = HttpUtility.ParseQueryString(request.Query);
            if (request.Method == "POST")
            {
                var content = System.Text.RegularExpressions.Regex.Match(request.Body, "\"content\":\"([^\"]*)\"").Groups[1].Value;
                return LoopbackResponse.Json($$"""{"message_handle":"sent-{{content}}","status":"QUEUED","content":"{{content}}"}""");
            }

            if (request.Path == "/api/status")
            {
                return LoopbackResponse.Json($$"""{"message_handle":"{{query["handle"]}}","status":"DELIVERED"}""");
            }

            if (request.Path.StartsWith("/api/v2/messages/missing-", StringComparison.Ordinal))
            {
                return Loopback.Error(404, "no message " + request.Path.Substring("/api/v2/messages/".Length));
            }

            if (request.Path.StartsWith("/api/v2/messages/", StringComparison.Ordinal))
            {
                return LoopbackResponse.Json(Payloads.Retrieve(request.Path.Substring("/api/v2/messages/".Length)));
            }

            var number = query["number"]!;
            var caller = int.Parse(number.Substring(number.Length - 4));
            var offset = int.Parse(query["offset"] ?? "0");
            var limit = int.Parse(query["limit"]!);
            var total = Total(caller);
            var handles = Enumerable.Range(offset, Math.Max(0, Math.Min(limit, total - offset))).Select(i => $"{number}-{i}").ToArray();
            return LoopbackResponse.Json(Payloads.Page(offset, total, limit, offset + handles.Length < total, handles));
        }
    }
}
