using BackupQuery.Paging;

namespace BackupQuery.Core.Tests.Paging;

/// <summary>
/// Marker paging where a fetch tells the next marker before its page is read (VBS reads it off the reply's bytes): the
/// next page goes out then, and is kept only if the page, once read, names the same marker.
/// </summary>
public class EarlyMarkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// N numbered records, pages of records after a marker (the last id). A page's records are held back until the next
    /// page has been asked for (the last page's at once), so a listing that waits for the records before asking for the
    /// next page never ends; unless <paramref name="hold"/> is false. <paramref name="tell"/> says which marker the fetch
    /// tells early (null: none).
    /// </summary>
    private sealed class HoldingMarkerServer(int total, Func<string?, string?>? tell = null, bool hold = true)
    {
        private TaskCompletionSource<bool>? _asked;

        public List<string?> Markers { get; } = [];

        public FetchedPage<int> Fetch(PageCursor cursor, int limit, CancellationToken _)
        {
            lock (Markers) Markers.Add(cursor.Marker);
            _asked?.TrySetResult(true);
            var start = cursor.Marker is null ? 0 : int.Parse(cursor.Marker) + 1;
            var items = Enumerable.Range(start, Math.Max(0, Math.Min(limit, total - start))).ToList();
            var next = start + items.Count < total ? items[^1].ToString() : null;
            var asked = _asked = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var early = Task.FromResult(tell is null ? next : tell(next));
            return new FetchedPage<int>(PageReply.Of(Hold()), early);

            async Task<Page<int>> Hold()
            {
                if (hold && next is not null) await asked.Task.WaitAsync(Patience);
                return new Page<int>(items, null, next);
            }
        }
    }

    private static async Task<List<int>> Collect(IAsyncEnumerable<int> stream)
    {
        var list = new List<int>();
        await foreach (var i in stream) list.Add(i);
        return list;
    }

    private static IAsyncEnumerable<int> List(HoldingMarkerServer server, PagingOptions? options = null) =>
        PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.Marker, 10, 10, options ?? new PagingOptions(), readAhead: 8);

    [Fact]
    public async Task The_next_page_is_asked_for_before_this_page_is_read()
    {
        var server = new HoldingMarkerServer(35);
        var all = await Collect(List(server)).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 35), all);
        Assert.Equal([null, "9", "19", "29"], server.Markers);
    }

    [Fact]
    public async Task A_wrong_early_marker_is_dropped_and_the_read_page_is_followed()
    {
        // The bytes named another marker than the page once read: that request is dropped, and the page's own is asked.
        var server = new HoldingMarkerServer(25, next => next is null ? null : "4");
        var all = await Collect(List(server)).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 25), all);
        Assert.Equal([null, "4", "9", "4", "19"], server.Markers);
    }

    [Fact]
    public async Task No_early_request_when_the_page_may_reach_First()
    {
        var server = new HoldingMarkerServer(35, hold: false);
        var all = await Collect(List(server, new PagingOptions { First = 10 })).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 10), all);
        Assert.Equal([null], server.Markers);
    }

    [Fact]
    public async Task Skip_and_First_apply_across_early_pages()
    {
        // Early while the records to come cannot reach -First (the first two pages), not after.
        var server = new HoldingMarkerServer(35, hold: false);
        var all = await Collect(List(server, new PagingOptions { Skip = 12, First = 15 })).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(12, 15), all);
        Assert.Equal([null, "9", "19"], server.Markers);
    }
}
