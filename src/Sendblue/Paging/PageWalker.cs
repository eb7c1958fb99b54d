using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Sendblue.Paging
{
    /// <summary>What the walk needs to know of a page: how many items it holds and what its <c>pagination</c> says.</summary>
    internal readonly struct PageInfo
    {
        public PageInfo(int count, bool? hasMore, int? total, int? limit)
        {
            Count = count;
            HasMore = hasMore;
            Total = total;
            Limit = limit;
        }

        public int Count { get; }

        public bool? HasMore { get; }

        public int? Total { get; }

        public int? Limit { get; }
    }

    /// <summary>
    /// The one offset/limit walk behind every generated <c>...PagesAsync</c> and <c>...AllAsync</c>
    /// (an operation gets them when its query has <c>limit</c> and <c>offset</c> and its answer has
    /// <c>data</c> and <c>pagination</c>). Requests run as the enumeration asks for pages;
    /// cancellation is honoured between and during pages.
    /// </summary>
    internal static class PageWalker
    {
        /// <summary>
        /// Page after page from <paramref name="offset"/>, until <see cref="IsLastPage"/> says so. An
        /// API that pages no further than <paramref name="maxOffset"/> (the spec's <c>maximum</c> of
        /// <c>offset</c>) while saying there is more ends the walk with an exception, not in silence.
        /// </summary>
        public static async IAsyncEnumerable<TPage> PagesAsync<TPage>(
            Func<int, CancellationToken, Task<TPage>> fetch,
            Func<TPage, PageInfo> describe,
            int offset,
            int? askedLimit,
            int defaultLimit,
            int? maxOffset,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = await fetch(offset, cancellationToken).ConfigureAwait(false);
                yield return page;

                var info = describe(page);
                // The page's own limit first: an API that serves less than asked and says so has not ended.
                if (IsLastPage(info, offset, info.Limit ?? askedLimit ?? defaultLimit))
                {
                    yield break;
                }

                offset += info.Count;
                if (offset > maxOffset)
                {
                    throw new SendblueException(
                        $"The walk reached offset {offset}, past the last one the API lists (offset {maxOffset}, the spec's maximum), and the last page was not the end: narrow the query (a filter, or another order) to read the rest.");
                }
            }
        }

        /// <summary>
        /// An empty page always ends the walk; otherwise <c>hasMore</c> decides when the API sends
        /// it, and without it the walk ends at <c>total</c> or at a page shorter than its own
        /// <c>limit</c> (or, without one, than asked).
        /// </summary>
        internal static bool IsLastPage(PageInfo page, int offset, int asked)
        {
            if (page.Count == 0)
            {
                return true;
            }

            if (page.HasMore is bool hasMore)
            {
                return !hasMore;
            }

            if (page.Total is int total && offset + page.Count >= total)
            {
                return true;
            }

            return page.Count < asked;
        }

        /// <summary>
        /// Every item of every page, each identifier once: items arriving at the head while walking
        /// shift the offsets, so a page can repeat the tail of the one before. Items without an
        /// identifier are all yielded; null items are skipped.
        /// </summary>
        public static async IAsyncEnumerable<TItem> ItemsAsync<TPage, TItem>(
            IAsyncEnumerable<TPage> pages,
            Func<TPage, IList<TItem>?> items,
            Func<TItem, string?> identify,
            [EnumeratorCancellation] CancellationToken cancellationToken)
            where TItem : class
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var list = items(page);
                if (list is null)
                {
                    continue;
                }

                foreach (var item in list)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (item is null || (identify(item) is string id && !seen.Add(id)))
                    {
                        continue;
                    }

                    yield return item;
                }
            }
        }
    }
}
