using System.Diagnostics;
using BackupQuery.Http;

namespace BackupQuery.Core.Tests.Http;

/// <summary>The pace a connection learns from a gateway's throttles.</summary>
public class RequestPacerTests
{
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
    public async Task The_second_throttle_paces_just_below_what_was_served_between_the_two()
    {
        var pacer = new RequestPacer();
        for (var i = 0; i < 40; i++) pacer.OnSuccess();
        pacer.OnThrottled();
        Assert.NotNull(pacer.Rate);
        // 10 successes in about 0.5 s between two throttles: about 20 a second served, paced at 97% of it.
        await Task.Delay(500);
        for (var i = 0; i < 10; i++) pacer.OnSuccess();
        pacer.OnThrottled();
        Assert.InRange(pacer.Rate!.Value, 10 / 0.8 * RequestPacer.Backoff, 10 / 0.5 * RequestPacer.Backoff * 1.01);
    }

    [Fact]
    public void A_burst_of_throttles_measures_nothing_new()
    {
        var pacer = new RequestPacer();
        for (var i = 0; i < 40; i++) pacer.OnSuccess();
        pacer.OnThrottled();
        var rate = pacer.Rate!.Value;
        pacer.OnSuccess();
        pacer.OnThrottled();
        pacer.OnThrottled();
        Assert.InRange(pacer.Rate!.Value, rate * 0.999, rate * 1.01);
    }

    [Fact]
    public void A_throttle_with_too_few_successes_to_measure_does_not_pace()
    {
        var pacer = new RequestPacer();
        pacer.OnSuccess();
        pacer.OnThrottled();
        Assert.Null(pacer.Rate);
    }

    [Fact]
    public async Task Paced_requests_start_no_closer_than_the_pace()
    {
        var pacer = new RequestPacer();
        for (var i = 0; i < 5; i++) pacer.OnSuccess();
        await Task.Delay(1000);
        pacer.OnThrottled(); // 5 served over about a second
        var rate = pacer.Rate!.Value;
        Assert.InRange(rate, 1, 5 / 0.9);
        var clock = Stopwatch.StartNew();
        await pacer.WaitTurnAsync(CancellationToken.None);
        await pacer.WaitTurnAsync(CancellationToken.None);
        // Two turns: the first at once, the second one interval later.
        Assert.True(clock.Elapsed.TotalSeconds >= 1 / rate * 0.9, $"{clock.Elapsed.TotalSeconds} s at {rate}/s");

        // Waiting for a turn is cancellable.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pacer.WaitTurnAsync(cancel.Token));
    }
}
