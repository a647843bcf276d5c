using BackupQuery.Http;

namespace BackupQuery.Core.Tests.Http;

/// <summary>The adaptive limit on its own: slots, order, halving once per burst of throttles, growing back to the maximum.</summary>
public class ConcurrencyLimitTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Grants_up_to_the_limit_then_queues_in_arrival_order()
    {
        var limit = new ConcurrencyLimit(2);
        var a = await limit.AcquireAsync(None);
        var b = await limit.AcquireAsync(None);
        var c = limit.AcquireAsync(None);
        var d = limit.AcquireAsync(None);
        Assert.False(c.IsCompleted);
        Assert.Equal(2, limit.InFlight);

        a.Dispose();
        using var third = await c;
        Assert.False(d.IsCompleted);
        b.Dispose();
        using var fourth = await d;
        Assert.Equal(2, limit.InFlight);
    }

    [Fact]
    public async Task A_burst_of_throttles_halves_the_limit_once()
    {
        var limit = new ConcurrencyLimit(8);
        var leases = new List<ConcurrencyLimit.Lease>();
        for (var i = 0; i < 8; i++) leases.Add(await limit.AcquireAsync(None));

        // All eight were sent before the first 429 came back: one cut, not eight.
        foreach (var lease in leases) limit.OnThrottled(lease);
        Assert.Equal(4, limit.Current);
        Assert.Equal(1, limit.Reductions);

        // A request sent after the cut and throttled again cuts again.
        foreach (var lease in leases) lease.Dispose();
        using (var later = await limit.AcquireAsync(None)) limit.OnThrottled(later);
        Assert.Equal(2, limit.Current);
        using (var again = await limit.AcquireAsync(None)) limit.OnThrottled(again);
        using (var more = await limit.AcquireAsync(None)) limit.OnThrottled(more);
        Assert.Equal(1, limit.Current);
    }

    [Fact]
    public async Task Lowered_limit_admits_no_more_than_it_says()
    {
        var limit = new ConcurrencyLimit(4);
        var first = await limit.AcquireAsync(None);
        limit.OnThrottled(first);
        Assert.Equal(2, limit.Current);
        var second = await limit.AcquireAsync(None);
        var third = limit.AcquireAsync(None);
        Assert.False(third.IsCompleted);
        first.Dispose();
        (await third).Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task Successes_grow_the_limit_back_slowly_never_above_the_maximum()
    {
        var limit = new ConcurrencyLimit(4) { GrowthInterval = 10 };
        using (var lease = await limit.AcquireAsync(None)) limit.OnThrottled(lease);
        Assert.Equal(2, limit.Current);

        for (var i = 0; i < 9; i++) limit.OnSuccess();
        Assert.Equal(2, limit.Current);
        limit.OnSuccess();
        Assert.Equal(3, limit.Current);
        for (var i = 0; i < 100; i++) limit.OnSuccess();
        Assert.Equal(4, limit.Current);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_its_place()
    {
        var limit = new ConcurrencyLimit(1);
        var held = await limit.AcquireAsync(None);
        using var stop = new CancellationTokenSource();
        var waiting = limit.AcquireAsync(stop.Token);
        var next = limit.AcquireAsync(None);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        held.Dispose();
        using var granted = await next;
        Assert.Equal(1, limit.InFlight);
    }

    [Fact]
    public void The_maximum_is_at_least_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConcurrencyLimit(0));
    }
}
