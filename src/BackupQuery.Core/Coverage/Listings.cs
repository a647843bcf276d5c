namespace BackupQuery.Coverage;

/// <summary>Draining listings for coverage: every record through a callback, or all of them into a list.</summary>
internal static class Listings
{
    public static async Task ForEachAsync<T>(IAsyncEnumerable<T> listing, Action<T> each, CancellationToken cancellationToken)
    {
        await foreach (var item in listing.WithCancellation(cancellationToken).ConfigureAwait(false)) each(item);
    }

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> listing, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        await ForEachAsync(listing, items.Add, cancellationToken).ConfigureAwait(false);
        return items;
    }
}
