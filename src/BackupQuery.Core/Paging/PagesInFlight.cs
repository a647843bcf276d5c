namespace BackupQuery.Paging;

/// <summary>A page requested and not yet consumed: what was asked for, its reply to come, and (marker paging) the next
/// marker as soon as it is read off the reply, before the page is parsed.</summary>
internal readonly record struct Pending<T>(PageRequest Request, Task<PageReply<T>> Reply, Task<string?>? NextMarker);

/// <summary>A page on its way: its reply, and perhaps its next marker sooner (null when the fetch cannot tell it early).</summary>
internal readonly record struct FetchedPage<T>(Task<PageReply<T>> Reply, Task<string?>? NextMarker);

/// <summary>Fetches one page, as <see cref="PageFetcher{T}"/>, telling its next marker early where it can.</summary>
internal delegate FetchedPage<T> EarlyPageFetcher<T>(PageCursor cursor, int limit, CancellationToken cancellationToken);

/// <summary>
/// The pages a listing has asked for and not yet consumed, in the order they will be consumed. Disposing it (done,
/// failed, or the caller stopped early) cancels every page still in flight.
/// </summary>
internal sealed class PagesInFlight<T>(EarlyPageFetcher<T> fetch, CancellationToken cancellationToken) : IDisposable
{
    private readonly LinkedList<Pending<T>> _pages = new();
    private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

    public int Count => _pages.Count;

    /// <summary>Asks for a page, to be consumed after those already in flight.</summary>
    public void Add(PageRequest request) => _pages.AddLast(Start(request));

    /// <summary>Asks for a page, to be consumed before every other.</summary>
    public void AddFirst(PageRequest request) => _pages.AddFirst(Start(request));

    /// <summary>Puts a page already fetched back at the head, to be consumed again.</summary>
    public void PutBack(Pending<T> pending) => _pages.AddFirst(pending);

    public Pending<T>? TakeNext()
    {
        if (_pages.First is not { } head) return null;
        _pages.RemoveFirst();
        return head.Value;
    }

    /// <summary>Drops every page in flight: their replies (freed as they come) or failures are no longer wanted.</summary>
    public void Abandon()
    {
        foreach (var pending in _pages)
        {
            _ = pending.Reply.ContinueWith(static t =>
            {
                if (t.Status == TaskStatus.RanToCompletion) t.Result.Dispose();
                else _ = t.Exception;
            }, TaskScheduler.Default);
        }
        _pages.Clear();
    }

    public void Dispose()
    {
        _cancel.Cancel();
        Abandon();
        _cancel.Dispose();
    }

    private Pending<T> Start(PageRequest request)
    {
        var fetched = fetch(request.Cursor, request.Limit, _cancel.Token);
        return new(request, fetched.Reply, fetched.NextMarker);
    }
}
