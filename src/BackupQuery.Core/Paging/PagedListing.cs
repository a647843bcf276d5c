using System.Runtime.CompilerServices;

namespace BackupQuery.Paging;

/// <summary>Fetches one page: where it starts, how many records to ask for.</summary>
public delegate Task<Page<T>> PageFetcher<T>(PageCursor cursor, int limit, CancellationToken cancellationToken);

/// <summary>
/// Streams the records of a paged API, page by page as they arrive. While the caller consumes one page the next is
/// already in flight (one ahead, order kept). <c>-First</c> shrinks the last request and stops further ones;
/// <c>-Skip</c> goes to the server where the API can skip.
/// </summary>
public static class PagedListing
{
    public static async IAsyncEnumerable<T> StreamAsync<T>(PageFetcher<T> fetch, PagingStrategy strategy, int defaultPageSize, int maxPageSize,
        PagingOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Max(1, Math.Min(options.PageSize ?? defaultPageSize, maxPageSize));
        var first = options.First;
        if (first == 0) yield break;

        var toSkip = strategy.ServerSkips ? 0 : options.Skip;
        var cursor = new PageCursor(strategy.ServerSkips ? options.Skip : 0, null);
        long emitted = 0;
        var pages = 0;
        var totalReported = false;
        long? total = null;

        using var ahead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        int LimitFor(long alreadyEmitted) => first is { } f && strategy.ServerSkips ? (int)Math.Min(pageSize, f - alreadyEmitted) : pageSize;

        var limit = LimitFor(0);
        var pending = fetch(cursor, limit, ahead.Token);
        try
        {
            while (pending is not null)
            {
                var page = await pending.ConfigureAwait(false);
                pending = null;
                pages++;
                if (!totalReported && page.Total is { } pageTotal)
                {
                    totalReported = true;
                    total = pageTotal;
                    options.OnTotal?.Invoke(pageTotal);
                }

                var (start, usable) = Usable(page.Items.Count, ref toSkip, emitted, first);
                var next = strategy.Next(cursor, page, limit);
                if (next is { } n && (first is null || emitted + usable < first))
                {
                    cursor = n;
                    limit = LimitFor(emitted + usable);
                    pending = fetch(cursor, limit, ahead.Token);
                }

                options.OnProgress?.Invoke(new ListingProgress(pages, emitted + usable, ProgressTotal(page.Total, options)));
                for (var i = start; i < start + usable; i++)
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
            // The caller stopped early (Select-Object -First, Ctrl+C): abandon the page in flight.
            ahead.Cancel();
            if (pending is not null) _ = pending.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
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
