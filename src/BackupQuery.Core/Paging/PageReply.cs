namespace BackupQuery.Paging;

/// <summary>
/// A page's reply as fetched, read into records only when the listing reaches it: pages in flight wait as bytes, and
/// only the page being consumed is objects (see <see cref="Http.ReplyBytes"/>). Dispose frees what an unread reply holds.
/// </summary>
internal abstract class PageReply<T> : IDisposable
{
    /// <summary>The page's records; called once.</summary>
    public abstract ValueTask<Page<T>> ReadAsync(CancellationToken cancellationToken);

    public virtual void Dispose()
    {
    }
}

internal static class PageReply
{
    /// <summary>A page already read (fetchers that hold records, not bytes).</summary>
    public static PageReply<T> Of<T>(Page<T> page) => new Read<T>(page);

    /// <summary>The page <paramref name="page"/> will give, as a reply.</summary>
    public static async Task<PageReply<T>> Of<T>(Task<Page<T>> page) => new Read<T>(await page.ConfigureAwait(false));

    private sealed class Read<T>(Page<T> page) : PageReply<T>
    {
        public override ValueTask<Page<T>> ReadAsync(CancellationToken cancellationToken) => new(page);
    }
}
