namespace BackupQuery.Paging;

/// <summary>
/// Marker paging read ahead, where the server passes over <c>offset</c> records after a marker (VBS, as Cinder): the
/// pages after the last one taken are asked for at once, from its marker at growing offsets, each meant to start with the
/// last record of the page before it. A page is kept only when it does (<see cref="Meets"/>), so records that move
/// between requests, or a server that does not pass over records after a marker, cost requests, never records: the
/// listing drops what is in flight and goes on from the last record taken (<see cref="Resume"/>). Reading ahead stops
/// for the listing after two misses before any page met, or after too many misses in a row. As the pages' count is not
/// known, the pages in flight grow by one with each page taken (up to the read-ahead limit), so a short listing asks
/// for few pages past its end.
/// </summary>
internal sealed class MarkerReadAhead(int pageSize, int readAhead)
{
    /// <summary>Misses before any page met after which the server is taken not to pass over records after a marker.</summary>
    private const int MissesToGiveUp = 2;

    private int _step = pageSize;
    private string? _anchor;
    private string? _lastTaken;
    private long _anchorEnd;
    private long? _lastStart;
    private int _misses;
    private bool _met;
    private int _taken;

    /// <summary>False once reading ahead was given up for this listing: each page then follows the one before.</summary>
    public bool On { get; private set; } = readAhead > 1 && pageSize > 1;

    /// <summary>Records a full page holds (a server may cap pages below what was asked).</summary>
    public int Step => _step;

    /// <summary>Pages to keep in flight now: one more than pages taken, up to the read-ahead limit.</summary>
    public int Depth => Math.Min(readAhead, _taken + 1);

    /// <summary>
    /// A page was taken: the next pages follow <paramref name="nextMarker"/> (the page's own next marker), whose
    /// place is <paramref name="placeAfter"/>; <paramref name="lastMarker"/> names its last record, with which the next
    /// page asked for ahead must start.
    /// </summary>
    public void Took(PageRequest request, int received, string nextMarker, long placeAfter, string? lastMarker)
    {
        // A full page that came back shorter than asked shows the server's cap: later pages are that long.
        if (received > 1 && received < request.Limit) _step = Math.Min(_step, received);
        _taken++;
        _anchor = nextMarker;
        _anchorEnd = placeAfter;
        _lastTaken = lastMarker;
    }

    /// <summary>A page following the last one taken was asked for (by its marker, no offset), after any asked for ahead
    /// were dropped: the pages asked for ahead go on from it.</summary>
    public void Asked(PageRequest request) => _lastStart = request.Cursor.Offset;

    /// <summary>The next page to ask for ahead, after those in flight; null when none (off, or nothing asked yet).</summary>
    public PageRequest? Next(int limit)
    {
        if (!On || _lastStart is not { } last || _anchor is null || _step < 2) return null;
        var start = last + _step - 1;
        var offset = start - _anchorEnd;
        if (offset < 0 || offset > int.MaxValue) return null;
        _lastStart = start;
        return new PageRequest(new PageCursor(start, _anchor, (int)offset), limit, Overlaps: true);
    }

    /// <summary>True when <paramref name="page"/>, asked for ahead, starts with the last record taken; a miss is counted otherwise.</summary>
    public bool Meets<T>(Page<T> page)
    {
        if (page.Items.Count > 0 && page.FirstMarker is not null && page.FirstMarker == _lastTaken)
        {
            _met = true;
            _misses = 0;
            return true;
        }
        if (++_misses >= (_met ? PageReconciler.MaxMovedPages : MissesToGiveUp)) On = false;
        return false;
    }

    /// <summary>A page asked for ahead was refused (a server that does not take an offset with a marker): no more reading ahead.</summary>
    public void Decline() => On = false;

    /// <summary>The page after the last record taken, asked for by its marker alone.</summary>
    public PageRequest Resume(int limit) => new(new PageCursor(_anchorEnd, _anchor), limit);
}
