using System.Collections.Concurrent;
using BackupQuery.Paging;

namespace BackupQuery.Core.Tests.Paging;

/// <summary>
/// Pages in flight are replies read only when the listing reaches them, and every reply is freed: read, abandoned
/// (the caller stopped early) or cancelled.
/// </summary>
public class PageReplyTests
{
    /// <summary>Offset pages of numbered records whose replies say when they were read and freed.</summary>
    private sealed class CountingServer(int total)
    {
        public ConcurrentQueue<Reply> Replies { get; } = new();

        public FetchedPage<int> Fetch(PageCursor cursor, int limit, CancellationToken _)
        {
            var take = (int)Math.Max(0, Math.Min(limit, total - cursor.Offset));
            var reply = new Reply(this, new Page<int>(Enumerable.Range((int)cursor.Offset, take).ToList(), total));
            Replies.Enqueue(reply);
            return new FetchedPage<int>(Task.FromResult<PageReply<int>>(reply), null);
        }

        /// <summary>Replies read so far, in the order they were read.</summary>
        public ConcurrentQueue<Reply> Read { get; } = new();

        public sealed class Reply(CountingServer server, Page<int> page) : PageReply<int>
        {
            public bool Disposed { get; private set; }
            public long Offset => page.Items.Count > 0 ? page.Items[0] : -1;

            public override ValueTask<Page<int>> ReadAsync(CancellationToken cancellationToken)
            {
                Assert.False(Disposed, "a reply read after it was freed");
                server.Read.Enqueue(this);
                return new(page);
            }

            public override void Dispose() => Disposed = true;
        }
    }

    [Fact]
    public async Task A_page_is_read_when_the_listing_reaches_it_not_when_it_arrives()
    {
        var server = new CountingServer(10_000);
        var enumerator = PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.Offset, 1000, 1000, new PagingOptions(), readAhead: 8)
            .GetAsyncEnumerator();

        // The first record of the second page: the first page planned eight more (all arrived at once), and taking the
        // second asked for one more.
        for (var i = 0; i <= 100; i++) Assert.True(await enumerator.MoveNextAsync());

        Assert.Equal(100, enumerator.Current);
        Assert.Equal(10, server.Replies.Count);
        Assert.Equal([0L, 100L], server.Read.Select(r => r.Offset));
        await enumerator.DisposeAsync();
    }

    [Fact]
    public async Task Every_reply_is_freed_whether_read_or_abandoned()
    {
        var server = new CountingServer(10_000);

        var some = new List<int>();
        await foreach (var i in PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.Offset, 1000, 1000, new PagingOptions(), readAhead: 8))
        {
            some.Add(i);
            if (some.Count == 1500) break;
        }

        Assert.Equal(Enumerable.Range(0, 1500), some);
        Assert.True(server.Replies.Count > server.Read.Count, "pages were in flight when the caller stopped");
        // Abandoned replies are freed as their fetches complete (here at once, on the thread pool).
        for (var wait = 0; wait < 100 && !server.Replies.All(r => r.Disposed); wait++) await Task.Delay(20);
        Assert.All(server.Replies, r => Assert.True(r.Disposed, $"the reply at {r.Offset} was not freed"));
    }
}
