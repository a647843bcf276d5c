namespace BackupQuery.Paging;

/// <summary>Where a page starts: a record offset (start/limit, offset/limit APIs) or a marker (VBS).</summary>
/// <param name="Offset">Offset paging: the server's offset. Marker paging: records listed before the page (its place in the listing).</param>
/// <param name="Marker">Marker paging: the marker of the record the page follows; null for the first page.</param>
/// <param name="MarkerOffset">Marker paging read ahead: records the server passes over after the marker.</param>
internal readonly record struct PageCursor(long Offset, string? Marker, int MarkerOffset = 0);

/// <summary>One page as a service returned it, already mapped to records.</summary>
/// <param name="Items">The page's records, in the order the service sent them.</param>
/// <param name="Total">Total number of matches when the API reports it.</param>
/// <param name="NextMarker">For marker paging: where the next page starts; null when no more remain.</param>
/// <param name="FirstMarker">For marker paging read ahead: the marker that names the page's first record.</param>
/// <param name="LastMarker">For marker paging read ahead: the marker that names the page's last record.</param>
internal sealed record Page<T>(IReadOnlyList<T> Items, long? Total, string? NextMarker = null, string? FirstMarker = null, string? LastMarker = null);

/// <summary>How far a listing has come, for progress bars.</summary>
internal readonly record struct ListingProgress(int Pages, long Emitted, long? Total);

/// <summary>What the caller asked of a listing: PowerShell's -Skip/-First/-PageSize, and who hears about progress.</summary>
internal sealed class PagingOptions
{
    public long Skip { get; init; }
    public long? First { get; init; }
    public int? PageSize { get; init; }
    public Action<long>? OnTotal { get; init; }
    /// <summary>At the end of a whole listing: how many matches -Skip passed over (several connections share one -Skip).</summary>
    public Action<long>? OnSkipped { get; init; }
    public Action<ListingProgress>? OnProgress { get; init; }
}
