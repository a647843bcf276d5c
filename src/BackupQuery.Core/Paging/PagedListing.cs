using System.Runtime.CompilerServices;

namespace BackupQuery.Paging;

/// <summary>Fetches one page: where it starts, how many records to ask for.</summary>
public delegate Task<Page<T>> PageFetcher<T>(PageCursor cursor, int limit, CancellationToken cancellationToken);

/// <summary>A page requested and not yet consumed: where it starts, how many records were asked for, and its reply to come.</summary>
internal readonly record struct Pending<T>(PageCursor Cursor, int Limit, Task<Page<T>> Page);

/// <summary>
/// Streams the records of a paged API in server order, page by page as they arrive. Once the first page of an
/// offset-paged API has given the total, the remaining pages are planned and up to <c>readAhead</c> of them are in
/// flight at once (the connection's <see cref="Http.ConcurrencyLimit"/> decides how many actually go out); memory is
/// bounded by those pages. Without a total, or with marker paging (the next marker only comes with a page), one page is
/// fetched ahead. <c>-First</c> shrinks the plan; stopping early cancels every page in flight; <c>-Skip</c> goes to the
/// server where the API can skip.
/// </summary>
public static class PagedListing
{
    /// <summary>
    /// The first page of an addressable listing asks for at most this many records: its reply (and the total that plans
    /// the rest) comes back sooner than a full page would, so the first record does too. The pages after it are full.
    /// </summary>
    public const int FirstPageSize = 100;

    public static async IAsyncEnumerable<T> StreamAsync<T>(PageFetcher<T> fetch, PagingStrategy strategy, int defaultPageSize, int maxPageSize,
        PagingOptions options, int readAhead, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Max(1, Math.Min(options.PageSize ?? defaultPageSize, maxPageSize));
        var first = options.First;
        if (first == 0) yield break;

        var toSkip = strategy.ServerSkips ? 0 : options.Skip;
        var start = strategy.ServerSkips ? options.Skip : 0;
        long emitted = 0;
        var pages = 0;
        var totalReported = false;
        long? total = null;
        OffsetPlan? plan = null;
        var inFlight = new LinkedList<Pending<T>>();

        using var ahead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Pending<T> Start(PageCursor cursor, int limit) => new(cursor, limit, fetch(cursor, limit, ahead.Token));
        int LimitFor(long alreadyEmitted) => first is { } f && strategy.ServerSkips ? (int)Math.Min(pageSize, f - alreadyEmitted) : pageSize;

        inFlight.AddLast(Start(new PageCursor(start, null), strategy.CanAddressPages ? Math.Min(FirstPageSize, LimitFor(0)) : LimitFor(0)));
        try
        {
            while (inFlight.First is { } head)
            {
                inFlight.RemoveFirst();
                var current = head.Value;
                var page = await current.Page.ConfigureAwait(false);
                pages++;
                if (!totalReported && page.Total is { } pageTotal)
                {
                    totalReported = true;
                    total = pageTotal;
                    options.OnTotal?.Invoke(pageTotal);
                    if (readAhead > 1 && strategy.CanAddressPages) plan = OffsetPlan.After(current, page, pageTotal, first is { } f ? start + f : null, pageSize);
                }

                var (from, usable) = Usable(page.Items.Count, ref toSkip, emitted, first);
                if (plan is not null)
                {
                    if (page.Items.Count == 0) inFlight.Clear(); // The listing shrank under us: it ends here, as a sequential one would.
                    else if (plan.GapAfter(current, page) is { } gap) inFlight.AddFirst(Start(gap.Cursor, gap.Limit));
                    while (inFlight.Count < readAhead && plan.Next() is { } planned) inFlight.AddLast(Start(planned.Cursor, planned.Limit));
                }
                else if (strategy.Next(current.Cursor, page, current.Limit) is { } next && (first is null || emitted + usable < first))
                {
                    inFlight.AddLast(Start(next, LimitFor(emitted + usable)));
                }

                options.OnProgress?.Invoke(new ListingProgress(pages, emitted + usable, ProgressTotal(page.Total, options)));
                for (var i = from; i < from + usable; i++)
                {
                    emitted++;
                    yield return page.Items[i];
                }
            }
            // Skipped on the server: as far as the total shows; on the client: counted.
            options.OnSkipped?.Invoke(strategy.ServerSkips ? Math.Min(options.Skip, total ?? options.Skip) : options.Skip - toSkip);
        }
        finally
        {
            // Done, failed, or the caller stopped early (Select-Object -First, Ctrl+C): abandon every page still in flight.
            ahead.Cancel();
            foreach (var pending in inFlight) _ = pending.Page.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    /// <summary>The pages still to fetch once the total is known: fixed steps from where the first page ended to the total (or the -First bound).</summary>
    private sealed class OffsetPlan(long next, long end, int step)
    {
        private long _next = next;

        public static OffsetPlan After<T>(Pending<T> first, Page<T> page, long total, long? firstBound, int pageSize)
        {
            // A server may cap a page below what was asked (GeminiDB at 100): then its cap is the step. A cap the small
            // first page could not show is met as short pages later, whose gaps are fetched before what follows.
            var step = page.Items.Count > 0 && page.Items.Count < first.Limit ? page.Items.Count : pageSize;
            var end = firstBound is { } bound ? Math.Min(total, bound) : total;
            return new OffsetPlan(first.Cursor.Offset + page.Items.Count, page.Items.Count == 0 ? 0 : end, Math.Max(1, step));
        }

        public (PageCursor Cursor, int Limit)? Next()
        {
            if (_next >= end) return null;
            var limit = (int)Math.Min(step, end - _next);
            var cursor = new PageCursor(_next, null);
            _next += limit;
            return (cursor, limit);
        }

        /// <summary>What a short page left out before the end, to be fetched before anything after it.</summary>
        public (PageCursor Cursor, int Limit)? GapAfter<T>(Pending<T> fetched, Page<T> page)
        {
            var reached = fetched.Cursor.Offset + page.Items.Count;
            var wanted = Math.Min(fetched.Cursor.Offset + fetched.Limit, end);
            return page.Items.Count > 0 && reached < wanted ? (new PageCursor(reached, null), (int)(wanted - reached)) : null;
        }
    }

    /// <summary>Which records of a page are emitted: after client-side skipping, up to the -First bound.</summary>
    private static (int Start, int Count) Usable(int count, ref long toSkip, long emitted, long? first)
    {
        var skipped = (int)Math.Min(toSkip, count);
        toSkip -= skipped;
        var usable = count - skipped;
        if (first is { } f) usable = (int)Math.Min(usable, f - emitted);
        return (skipped, usable);
    }

    /// <summary>What this listing will emit in all, as far as is known: the matches after -Skip, bounded by -First.</summary>
    private static long? ProgressTotal(long? total, PagingOptions options)
    {
        if (total is null) return options.First;
        var remaining = Math.Max(0, total.Value - options.Skip);
        return options.First is { } f ? Math.Min(remaining, f) : remaining;
    }
}
