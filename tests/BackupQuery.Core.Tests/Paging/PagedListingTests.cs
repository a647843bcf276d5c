using BackupQuery.Paging;

namespace BackupQuery.Core.Tests.Paging;

/// <summary>The pager against an in-memory "server" of N numbered records that records every request it gets.</summary>
public class PagedListingTests
{
    private sealed class FakeOffsetServer(int total, int serverCap = int.MaxValue)
    {
        public List<(long Offset, int Limit)> Requests { get; } = [];

        public Task<Page<int>> Fetch(PageCursor cursor, int limit, CancellationToken _)
        {
            lock (Requests) Requests.Add((cursor.Offset, limit));
            var take = (int)Math.Max(0, Math.Min(Math.Min(limit, serverCap), total - cursor.Offset));
            return Task.FromResult(new Page<int>(Enumerable.Range((int)cursor.Offset, take).ToList(), total));
        }
    }

    private sealed class FakeMarkerServer(int total)
    {
        public List<string?> Markers { get; } = [];

        public Task<Page<int>> Fetch(PageCursor cursor, int limit, CancellationToken _)
        {
            lock (Markers) Markers.Add(cursor.Marker);
            var start = cursor.Marker is null ? 0 : int.Parse(cursor.Marker) + 1;
            var items = Enumerable.Range(start, Math.Max(0, Math.Min(limit, total - start))).ToList();
            var next = start + items.Count < total ? items[^1].ToString() : null;
            return Task.FromResult(new Page<int>(items, null, next));
        }
    }

    private static async Task<List<int>> Collect(IAsyncEnumerable<int> stream)
    {
        var list = new List<int>();
        await foreach (var i in stream) list.Add(i);
        return list;
    }

    [Fact]
    public async Task StreamsEveryRecordOnceAcrossPages()
    {
        var server = new FakeOffsetServer(2500);
        var all = await Collect(PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.Offset, 1000, 1000, new PagingOptions(), readAhead: 1));
        Assert.Equal(Enumerable.Range(0, 2500), all);
        // A small first page (its total plans the rest), then full pages.
        Assert.Equal([(0L, 100), (100L, 1000), (1100L, 1000), (2100L, 1000)], server.Requests);
    }

    [Fact]
    public async Task Read_ahead_fills_the_gaps_of_pages_the_server_cut_short()
    {
        // The small first page cannot show the cap; planned pages come back short and their gaps are fetched in order.
        var server = new FakeOffsetServer(5000, serverCap: 300);
        var all = await Collect(PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.Offset, 1000, 1000, new PagingOptions(), readAhead: 4));
        Assert.Equal(Enumerable.Range(0, 5000), all);
    }

    [Fact]
    public async Task KeepsGoingWhenTheServerCapsAPageBelowTheAskedLimit()
    {
        var server = new FakeOffsetServer(450, serverCap: 100);
        var all = await Collect(PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.Offset, 1000, 1000, new PagingOptions(), readAhead: 1));
        Assert.Equal(Enumerable.Range(0, 450), all);
        Assert.Equal([0L, 100L, 200L, 300L, 400L], server.Requests.Select(r => r.Offset));
    }

    [Fact]
    public async Task FirstStopsRequestsUpstreamAndShrinksTheLastPage()
    {
        var server = new FakeOffsetServer(5000);
        var first = await Collect(PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.Offset, 1000, 1000, new PagingOptions { First = 10 }, readAhead: 1));
        Assert.Equal(Enumerable.Range(0, 10), first);
        Assert.Equal([(0L, 10)], server.Requests);

        var server2 = new FakeOffsetServer(5000);
        var some = await Collect(PagedListing.StreamAsync<int>(server2.Fetch, PagingStrategy.Offset, 1000, 1000, new PagingOptions { First = 1500 }, readAhead: 1));
        Assert.Equal(1500, some.Count);
        Assert.Equal([(0L, 100), (100L, 1000), (1100L, 400)], server2.Requests);
    }

    [Fact]
    public async Task SkipGoesToTheServerForOffsetApis()
    {
        var server = new FakeOffsetServer(100);
        var rest = await Collect(PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.Offset, 30, 30, new PagingOptions { Skip = 95 }, readAhead: 1));
        Assert.Equal([95, 96, 97, 98, 99], rest);
        Assert.Equal(95L, server.Requests[0].Offset);
    }

    [Fact]
    public async Task MarkerPagingFollowsMarkersAndSkipsClientSide()
    {
        var server = new FakeMarkerServer(25);
        var all = await Collect(PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.Marker, 10, 10, new PagingOptions { Skip = 12, First = 5 }, readAhead: 1));
        Assert.Equal([12, 13, 14, 15, 16], all);
        Assert.Equal([null, "9"], server.Markers);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public async Task Stops_at_the_first_empty_page_though_the_total_says_more(int readAhead)
    {
        // The total says 50,000, but the pages are empty from 2,100 on: a sequential reader stops there after 4 requests.
        var requests = new List<long>();
        Task<Page<int>> Fetch(PageCursor cursor, int limit, CancellationToken _)
        {
            lock (requests) requests.Add(cursor.Offset);
            var take = (int)Math.Max(0, Math.Min(limit, 2100 - cursor.Offset));
            return Task.FromResult(new Page<int>(Enumerable.Range((int)cursor.Offset, take).ToList(), 50_000));
        }

        var all = await Collect(PagedListing.StreamAsync<int>(Fetch, PagingStrategy.Offset, 1000, 1000, new PagingOptions(), readAhead));
        Assert.Equal(Enumerable.Range(0, 2100), all);
        // First page, then at most the pages in flight when the empty one came back (and their refills while the full ones were read).
        Assert.InRange(requests.Count, 4, 4 + readAhead + 1);
    }

    [Fact]
    public async Task A_single_page_listing_asks_once_and_applies_skip_and_first_here()
    {
        var calls = 0;
        Task<Page<int>> Fetch(PageCursor cursor, int limit, CancellationToken _)
        {
            calls++;
            return Task.FromResult(new Page<int>(Enumerable.Range(0, 50).ToList(), 50));
        }

        long? skipped = null;
        var some = await Collect(PagedListing.StreamAsync<int>(Fetch, PagingStrategy.SinglePage, int.MaxValue, int.MaxValue,
            new PagingOptions { Skip = 10, First = 5, OnSkipped = s => skipped = s }, readAhead: 8));
        Assert.Equal([10, 11, 12, 13, 14], some);
        Assert.Equal(1, calls);
        Assert.Equal(10, skipped);
    }

    [Fact]
    public async Task ReportsTotalAndProgress()
    {
        var server = new FakeOffsetServer(250);
        long? total = null;
        var progress = new List<ListingProgress>();
        await Collect(PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.Offset, 100, 100,
            new PagingOptions { OnTotal = t => total = t, OnProgress = progress.Add }, readAhead: 1));
        Assert.Equal(250, total);
        Assert.Equal([100L, 200L, 250L], progress.Select(p => p.Emitted));
        Assert.All(progress, p => Assert.Equal(250, p.Total));
    }

    [Fact]
    public async Task StoppingEarlyCancelsThePageInFlight()
    {
        var cancelled = new TaskCompletionSource<bool>();
        Task<Page<int>> Fetch(PageCursor cursor, int limit, CancellationToken ct)
        {
            if (cursor.Offset == 0) return Task.FromResult(new Page<int>(Enumerable.Range(0, limit).ToList(), 10_000));
            ct.Register(() => cancelled.TrySetResult(true));
            return Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => new Page<int>([], 10_000));
        }

        await foreach (var _ in PagedListing.StreamAsync<int>(Fetch, PagingStrategy.Offset, 100, 100, new PagingOptions(), readAhead: 1))
        {
            break;
        }
        Assert.True(await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
