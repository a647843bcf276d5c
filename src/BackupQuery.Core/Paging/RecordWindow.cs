namespace BackupQuery.Paging;

/// <summary>
/// Which records of each page reach the caller: the first <c>-Skip</c> records are passed over here when the server
/// cannot skip them (marker paging), then records are taken up to <c>-First</c>.
/// </summary>
internal sealed class RecordWindow(long clientSkip, long? first)
{
    private readonly long _clientSkip = clientSkip;
    private long _toSkip = clientSkip;

    /// <summary>Records taken so far (counted when a page is taken, before its records are handed on).</summary>
    public long Taken { get; private set; }

    /// <summary>How many of <c>-Skip</c> were passed over here.</summary>
    public long SkippedHere => _clientSkip - _toSkip;

    /// <summary>True once <c>-First</c> records were taken.</summary>
    public bool IsFull => first is { } f && Taken >= f;

    /// <summary>True when <paramref name="count"/> more records could reach <c>-First</c> (records still to skip not counted off).</summary>
    public bool MayFillWith(int count) => first is { } f && Taken + count >= f;

    /// <summary>Of <paramref name="count"/> new records, the ones taken: after those still to skip, up to the <c>-First</c> bound.</summary>
    public (int Start, int Count) Take(int count)
    {
        var skipped = (int)Math.Min(_toSkip, count);
        _toSkip -= skipped;
        var taken = count - skipped;
        if (first is { } f) taken = (int)Math.Max(0, Math.Min(taken, f - Taken));
        Taken += taken;
        return (skipped, taken);
    }
}
