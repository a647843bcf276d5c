using System.Diagnostics;
using BackupQuery.Http;

namespace BackupQuery.Core.Tests.Http;

/// <summary>The pace a connection learns from a gateway's throttles, on a clock the test moves.</summary>
public class RequestPacerTests
{
    private TimeSpan _now = TimeSpan.FromSeconds(10);

    private RequestPacer NewPacer() => new(() => _now);

    private void Advance(double seconds) => _now += TimeSpan.FromSeconds(seconds);

    /// <summary><paramref name="count"/> requests sent now that succeed.</summary>
    private void Served(RequestPacer pacer, int count)
    {
        for (var i = 0; i < count; i++) pacer.OnSuccess(_now);
    }

    [Fact]
    public async Task Unpaced_until_the_first_throttle()
    {
        var pacer = new RequestPacer();
        Assert.Null(pacer.Rate);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++) await pacer.WaitTurnAsync(CancellationToken.None);
        Assert.True(clock.ElapsedMilliseconds < 1000);
    }

    [Fact]
    public void The_second_throttle_paces_just_below_what_was_served_between_the_two()
    {
        var pacer = NewPacer();
        Served(pacer, 40);
        pacer.OnThrottled(_now);
        Assert.NotNull(pacer.Rate);
        // 22 requests sent and served over 1.1 s after the first throttle: 20 a second, paced at 97% of it.
        for (var i = 0; i < 22; i++)
        {
            Advance(0.05);
            pacer.OnSuccess(_now);
        }
        pacer.OnThrottled(_now);
        Assert.Equal(20 * RequestPacer.Backoff, pacer.Rate!.Value, 3);
    }

    [Fact]
    public void Successes_of_requests_sent_before_a_measurement_do_not_count_towards_the_rate_served()
    {
        // The requests in flight when the gateway throttled were let through its bucket before it emptied: counting
        // them would pace above the rate (the first measurements of a bench run paced at 26/s under a limit of 20/s).
        var pacer = NewPacer();
        Served(pacer, 40);
        var beforeTheThrottle = _now;
        Advance(0.05);
        pacer.OnThrottled(_now);
        Advance(0.1);
        for (var i = 0; i < 8; i++) pacer.OnSuccess(beforeTheThrottle);
        for (var i = 0; i < 20; i++)
        {
            Advance(0.05);
            pacer.OnSuccess(_now);
        }
        pacer.OnThrottled(_now);
        Assert.Equal(20 / 1.1 * RequestPacer.Backoff, pacer.Rate!.Value, 3);
    }

    [Fact]
    public void A_throttle_of_a_request_sent_at_the_pace_before_measures_nothing()
    {
        var pacer = NewPacer();
        Served(pacer, 40);
        var beforeTheThrottle = _now;
        Advance(0.05);
        pacer.OnThrottled(_now);
        Advance(2);
        Served(pacer, 30);
        var rate = pacer.Rate!.Value;
        pacer.OnThrottled(beforeTheThrottle);
        Assert.Equal(rate, pacer.Rate!.Value, 6);
    }

    [Fact]
    public void A_burst_of_throttles_measures_nothing_new()
    {
        var pacer = NewPacer();
        Served(pacer, 40);
        pacer.OnThrottled(_now);
        var rate = pacer.Rate!.Value;
        pacer.OnSuccess(_now);
        pacer.OnThrottled(_now);
        pacer.OnThrottled(_now);
        Assert.Equal(rate, pacer.Rate!.Value, 6);
    }

    [Fact]
    public void A_throttle_with_too_few_successes_to_measure_does_not_pace()
    {
        var pacer = NewPacer();
        pacer.OnSuccess(_now);
        pacer.OnThrottled(_now);
        Assert.Null(pacer.Rate);
    }

    [Fact]
    public void Throttles_that_come_whatever_the_pace_do_not_drive_it_down()
    {
        // One request in five throttled at random, at any rate: the first cut makes them no rarer, so it is undone.
        var pacer = NewPacer();
        Served(pacer, 40);
        for (var i = 0; i < 10; i++) pacer.OnThrottled(_now);
        var first = pacer.Rate!.Value;
        Advance(2);
        Served(pacer, 40);
        for (var i = 0; i < 9; i++) pacer.OnThrottled(_now);
        Assert.True(pacer.Rate!.Value < first, "the second throttle cuts");
        Advance(2);
        Served(pacer, 20);
        for (var i = 0; i < 5; i++) pacer.OnThrottled(_now);
        Assert.True(pacer.Rate!.Value > first, $"the cut is undone: {pacer.Rate} against {first}");
    }

    [Fact]
    public void Rare_throttles_at_the_gateways_rate_keep_the_pace_at_it()
    {
        // Paced at the rate, a throttle comes once per probe cycle, each as rare as the last: that is the pace working,
        // not throttles at random, so the pace stays just below the rate rather than being put back above it.
        var pacer = NewPacer();
        Served(pacer, 40);
        pacer.OnThrottled(_now);
        for (var cycle = 0; cycle < 4; cycle++)
        {
            for (var i = 0; i < 500; i++)
            {
                Advance(0.05);
                pacer.OnSuccess(_now);
            }
            pacer.OnThrottled(_now);
            Assert.Equal(20 * RequestPacer.Backoff, pacer.Rate!.Value, 3);
        }
    }

    /// <summary>Paced at 97% of 20 a second, measured at the second throttle; the clock stands at that throttle.</summary>
    private RequestPacer PacedAtTwenty()
    {
        var pacer = NewPacer();
        Served(pacer, 40);
        pacer.OnThrottled(_now);
        for (var i = 0; i < 20; i++)
        {
            Advance(0.05);
            pacer.OnSuccess(_now);
        }
        pacer.OnThrottled(_now);
        Assert.Equal(20 * RequestPacer.Backoff, pacer.Rate!.Value, 3);
        return pacer;
    }

    [Fact]
    public void A_quiet_spell_between_listings_does_not_count_towards_the_rate_served()
    {
        // Paced at 20 a second, the connection lists again after five quiet minutes and meets a 429: the rate served is
        // what the gateway gave this listing, not its requests spread over the quiet minutes (that would pace at 1/s).
        var pacer = PacedAtTwenty();
        Advance(300);
        for (var i = 0; i < 40; i++)
        {
            Advance(0.05);
            pacer.OnSuccess(_now);
        }
        pacer.OnThrottled(_now);
        Assert.Equal(39 / 1.95 * RequestPacer.Backoff, pacer.Rate!.Value, 3);
    }

    [Fact]
    public async Task A_turn_given_before_a_throttle_cut_the_pace_is_given_again_at_the_new_pace()
    {
        var pacer = PacedAtTwenty();
        Advance(1);
        await pacer.WaitTurnAsync(CancellationToken.None);
        var waiting = pacer.WaitTurnAsync(CancellationToken.None).AsTask(); // due one interval of 19.4/s from now
        Served(pacer, 10);
        pacer.OnThrottled(_now); // 10 a second served: the pace is cut while the turn waits
        var rate = pacer.Rate!.Value;
        Assert.True(rate < 10, $"{rate}");
        Assert.Equal(1 / rate, ((await waiting) - _now).TotalSeconds, 3);
    }

    [Fact]
    public async Task Paced_requests_start_no_closer_than_the_pace()
    {
        var pacer = new RequestPacer();
        for (var i = 0; i < 5; i++) pacer.OnSuccess(TimeSpan.Zero);
        await Task.Delay(1000);
        pacer.OnThrottled(TimeSpan.Zero); // 5 served over about a second
        var rate = pacer.Rate!.Value;
        Assert.InRange(rate, 1, 5 / 0.9);
        var clock = Stopwatch.StartNew();
        var first = await pacer.WaitTurnAsync(CancellationToken.None);
        var second = await pacer.WaitTurnAsync(CancellationToken.None);
        // Two turns: the first at once, the second one interval later.
        Assert.True(clock.Elapsed.TotalSeconds >= 1 / rate * 0.9, $"{clock.Elapsed.TotalSeconds} s at {rate}/s");
        Assert.Equal(1 / rate, (second - first).TotalSeconds, 3);

        // Waiting for a turn is cancellable.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pacer.WaitTurnAsync(cancel.Token));
    }
}
