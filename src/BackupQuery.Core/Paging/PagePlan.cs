namespace BackupQuery.Paging;

/// <summary>One page to ask for: where it starts and how many records; <paramref name="Overlaps"/> when it is meant to
/// start with the last record of the page before it (<see cref="MarkerReadAhead"/>).</summary>
internal readonly record struct PageRequest(PageCursor Cursor, int Limit, bool Overlaps = false);

/// <summary>
/// Which pages a listing asks for. The first is small where pages are addressable (its total, which plans the rest,
/// comes back sooner). Once the total is known and pages may be read ahead, the rest are fixed steps from where the
/// first page ended to the total (or the <c>-First</c> bound); otherwise each page follows the one before.
/// </summary>
internal sealed class PagePlan
{
    /// <summary>Records asked for by the first page of an addressable listing.</summary>
    internal const int FirstPageSize = 100;

    private readonly PagingStrategy _strategy;
    private readonly long? _first;
    private readonly int _readAhead;
    private long _next;
    private long _end;
    private int _step;

    public PagePlan(PagingStrategy strategy, int pageSize, long start, long? first, int readAhead)
    {
        _strategy = strategy;
        _first = first;
        _readAhead = readAhead;
        PageSize = pageSize;
        Start = start;
    }

    public int PageSize { get; }

    /// <summary>The offset the listing starts at (the server's skip).</summary>
    public long Start { get; }

    /// <summary>True while planned pages are read ahead; false before the total is known, after a move, or at the end.</summary>
    public bool ReadsAhead { get; private set; }

    public PageRequest First() =>
        new(new PageCursor(Start, null), _strategy.CanAddressPages ? Math.Min(FirstPageSize, LimitFor(0)) : LimitFor(0));

    /// <summary>Records to ask for after <paramref name="taken"/> were taken: a page, or less where the server skips and <c>-First</c> is near.</summary>
    public int LimitFor(long taken) => _first is { } f && _strategy.ServerSkips ? (int)Math.Min(PageSize, f - taken) : PageSize;

    /// <summary>The first page gave the total: plan the pages after it, when they can be read ahead.</summary>
    public void Plan(PageRequest firstPage, int received, long total)
    {
        if (_readAhead <= 1 || !_strategy.CanAddressPages || received == 0) return;
        // A server may cap a page below what was asked (GeminiDB at 100): then its cap is the step. A cap the small first
        // page could not show is met as short pages later, whose gaps are fetched before what follows.
        _step = Math.Max(1, received < firstPage.Limit ? received : PageSize);
        _next = firstPage.Cursor.Offset + received;
        _end = _first is { } bound ? Math.Min(total, Start + bound) : total;
        ReadsAhead = true;
    }

    /// <summary>The next planned page, or null when the plan is done or dropped.</summary>
    public PageRequest? Next()
    {
        if (!ReadsAhead || _next >= _end) return null;
        var limit = (int)Math.Min(_step, _end - _next);
        var page = new PageRequest(new PageCursor(_next, null), limit);
        _next += limit;
        return page;
    }

    /// <summary>What a short planned page left out before the end, to be fetched before anything after it.</summary>
    public PageRequest? GapAfter(PageRequest fetched, int received)
    {
        var reached = fetched.Cursor.Offset + received;
        var wanted = Math.Min(fetched.Cursor.Offset + fetched.Limit, _end);
        return ReadsAhead && received > 0 && reached < wanted ? new PageRequest(new PageCursor(reached, null), (int)(wanted - reached)) : null;
    }

    /// <summary>No more pages are planned ahead (the listing moved, or ended early): go on page by page, or stop.</summary>
    public void StopReadingAhead() => ReadsAhead = false;
}
