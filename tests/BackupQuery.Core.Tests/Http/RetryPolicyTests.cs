using BackupQuery.Http;

namespace BackupQuery.Core.Tests.Http;

/// <summary>When a failed request is tried again: backoff, Retry-After, the count for requests on their own, the time without progress.</summary>
public class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(500),
        MaxDelay = TimeSpan.FromSeconds(30),
        MaxAttempts = 4,
        MaxTotalWait = TimeSpan.FromSeconds(120),
    };

    [Theory]
    [InlineData(1, 0.0, 250)] // first retry: half of the base at the least
    [InlineData(1, 0.999, 500)]
    [InlineData(2, 0.0, 500)]
    [InlineData(3, 0.5, 1500)]
    [InlineData(20, 0.999, 29_985)] // capped by MaxDelay (30 s)
    public void Backoff_doubles_with_full_jitter_up_to_the_cap(int failures, double jitter, int expectedMs)
    {
        var delay = Policy.NextDelay(failures, counted: null, stalled: TimeSpan.Zero, retryAfter: null, jitter);
        Assert.NotNull(delay);
        Assert.InRange(delay!.Value.TotalMilliseconds, expectedMs - 1, expectedMs + 1);
    }

    [Fact]
    public void Retry_after_is_what_the_server_asked_for_capped_by_max_delay()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), Policy.NextDelay(1, null, TimeSpan.Zero, TimeSpan.FromSeconds(7), 0.9));
        Assert.Equal(TimeSpan.Zero, Policy.NextDelay(3, null, TimeSpan.Zero, TimeSpan.Zero, 0.9));
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.NextDelay(1, null, TimeSpan.Zero, TimeSpan.FromMinutes(5), 0.9));
    }

    [Fact]
    public void Time_without_progress_bounds_every_retry()
    {
        // 119 s without progress and a wait of at least 250 ms would pass 120 s: give up.
        Assert.Null(Policy.NextDelay(1, null, TimeSpan.FromSeconds(119.9), null, 0.0));
        Assert.Null(Policy.NextDelay(1, 1, TimeSpan.FromSeconds(119.9), null, 0.0));
        Assert.Null(Policy.NextDelay(1, null, TimeSpan.FromSeconds(110), TimeSpan.FromSeconds(11), 0.0)); // Retry-After too
        Assert.NotNull(Policy.NextDelay(1, null, TimeSpan.FromSeconds(110), TimeSpan.FromSeconds(9), 0.0));
    }

    [Fact]
    public void Inside_a_listing_the_count_does_not_bound_retries()
    {
        Assert.NotNull(Policy.NextDelay(50, counted: null, TimeSpan.FromSeconds(1), null, 0.5));
    }

    [Fact]
    public void A_request_on_its_own_gives_up_after_max_attempts()
    {
        Assert.NotNull(Policy.NextDelay(3, counted: 3, TimeSpan.Zero, null, 0.5));
        Assert.Null(Policy.NextDelay(4, counted: 4, TimeSpan.Zero, null, 0.5));
    }

    [Fact]
    public void One_attempt_turns_retries_off_everywhere()
    {
        var off = new RetryPolicy { MaxAttempts = 1 };
        Assert.Null(off.NextDelay(1, null, TimeSpan.Zero, null, 0.5));
        Assert.Null(off.NextDelay(1, 0, TimeSpan.Zero, TimeSpan.Zero, 0.5));
    }
}
