using System.Net;
using BackupQuery.Http;
using BackupQuery.Paging;

namespace BackupQuery.Core.Tests.Paging;

/// <summary>
/// Marker paging read ahead (<see cref="PagingStrategy.MarkerAndOffset"/>): the pages after the last one taken are asked
/// for at once by offset after its marker, and a page is kept only when it starts with the last record taken.
/// </summary>
public class MarkerReadAheadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>How a server takes <c>offset</c> with <c>marker</c>.</summary>
    private enum OffsetAfterMarker
    {
        /// <summary>As Cinder: the records after the marker, then <c>offset</c> of them passed over.</summary>
        PassesOver,
        /// <summary>Ignores it: the records right after the marker.</summary>
        Ignores,
        /// <summary>Answers 400.</summary>
        Refuses,
    }

    /// <summary>
    /// An ordered, changeable list of record ids served by marker (the last id) and offset. A reply is made when it is
    /// asked for and handed over a little later, so that the pages asked for at once are in flight together. Records
    /// every request and how many were in flight at most.
    /// </summary>
    private sealed class MarkerServer(IEnumerable<int> ids, OffsetAfterMarker offsets = OffsetAfterMarker.PassesOver, int cap = int.MaxValue)
    {
        private readonly List<int> _ids = ids.ToList();
        private int _inFlight;

        public List<(string? Marker, int Offset, int Limit)> Requests { get; } = [];
        public int MostInFlight { get; private set; }

        /// <summary>Runs before the reply to the request of that number (0-based) is made: data that moves.</summary>
        public Dictionary<int, Action<List<int>>> Changes { get; } = [];

        public async Task<Page<int>> Fetch(PageCursor cursor, int limit, CancellationToken cancellationToken)
        {
            Page<int>? page = null;
            ApiException? refused = null;
            lock (Requests)
            {
                if (Changes.TryGetValue(Requests.Count, out var change)) change(_ids);
                Requests.Add((cursor.Marker, cursor.MarkerOffset, limit));
                MostInFlight = Math.Max(MostInFlight, ++_inFlight);
                var start = cursor.Marker is null ? 0 : _ids.IndexOf(int.Parse(cursor.Marker)) + 1;
                if (cursor.MarkerOffset > 0 && offsets == OffsetAfterMarker.Refuses)
                    refused = new ApiException(ApiErrorKind.InvalidArgument, "Test", "ListBackups", HttpStatusCode.BadRequest, "VolumeBackup.0036", "offset", null);
                else if (start == 0 && cursor.Marker is not null)
                    refused = new ApiException(ApiErrorKind.InvalidArgument, "Test", "ListBackups", HttpStatusCode.BadRequest, null, "no such marker", null);
                else
                {
                    if (offsets == OffsetAfterMarker.PassesOver) start += cursor.MarkerOffset;
                    var items = _ids.Skip(start).Take(Math.Min(limit, cap)).ToList();
                    var next = items.Count > 0 && start + items.Count < _ids.Count ? items[^1].ToString() : null;
                    page = items.Count == 0
                        ? new Page<int>(items, null, next)
                        : new Page<int>(items, null, next, items[0].ToString(), items[^1].ToString());
                }
            }
            try
            {
                await Task.Delay(5, cancellationToken);
                return page ?? throw refused!;
            }
            finally
            {
                lock (Requests) _inFlight--;
            }
        }
    }

    private static async Task<List<int>> List(MarkerServer server, PagingOptions? options = null, int pageSize = 10, int readAhead = 4)
    {
        var list = new List<int>();
        await foreach (var i in PagedListing.StreamAsync<int>(server.Fetch, PagingStrategy.MarkerAndOffset, pageSize, 1000, options ?? new PagingOptions(), readAhead)
            .WithCancellation(CancellationToken.None)) list.Add(i);
        return list;
    }

    [Fact]
    public async Task Pages_after_the_first_are_asked_for_at_once_from_its_marker_each_overlapping_the_one_before()
    {
        var server = new MarkerServer(Enumerable.Range(0, 95));
        var all = await List(server).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 95), all);
        Assert.True(server.MostInFlight >= 3, $"at most {server.MostInFlight} in flight");
        // The first page alone; then the page after its last record (9) by marker and one more by offset from the same
        // marker, starting with the last record of the one before (10 a page: 9 new records each); each page taken lets
        // one more go out, from the marker of the last record taken (19, 20 records listed: offset 8 starts at 28).
        Assert.Equal([(null, 0, 10), ("9", 0, 10), ("9", 9, 10), ("19", 8, 10), ("19", 17, 10)], server.Requests.Take(5));
        Assert.All(server.Requests, r => Assert.Equal(10, r.Limit));
    }

    [Fact]
    public async Task Without_read_ahead_each_page_follows_the_one_before()
    {
        var server = new MarkerServer(Enumerable.Range(0, 35));
        var all = await List(server, readAhead: 1).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 35), all);
        Assert.Equal(1, server.MostInFlight);
        Assert.All(server.Requests, r => Assert.Equal(0, r.Offset));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_server_that_ignores_or_refuses_the_offset_costs_requests_not_records_and_reading_ahead_stops(bool refuses)
    {
        var server = new MarkerServer(Enumerable.Range(0, 200), refuses ? OffsetAfterMarker.Refuses : OffsetAfterMarker.Ignores);
        var all = await List(server).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 200), all);
        // Ignored: two misses (a batch of pages ahead each); refused: the first refusal. Then page by page, without offsets.
        Assert.Equal(0, server.Requests[^1].Offset);
        Assert.True(server.Requests.Count(r => r.Offset > 0) <= (refuses ? 1 : 2) * 4, string.Join(" ", server.Requests));
    }

    [Fact]
    public async Task Records_removed_or_added_ahead_while_pages_are_in_flight_are_neither_lost_nor_repeated()
    {
        // Newest first, as VBS lists: records are added at the head (before the marker: no effect) and one ahead of the
        // marker is removed while later pages are in flight, so those pages start one record late and are asked again.
        var server = new MarkerServer(Enumerable.Range(0, 150));
        server.Changes[2] = ids => ids.Insert(0, 1000);
        server.Changes[3] = ids => ids.Remove(25);
        var all = await List(server).WaitAsync(Patience);

        var expected = Enumerable.Range(0, 150).Where(i => i != 25);
        Assert.Equal(expected, all.Where(i => i != 25));
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Contains(server.Requests.Skip(4), r => r.Offset == 0 && r.Marker is not null); // asked again from the last record taken
    }

    [Fact]
    public async Task A_server_cap_below_the_page_size_is_learnt_from_the_first_page()
    {
        var server = new MarkerServer(Enumerable.Range(0, 100), cap: 7);
        var all = await List(server).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 100), all);
        Assert.Equal(("6", 6), (server.Requests[2].Marker, server.Requests[2].Offset));
    }

    [Fact]
    public async Task Skip_and_First_hold_and_no_page_is_asked_for_past_what_First_needs()
    {
        var server = new MarkerServer(Enumerable.Range(0, 500));
        var all = await List(server, new PagingOptions { Skip = 13, First = 25 }).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(13, 25), all);
        Assert.True(server.Requests.Count <= 6, string.Join(" ", server.Requests));
    }

    [Fact]
    public async Task The_last_page_ends_the_listing_and_drops_what_was_asked_for_past_it()
    {
        var server = new MarkerServer(Enumerable.Range(0, 19));
        var all = await List(server).WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(0, 19), all);
    }
}
