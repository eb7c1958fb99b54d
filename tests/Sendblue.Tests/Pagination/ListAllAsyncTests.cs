using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using NUnit.Framework;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Pagination
{
    /// <summary>Walking a message list page by page: the stop rules and the no-duplicates rule.</summary>
    public class ListAllAsyncTests
    {
        [Test]
        public async Task ListAllAsync_Over250Messages_WithoutHasMore_Yields250DistinctIn3Requests()
        {
            var store = new MessageStore(250) { ReportHasMore = false };
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();

            var messages = await Collect(client.Messages.ListAllAsync(new MessageListQuery { Limit = 100 }));

            Assert.Multiple(() =>
            {
                Assert.That(messages.Select(m => m.MessageHandle), Is.EqualTo(Enumerable.Range(1, 250).Select(i => $"m-{i:D4}")));
                Assert.That(http.Requests, Has.Count.EqualTo(3));
                Assert.That(http.Requests.Select(r => Param(r, "offset")), Is.EqualTo(new[] { "0", "100", "200" }));
                Assert.That(http.Requests.Select(r => Param(r, "limit")), Is.EqualTo(new[] { "100", "100", "100" }));
            });
        }

        [Test]
        public async Task ListAllAsync_WhenTheApiServesSmallerPagesThanAsked_AndSaysSo_WalksOnToTheEnd()
        {
            // Asked for 500, served 100 with "limit": 100 and neither hasMore nor total: a page
            // of 100 is full by the page's own limit, not short of the 500 asked.
            var store = new MessageStore(250) { ReportHasMore = false, ReportTotal = false, MaxLimit = 100 };
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();

            var messages = await Collect(client.Messages.ListAllAsync(new MessageListQuery { Limit = 500 }));

            Assert.Multiple(() =>
            {
                Assert.That(messages, Has.Count.EqualTo(250));
                Assert.That(http.Requests.Select(r => Param(r, "offset")), Is.EqualTo(new[] { "0", "100", "200" }));
            });
        }

        [Test]
        public async Task ContactsListAllAsync_AtTheSpecsLastOffset_StopsWithAnError_NotInSilence()
        {
            // The spec's offset of a contact list is at most 10000: an account with more contacts
            // than a walk can reach hears so, after every contact it can reach.
            var http = new MockHttp(request =>
            {
                var offset = int.Parse(Param(request, "offset") ?? "0");
                var page = string.Join(",", Enumerable.Range(offset, 1000).Select(i => $$"""{"phone":"+1555{{i:D7}}"}"""));
                return MockHttp.Json("[" + page + "]");
            });
            using var client = http.CreateClient();
            var seen = 0;

            var ex = Assert.ThrowsAsync<SendblueException>(async () =>
            {
                await foreach (var contact in client.Contacts.ListAllAsync(new ContactListQuery { Limit = 1000 }))
                {
                    seen++;
                }
            });

            Assert.Multiple(() =>
            {
                Assert.That(seen, Is.EqualTo(11_000));
                Assert.That(http.Requests.Select(r => Param(r, "offset")), Is.EqualTo(Enumerable.Range(0, 11).Select(i => (i * 1000).ToString())));
                Assert.That(ex!.Message, Is.EqualTo("The walk reached offset 11000, past the last one the API lists (offset 10000, the spec's maximum), and the last page was not the end: narrow the query (a filter, or another order) to read the rest."));
            });
        }

        /// <summary>
        /// The walk's memory is one page plus the handles it has seen: a message of a page the walk
        /// has left is garbage once the caller lets go of it (build/loopback-benchmark.sh measures the bytes).
        /// </summary>
        [Test]
        public async Task ListAllAsync_KeepsNoMessageOfAPageItHasLeft()
        {
            var store = new MessageStore(500);
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();
            var firstPage = new List<WeakReference>();
            var count = 0;
            var aliveOnTheFourthPage = -1;

            await foreach (var message in client.Messages.ListAllAsync(new MessageListQuery { Limit = 100 }))
            {
                count++;
                if (count <= 100)
                {
                    Track(firstPage, message);
                }
                else if (count == 350)
                {
                    aliveOnTheFourthPage = AliveAfterAFullCollection(firstPage);
                }
            }

            Assert.Multiple(() =>
            {
                Assert.That(count, Is.EqualTo(500));
                Assert.That(firstPage.Count, Is.EqualTo(100));
                Assert.That(aliveOnTheFourthPage, Is.Zero, "messages of the first page still reachable while the walk reads the fourth");
            });
        }

        // Out of line, so no temporary of the test's own frame keeps a message alive (a Debug build
        // keeps a frame's temporaries until the frame returns).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void Track(List<WeakReference> references, Message message) => references.Add(new WeakReference(message));

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static int AliveAfterAFullCollection(List<WeakReference> references)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return references.Count(r => r.IsAlive);
        }

        [Test]
        public async Task ListAllAsync_StopsWhenTotalReached_WithoutHasMore()
        {
            // 200 of 200 fill two full pages: only total tells the walk that a third is not needed.
            var store = new MessageStore(200) { ReportHasMore = false };
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();

            var messages = await Collect(client.Messages.ListAllAsync());

            Assert.Multiple(() =>
            {
                Assert.That(messages, Has.Count.EqualTo(200));
                Assert.That(http.Requests, Has.Count.EqualTo(2));
            });
        }

        [Test]
        public async Task ListAllAsync_StopsAtAShortPage_WithoutHasMoreOrTotal()
        {
            var store = new MessageStore(130) { ReportHasMore = false, ReportTotal = false };
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();

            var messages = await Collect(client.Messages.ListAllAsync(new MessageListQuery { Limit = 50 }));

            Assert.Multiple(() =>
            {
                Assert.That(messages, Has.Count.EqualTo(130));
                Assert.That(http.Requests.Select(r => Param(r, "offset")), Is.EqualTo(new[] { "0", "50", "100" }));
            });
        }

        [Test]
        public async Task ListAllAsync_WithoutLimit_JudgesAShortPageAgainstThePageSizeTheApiReports()
        {
            // No limit asked: the API's reported limit (100) is the yardstick, so 40 ends the walk.
            var store = new MessageStore(40) { ReportHasMore = false, ReportTotal = false };
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();

            var messages = await Collect(client.Messages.ListAllAsync());

            Assert.Multiple(() =>
            {
                Assert.That(messages, Has.Count.EqualTo(40));
                Assert.That(http.Requests, Has.Count.EqualTo(1));
                Assert.That(Param(http.Single, "limit"), Is.Null);
            });
        }

        [Test]
        public async Task ListAllAsync_EndsOnAnEmptyPage_EvenWhenHasMoreSaysTrue()
        {
            var http = new MockHttp(_ => MockHttp.Json(Payloads.Page(0, 500, 100, true)));
            using var client = http.CreateClient();

            var messages = await Collect(client.Messages.ListAllAsync());

            Assert.Multiple(() =>
            {
                Assert.That(messages, Is.Empty);
                Assert.That(http.Requests, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public async Task ListAllAsync_StopsWhenHasMoreIsFalse_EvenOnAFullPageBelowTotal()
        {
            var http = new MockHttp(_ => MockHttp.Json(Payloads.Page(0, 1000, 2, false, "a", "b")));
            using var client = http.CreateClient();

            var messages = await Collect(client.Messages.ListAllAsync(new MessageListQuery { Limit = 2 }));

            Assert.Multiple(() =>
            {
                Assert.That(messages.Select(m => m.MessageHandle), Is.EqualTo(new[] { "a", "b" }));
                Assert.That(http.Requests, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public async Task ListAllAsync_FollowsHasMore_PastAShortPage()
        {
            // hasMore is the API's own word and wins over the page-size guess.
            var http = new MockHttp(request => Param(request, "offset") == "0"
                ? MockHttp.Json(Payloads.Page(0, 0, 100, true, "a", "b"))
                : MockHttp.Json(Payloads.Page(2, 0, 100, false, "c")));
            using var client = http.CreateClient();

            var messages = await Collect(client.Messages.ListAllAsync());

            Assert.Multiple(() =>
            {
                Assert.That(messages.Select(m => m.MessageHandle), Is.EqualTo(new[] { "a", "b", "c" }));
                Assert.That(http.Requests.Select(r => Param(r, "offset")), Is.EqualTo(new[] { "0", "2" }));
            });
        }

        [Test]
        public async Task ListAllAsync_WhenMessagesArriveAtTheHeadWhileWalking_YieldsEachHandleOnce()
        {
            // Newest first: two new messages land before every page after the first, shifting the
            // offsets by two, so each page starts with two messages the walk has already seen.
            var store = new MessageStore(250)
            {
                BeforePage = (s, page) =>
                {
                    if (page > 0)
                    {
                        s.InsertAtHead($"new-{page}-a", $"new-{page}-b");
                    }
                },
            };
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();

            var messages = await Collect(client.Messages.ListAllAsync(new MessageListQuery { Limit = 100 }));
            var handles = messages.Select(m => m.MessageHandle).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(handles, Is.Unique);
                Assert.That(handles, Is.SupersetOf(Enumerable.Range(1, 250).Select(i => $"m-{i:D4}")));
                Assert.That(handles, Has.Count.EqualTo(250));
            });
        }

        [Test]
        public async Task ListAllAsync_StartsAtTheQueryOffset_AndSendsTheFiltersOnEveryPage()
        {
            var store = new MessageStore(30) { ReportHasMore = false };
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();

            var messages = await Collect(client.Messages.ListAllAsync(new MessageListQuery
            {
                Offset = 10,
                Limit = 10,
                Status = MessageStatus.Delivered,
                IsOutbound = true,
            }));

            Assert.Multiple(() =>
            {
                Assert.That(messages.First().MessageHandle, Is.EqualTo("m-0011"));
                Assert.That(messages, Has.Count.EqualTo(20));
                Assert.That(http.Requests.Select(r => Param(r, "offset")), Is.EqualTo(new[] { "10", "20" }));
                Assert.That(http.Requests.Select(r => Param(r, "status")), Is.All.EqualTo("DELIVERED"));
                Assert.That(http.Requests.Select(r => Param(r, "is_outbound")), Is.All.EqualTo("true"));
            });
        }

        [Test]
        public async Task ListAllAsync_IsNotChangedByEditsToTheQueryAfterItStarted()
        {
            var store = new MessageStore(20) { ReportHasMore = false };
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();
            var query = new MessageListQuery { Limit = 10 };

            var seen = 0;
            await foreach (var _ in client.Messages.ListAllAsync(query))
            {
                seen++;
                query.Limit = 1;
                query.Status = MessageStatus.Error;
            }

            Assert.Multiple(() =>
            {
                Assert.That(seen, Is.EqualTo(20));
                Assert.That(http.Requests.Select(r => Param(r, "limit")), Is.All.EqualTo("10"));
                Assert.That(http.Requests.Select(r => Param(r, "status")), Is.All.Null);
            });
        }

        [Test]
        public async Task ListPagesAsync_YieldsEachPageAsTheApiSentIt()
        {
            var store = new MessageStore(25) { ReportHasMore = true };
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();

            var pages = new List<MessageListResponse>();
            await foreach (var page in client.Messages.ListPagesAsync(new MessageListQuery { Limit = 10 }))
            {
                pages.Add(page);
            }

            Assert.Multiple(() =>
            {
                Assert.That(pages.Select(p => p.Data!.Count), Is.EqualTo(new[] { 10, 10, 5 }));
                Assert.That(pages.Select(p => p.Pagination!.Offset), Is.EqualTo(new int?[] { 0, 10, 20 }));
                Assert.That(pages.Select(p => p.Pagination!.HasMore), Is.EqualTo(new bool?[] { true, true, false }));
                Assert.That(pages.Select(p => p.Pagination!.Total), Is.All.EqualTo(25));
            });
        }

        [Test]
        public void ListAllAsync_HonoursCancellationBetweenPages()
        {
            var store = new MessageStore(300);
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();
            using var cts = new CancellationTokenSource();

            var seen = 0;
            Assert.CatchAsync<OperationCanceledException>(
                async () =>
                {
                    await foreach (var _ in client.Messages.ListAllAsync(new MessageListQuery { Limit = 100 }, cts.Token))
                    {
                        if (++seen == 100)
                        {
                            cts.Cancel();
                        }
                    }
                });
            Assert.Multiple(() =>
            {
                Assert.That(seen, Is.EqualTo(100));
                Assert.That(http.Requests, Has.Count.EqualTo(1));
            });
        }

        [Test]
        public void ListAllAsync_HonoursCancellationPassedToWithCancellation()
        {
            var store = new MessageStore(300);
            var http = new MockHttp(store.Serve);
            using var client = http.CreateClient();
            using var cts = new CancellationTokenSource();

            var seen = 0;
            Assert.CatchAsync<OperationCanceledException>(
                async () =>
                {
                    await foreach (var _ in client.Messages.ListAllAsync(new MessageListQuery { Limit = 100 }).WithCancellation(cts.Token))
                    {
                        if (++seen == 150)
                        {
                            cts.Cancel();
                        }
                    }
                });
            Assert.Multiple(() =>
            {
                Assert.That(seen, Is.EqualTo(150));
                Assert.That(http.Requests, Has.Count.EqualTo(2));
            });
        }

        [Test]
        public void ListAllAsync_WithAPreCancelledToken_SendsNothing()
        {
            var http = new MockHttp(new MessageStore(10).Serve);
            using var client = http.CreateClient();
            using var cts = new CancellationTokenSource();
            cts.Cancel();

            Assert.CatchAsync<OperationCanceledException>(
                async () => await Collect(client.Messages.ListAllAsync(null, cts.Token)));
            Assert.That(http.Requests, Is.Empty);
        }

        [Test]
        public void ListAllAsync_PropagatesTheApiErrorOfALaterPage()
        {
            var http = new MockHttp(request => Param(request, "offset") == "0"
                ? MockHttp.Json(Payloads.Page(0, 4, 2, true, "a", "b"))
                : MockHttp.Json("""{"status":"ERROR","error_message":"offset out of range"}""", System.Net.HttpStatusCode.BadRequest));
            using var client = http.CreateClient();

            var seen = new List<string?>();
            var ex = Assert.ThrowsAsync<SendblueBadRequestException>(async () =>
            {
                await foreach (var message in client.Messages.ListAllAsync(new MessageListQuery { Limit = 2 }))
                {
                    seen.Add(message.MessageHandle);
                }
            });

            Assert.Multiple(() =>
            {
                Assert.That(seen, Is.EqualTo(new[] { "a", "b" }));
                Assert.That(ex!.ErrorMessage, Is.EqualTo("offset out of range"));
            });
        }

        internal static string? Param(CapturedRequest request, string name) =>
            HttpUtility.ParseQueryString(request.Uri.Query)[name];

        private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> source)
        {
            var list = new List<T>();
            await foreach (var item in source)
            {
                list.Add(item);
            }

            return list;
        }
    }
}
