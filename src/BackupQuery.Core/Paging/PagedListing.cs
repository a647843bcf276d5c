using System.Runtime.CompilerServices;

namespace BackupQuery.Paging;

/// <summary>Fetches one page: where it starts, how many records to ask for.</summary>
internal delegate Task<Page<T>> PageFetcher<T>(PageCursor cursor, int limit, CancellationToken cancellationToken);

/// <summary>
/// Streams the records of a paged API in server order, page by page as they arrive. The parts: <see cref="PagePlan"/>
/// decides which pages to ask for (read ahead once the total is known, up to <c>readAhead</c> in flight; the
/// connection's <see cref="Http.ConcurrencyLimit"/> decides how many actually go out), <see cref="PagesInFlight{T}"/>
/// holds them in order, <see cref="PageReconciler"/> places each offset page in the listing as it was at the start
/// (data that moves), <see cref="MarkerReadAhead"/> asks for marker pages ahead where the server takes an offset after
/// a marker, and <see cref="RecordWindow"/> applies <c>-Skip</c> and <c>-First</c>. A page in flight is its reply
/// (<see cref="PageReply{T}"/>), read into records when the listing reaches it. Stopping early cancels every page in flight.
/// </summary>
internal static class PagedListing
{
    /// <inheritdoc cref="PagePlan.FirstPageSize"/>
    public const int FirstPageSize = PagePlan.FirstPageSize;

    public static IAsyncEnumerable<T> StreamAsync<T>(PageFetcher<T> fetch, PagingStrategy strategy, int defaultPageSize, int maxPageSize,
        PagingOptions options, int readAhead, CancellationToken cancellationToken = default) =>
        StreamAsync((cursor, limit, ct) => new FetchedPage<T>(PageReply.Of(fetch(cursor, limit, ct)), null), strategy, defaultPageSize, maxPageSize, options, readAhead,
            cancellationToken);

    /// <summary>
    /// As above; where a fetch tells a page's next marker before the page is parsed, the next page is asked for then
    /// (unless this page may reach <c>-First</c>), and kept if the parsed page names the same one.
    /// </summary>
    internal static async IAsyncEnumerable<T> StreamAsync<T>(EarlyPageFetcher<T> fetch, PagingStrategy strategy, int defaultPageSize, int maxPageSize,
        PagingOptions options, int readAhead, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (options.First == 0) yield break;
        var pageSize = Math.Max(1, Math.Min(options.PageSize ?? defaultPageSize, maxPageSize));
        var plan = new PagePlan(strategy, pageSize, strategy.ServerSkips ? options.Skip : 0, options.First, readAhead);
        var window = new RecordWindow(strategy.ServerSkips ? 0 : options.Skip, options.First);
        PageReconciler? placement = null;
        var ahead = strategy.OffsetsAfterMarker ? new MarkerReadAhead(pageSize, readAhead) : null;
        long? total = null;
        var pages = 0;

        using var inFlight = new PagesInFlight<T>(fetch, cancellationToken);
        inFlight.Add(plan.First());
        while (inFlight.TakeNext() is { } current)
        {
            PageRequest? early = null;
            if (current.NextMarker is { } soon && !plan.ReadsAhead && inFlight.Count == 0 && !window.MayFillWith(current.Request.Limit)
                && await soon.ConfigureAwait(false) is { Length: > 0 } marker)
            {
                // Guessed as a full page: a short one (or another marker once parsed) drops this request below.
                early = new PageRequest(new PageCursor(current.Request.Cursor.Offset + current.Request.Limit, marker), plan.LimitFor(window.Taken));
                inFlight.Add(early.Value);
            }
            Page<T> page;
            try
            {
                using var reply = await current.Reply.ConfigureAwait(false);
                page = await reply.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Http.BackupQueryException e) when (current.Request.Overlaps && e.Kind is Http.ApiErrorKind.InvalidArgument or Http.ApiErrorKind.NotFound)
            {
                // Refused an offset with a marker: go on page by page from the last record taken.
                ahead!.Decline();
                FollowOn(ahead.Resume(plan.LimitFor(window.Taken)));
                continue;
            }
            pages++;
            if (total is null && page.Total is { } firstTotal)
            {
                total = firstTotal;
                options.OnTotal?.Invoke(firstTotal);
                plan.Plan(current.Request, page.Items.Count, firstTotal);
                if (strategy.CanAddressPages) placement = new PageReconciler(plan.Start, firstTotal);
            }

            var repeated = 0;
            if (placement is not null && page.Items.Count > 0)
            {
                var placed = placement.Place(current.Request.Cursor.Offset, page.Total, page.Items.Count);
                if (placed.Moves && plan.ReadsAhead)
                {
                    // Pages planned ahead may have been served before the move, or after more of it: drop them, go on one by one.
                    inFlight.Abandon();
                    plan.StopReadingAhead();
                }
                if (placed.Missing is { } missing)
                {
                    inFlight.PutBack(current with { Reply = Task.FromResult(PageReply.Of(page)) });
                    inFlight.AddFirst(new PageRequest(missing, pageSize));
                    continue;
                }
                repeated = placed.Repeated;
            }
            else if (current.Request.Overlaps)
            {
                if (!ahead!.Meets(page))
                {
                    // Records moved since the pages were asked for (or the offset was not taken): they are dropped.
                    FollowOn(ahead.Resume(plan.LimitFor(window.Taken)));
                    continue;
                }
                repeated = 1;
            }

            var (skipped, taken) = window.Take(page.Items.Count - repeated);
            if (plan.ReadsAhead)
            {
                if (page.Items.Count == 0)
                {
                    // The listing ended before its total (it shrank, or the server stops short): stop here, as a
                    // sequential reader would, rather than asking for every planned page.
                    inFlight.Abandon();
                    plan.StopReadingAhead();
                }
                else if (plan.GapAfter(current.Request, page.Items.Count) is { } gap) inFlight.AddFirst(gap);
                while (inFlight.Count < readAhead && plan.Next() is { } planned) inFlight.Add(planned);
            }
            else
            {
                // After a move, the next records are where the placed ones end, counted from where they are now.
                var wanted = !window.IsFull && strategy.Next(current.Request.Cursor, page, current.Request.Limit) is { } following
                    ? new PageRequest(placement is { Moved: > 0 } ? placement.Resume : following, plan.LimitFor(window.Taken))
                    : (PageRequest?)null;
                if (early is not null && early != wanted) inFlight.Abandon();
                if (ahead is not null && wanted is { } after && page.NextMarker is { } anchor)
                {
                    ahead.Took(current.Request, page.Items.Count, anchor, after.Cursor.Offset, page.LastMarker);
                    if (inFlight.Count == 0) FollowOn(after);
                    else if (early is { } kept) ahead.Asked(kept);
                    while (ahead.On && inFlight.Count < ahead.Depth && !window.MayFillWith((inFlight.Count + 1) * ahead.Step)
                        && ahead.Next(plan.LimitFor(window.Taken)) is { } planned) inFlight.Add(planned);
                }
                else if (ahead is not null && wanted is null) inFlight.Abandon(); // pages asked for ahead lie past the end
                else if (inFlight.Count == 0 && wanted is { } next) inFlight.Add(next);
            }

            options.OnProgress?.Invoke(new ListingProgress(pages, window.Taken, ProgressTotal(page.Total, options)));
            var items = page.Items;
            for (var i = repeated + skipped; i < repeated + skipped + taken; i++) yield return items[i];
        }
        // Skipped on the server: as far as the total shows; on the client: counted.
        options.OnSkipped?.Invoke(strategy.ServerSkips ? Math.Min(options.Skip, total ?? options.Skip) : window.SkippedHere);

        // Drops the pages asked for ahead and asks for this one next (the page after the last record taken).
        void FollowOn(PageRequest request)
        {
            inFlight.Abandon();
            inFlight.AddFirst(request);
            ahead?.Asked(request);
        }
    }

    /// <summary>What this listing will emit in all, as far as is known: the matches after -Skip, bounded by -First.</summary>
    private static long? ProgressTotal(long? total, PagingOptions options)
    {
        if (total is null) return options.First;
        var remaining = Math.Max(0, total.Value - options.Skip);
        return options.First is { } f ? Math.Min(remaining, f) : remaining;
    }
}
