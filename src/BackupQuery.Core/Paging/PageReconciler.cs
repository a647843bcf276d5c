namespace BackupQuery.Paging;

/// <summary>
/// Places each offset page in the listing as it was when the first page gave its total, so that data which moves while
/// it is listed (records added at the head push the rest down) is neither repeated nor lost. Every page reports the
/// total it was served with; the growth since the first total is how far the records have moved down.
/// </summary>
internal sealed class PageReconciler(long start, long initialTotal)
{
    /// <summary>Pages in a row that brought nothing new while the listing moved, before it is given up.</summary>
    internal const int MaxMovedPages = 20;

    private long _next = start;
    private long _moved;
    private int _stalled;

    /// <summary>How far the listing has moved down since the first page, as far as the pages have shown.</summary>
    public long Moved => _moved;

    /// <summary>Where the records after the ones already placed are now (offset as the server counts it today).</summary>
    public PageCursor Resume => new(_next + _moved, null);

    /// <summary>
    /// Places a page of <paramref name="count"/> records (at least one) asked for at <paramref name="offset"/> and served
    /// with <paramref name="servedTotal"/>.
    /// </summary>
    /// <exception cref="Http.BackupQueryException">The listing kept moving: <see cref="MaxMovedPages"/> pages in a row brought nothing new.</exception>
    public Placement Place(long offset, long? servedTotal, int count)
    {
        var shift = servedTotal is { } served ? served - initialTotal : _moved;
        var moves = shift != _moved;
        _moved = Math.Max(_moved, shift);
        var placed = offset - shift;
        if (placed > _next)
        {
            // Records moved down past this page's start: those in between must be asked for first, where they are now.
            if (++_stalled > MaxMovedPages) throw KeptMoving(_stalled);
            return new Placement(moves, 0, Resume);
        }
        var repeated = (int)Math.Min(_next - placed, count);
        _stalled = repeated == count ? _stalled + 1 : 0;
        if (_stalled > MaxMovedPages) throw KeptMoving(_stalled);
        _next = Math.Max(_next, placed + count);
        return new Placement(moves, repeated, null);
    }

    private static Http.BackupQueryException KeptMoving(int pages) => new(
        $"The listing kept moving faster than it could be read: {pages} pages in a row brought no record that had not been listed. " +
        "Records already written stay written; list again, with a narrower filter or a larger -PageSize.", Http.ApiErrorKind.ServiceUnavailable);
}

/// <summary>Where a page stands: whether it showed the listing moving, how many of its leading records were already
/// emitted, and, when records before it are missing, where to fetch them before the page is used.</summary>
internal readonly record struct Placement(bool Moves, int Repeated, PageCursor? Missing);
