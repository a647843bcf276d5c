namespace BackupQuery.Paging;

/// <summary>How an API pages: the strategies differ in who skips, whether a page can be asked for by where it starts, and how the next page is found.</summary>
internal abstract class PagingStrategy
{
    /// <summary>ZStack start/limit with replyWithCount, Huawei offset/limit with a total: the server skips.</summary>
    public static readonly PagingStrategy Offset = new OffsetStrategy();

    /// <summary>Marker links: the next page starts after the last id; -Skip is applied here.</summary>
    public static readonly PagingStrategy Marker = new MarkerStrategy(offsetsAfterMarker: false);

    /// <summary>
    /// VBS: marker links, and the server passes over <c>offset</c> records after the marker (as Cinder does), so the pages
    /// after the last one taken can be asked for at once (<see cref="MarkerReadAhead"/>).
    /// </summary>
    public static readonly PagingStrategy MarkerAndOffset = new MarkerStrategy(offsetsAfterMarker: true);

    /// <summary>One reply holds the whole listing (the ZStack image-store scan): -Skip and -First are applied here.</summary>
    public static readonly PagingStrategy SinglePage = new SinglePageStrategy();

    internal abstract bool ServerSkips { get; }

    /// <summary>True when any page can be asked for by where it starts, so pages can be fetched ahead in parallel once the total is known.</summary>
    internal abstract bool CanAddressPages { get; }

    /// <summary>True when a page is asked for by the marker of the record before it.</summary>
    internal virtual bool UsesMarkers => false;

    /// <summary>True when the server also passes over <c>offset</c> records after a marker.</summary>
    internal virtual bool OffsetsAfterMarker => false;

    /// <summary>The cursor after <paramref name="page"/>, or null when the listing is complete.</summary>
    internal abstract PageCursor? Next<T>(PageCursor current, Page<T> page, int requested);

    private sealed class OffsetStrategy : PagingStrategy
    {
        internal override bool ServerSkips => true;
        internal override bool CanAddressPages => true;

        internal override PageCursor? Next<T>(PageCursor current, Page<T> page, int requested)
        {
            if (page.Items.Count == 0) return null;
            var next = current.Offset + page.Items.Count;
            // With a total, loop until it is reached (a server may cap a page below what was asked); without one, a short page ends it.
            if (page.Total is { } total) return next < total ? new PageCursor(next, null) : null;
            return page.Items.Count < requested ? null : new PageCursor(next, null);
        }
    }

    private sealed class MarkerStrategy(bool offsetsAfterMarker) : PagingStrategy
    {
        internal override bool ServerSkips => false;
        internal override bool CanAddressPages => false;
        internal override bool UsesMarkers => true;
        internal override bool OffsetsAfterMarker => offsetsAfterMarker;

        internal override PageCursor? Next<T>(PageCursor current, Page<T> page, int requested) =>
            page.Items.Count == 0 || string.IsNullOrEmpty(page.NextMarker) ? null : new PageCursor(current.Offset + page.Items.Count, page.NextMarker);
    }

    private sealed class SinglePageStrategy : PagingStrategy
    {
        internal override bool ServerSkips => false;
        internal override bool CanAddressPages => false;

        internal override PageCursor? Next<T>(PageCursor current, Page<T> page, int requested) => null;
    }
}
