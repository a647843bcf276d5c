using BackupQuery.Http;
using BackupQuery.Paging;

namespace BackupQuery.Core.Tests.Paging;

/// <summary>The pager's parts, each on its own: the plan of pages, the placement of moving data, the -Skip/-First window.</summary>
public class PagerPartsTests
{
    [Fact]
    public void Plan_starts_small_then_steps_full_pages_to_the_total()
    {
        var plan = new PagePlan(PagingStrategy.Offset, pageSize: 1000, start: 0, first: null, readAhead: 8);
        var first = plan.First();
        Assert.Equal(new PageRequest(new PageCursor(0, null), 100), first);
        Assert.False(plan.ReadsAhead);
        plan.Plan(first, received: 100, total: 2500);
        Assert.True(plan.ReadsAhead);
        Assert.Equal([(100L, 1000), (1100L, 1000), (2100L, 400)], Drain(plan));
        Assert.Null(plan.Next());
    }

    [Fact]
    public void Plan_takes_a_server_cap_as_its_step_and_stops_at_the_first_bound()
    {
        var plan = new PagePlan(PagingStrategy.Offset, pageSize: 1000, start: 50, first: 300, readAhead: 8);
        var first = plan.First();
        Assert.Equal(new PageRequest(new PageCursor(50, null), 100), first);
        plan.Plan(first, received: 40, total: 10_000); // the server gave 40 of 100: its cap
        Assert.Equal([(90L, 40), (130L, 40), (170L, 40), (210L, 40), (250L, 40), (290L, 40), (330L, 20)], Drain(plan));
    }

    [Fact]
    public void Plan_fills_the_gap_of_a_short_page_and_reads_nothing_ahead_when_told_not_to()
    {
        var plan = new PagePlan(PagingStrategy.Offset, pageSize: 100, start: 0, first: null, readAhead: 4);
        var first = plan.First();
        plan.Plan(first, received: 100, total: 1000);
        var second = plan.Next()!.Value;
        Assert.Equal(new PageRequest(new PageCursor(130, null), 70), plan.GapAfter(second, received: 30));
        Assert.Null(plan.GapAfter(second, received: 100));
        plan.StopReadingAhead();
        Assert.Null(plan.Next());
        Assert.Null(plan.GapAfter(second, received: 30));
    }

    [Theory]
    [InlineData(1)] // one page in flight: page after page
    [InlineData(8)]
    public void Plan_reads_ahead_only_where_pages_are_addressable(int readAhead)
    {
        foreach (var strategy in new[] { PagingStrategy.Marker, PagingStrategy.SinglePage })
        {
            var plan = new PagePlan(strategy, pageSize: 500, start: 0, first: 20, readAhead);
            Assert.Equal(500, plan.First().Limit); // no small first page: nothing is planned from its total
            plan.Plan(plan.First(), received: 500, total: 9000);
            Assert.False(plan.ReadsAhead);
            Assert.Equal(500, plan.LimitFor(10)); // the client skips, so pages stay whole
        }
        var offset = new PagePlan(PagingStrategy.Offset, pageSize: 500, start: 0, first: 20, readAhead);
        Assert.Equal(20, offset.First().Limit);
        Assert.Equal(10, offset.LimitFor(10));
    }

    [Fact]
    public void Reconciler_drops_what_was_emitted_and_asks_for_what_moved_past()
    {
        var placement = new PageReconciler(start: 0, initialTotal: 1000);
        Assert.Equal(new Placement(false, 0, null), placement.Place(offset: 0, servedTotal: 1000, count: 100));
        // 30 records were added at the head: the page at 100 now holds records 70..169, of which 70..99 were emitted.
        Assert.Equal(new Placement(true, 30, null), placement.Place(offset: 100, servedTotal: 1030, count: 100));
        Assert.Equal(30, placement.Moved);
        Assert.Equal(new PageCursor(200, null), placement.Resume);
        // 50 more: a page at 300 starts at record 220, past the 170 placed: fetch 170.. (now at 220) first.
        var gap = placement.Place(offset: 300, servedTotal: 1080, count: 100);
        Assert.Equal(new Placement(true, 0, new PageCursor(250, null)), gap);
    }

    [Fact]
    public void Reconciler_gives_up_when_the_listing_keeps_moving()
    {
        var placement = new PageReconciler(start: 0, initialTotal: 100);
        placement.Place(0, 100, 10);
        var error = Assert.Throws<BackupQueryException>(() =>
        {
            // Every page is the same ten records again: the head grows by ten each time.
            for (var i = 1; i <= PageReconciler.MaxMovedPages + 1; i++) placement.Place(offset: 10 * i, servedTotal: 100 + 10 * i, count: 10);
        });
        Assert.Equal(ApiErrorKind.ServiceUnavailable, error.Kind);
        Assert.Contains($"{PageReconciler.MaxMovedPages + 1} pages in a row", error.Message);
    }

    [Fact]
    public void Window_skips_then_takes_up_to_first()
    {
        var window = new RecordWindow(clientSkip: 25, first: 30);
        Assert.Equal((10, 0), window.Take(10));
        Assert.Equal((10, 0), window.Take(10));
        Assert.Equal((5, 5), window.Take(10));
        Assert.False(window.IsFull);
        Assert.Equal((0, 25), window.Take(100));
        Assert.True(window.IsFull);
        Assert.Equal((0, 0), window.Take(10));
        Assert.Equal((30L, 25L), (window.Taken, window.SkippedHere));
    }

    [Fact]
    public void Window_without_bounds_takes_everything()
    {
        var window = new RecordWindow(0, null);
        Assert.Equal((0, 7), window.Take(7));
        Assert.False(window.IsFull);
    }

    private static List<(long, int)> Drain(PagePlan plan)
    {
        var pages = new List<(long, int)>();
        while (plan.Next() is { } page) pages.Add((page.Cursor.Offset, page.Limit));
        return pages;
    }
}
