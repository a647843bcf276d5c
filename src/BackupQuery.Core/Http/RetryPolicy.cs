namespace BackupQuery.Http;

/// <summary>
/// When a failed request is tried again. Only transient failures are retried (throttles, gateway errors, timeouts,
/// resets, bodies cut short), after exponential backoff with full jitter, or after the server's Retry-After (capped by
/// <see cref="MaxDelay"/>). A listing's requests are retried as long as the listing makes progress: they give up once no
/// request of it has succeeded for <see cref="MaxTotalWait"/>, attempts and waits included. A request on its own
/// (sign-in, logout) gives up at that time too, or after <see cref="MaxAttempts"/> attempts that were not throttled.
/// Throttles are bounded by time only.
/// </summary>
internal sealed class RetryPolicy
{
    public static readonly RetryPolicy Default = new();

    /// <summary>Attempts of a request on its own, throttles aside (<c>-MaximumRetryCount</c> + 1); 1 turns retries off everywhere.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time without progress (<c>-MaximumRetryWaitSec</c>): no success of the listing, or of the request on its own.</summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The wait before the next attempt, or null to give up.
    /// </summary>
    /// <param name="failures">Attempts of this request that failed since its listing last made progress; sets the backoff.</param>
    /// <param name="counted">Failed attempts that count against <see cref="MaxAttempts"/>; null inside a listing, where only time bounds retries.</param>
    /// <param name="stalled">Time since the listing (or the request on its own) last made progress.</param>
    /// <param name="retryAfter">What the server asked for, if it did.</param>
    /// <param name="jitter">Uniform in [0, 1).</param>
    public TimeSpan? NextDelay(int failures, int? counted, TimeSpan stalled, TimeSpan? retryAfter, double jitter)
    {
        if (MaxAttempts <= 1 || counted >= MaxAttempts) return null;
        var delay = DelayBefore(failures + 1, retryAfter, jitter);
        return stalled + delay > MaxTotalWait ? null : delay;
    }

    /// <summary>Delay before attempt <paramref name="nextAttempt"/> (2 for the first retry); <paramref name="jitter"/> is uniform in [0, 1).</summary>
    public TimeSpan DelayBefore(int nextAttempt, TimeSpan? retryAfter, double jitter)
    {
        if (retryAfter is { } asked) return asked > MaxDelay ? MaxDelay : asked;
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(nextAttempt - 2, 30)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + jitter * ceiling / 2);
    }
}
