namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>One key of a requested sort order: a value extractor and a direction.</summary>
internal sealed record SortKey<T>(Func<T, IComparable?> Value, bool Descending);

/// <summary>The order of a listing: the dataset's own order (optionally reversed) or an explicit key list.</summary>
internal sealed record SortOrder<T>(IReadOnlyList<SortKey<T>> Keys, bool Natural, bool Reversed)
{
    /// <summary>Dataset order = the services' default (newest first).</summary>
    public static SortOrder<T> Default { get; } = new([], true, false);

    /// <summary>Dataset order reversed (oldest first): still O(limit) per page.</summary>
    public static SortOrder<T> Oldest { get; } = new([], true, true);

    public static SortOrder<T> By(IReadOnlyList<SortKey<T>> keys) => new(keys, false, false);
}
