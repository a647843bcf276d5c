namespace BackupQuery.Http;

/// <summary>
/// Bounded retries of transient failures: exponential backoff with full jitter, or the server's Retry-After when it
/// gives one (capped by <see cref="MaxDelay"/>). Other errors are never retried.
/// </summary>
public sealed class RetryPolicy
{
    public static readonly RetryPolicy Default = new();

    public int MaxAttempts { get; init; } = 4;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time one request may spend waiting between its attempts, all retries together.</summary>
    public TimeSpan MaxTotalWait { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The wait before retrying after attempt <paramref name="attempt"/>, having waited <paramref name="waited"/> so far;
    /// null when no retry remains (attempts spent, or the wait would pass <see cref="MaxTotalWait"/>).
    /// </summary>
    public TimeSpan? NextDelay(int attempt, TimeSpan waited, TimeSpan? retryAfter, double jitter)
    {
        if (attempt >= MaxAttempts) return null;
        var delay = DelayBefore(attempt + 1, retryAfter, jitter);
        return waited + delay > MaxTotalWait ? null : delay;
    }

    /// <summary>Delay before attempt <paramref name="nextAttempt"/> (2 for the first retry); <paramref name="jitter"/> is uniform in [0, 1).</summary>
    public TimeSpan DelayBefore(int nextAttempt, TimeSpan? retryAfter, double jitter)
    {
        if (retryAfter is { } asked) return asked > MaxDelay ? MaxDelay : asked;
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, nextAttempt - 2));
        return TimeSpan.FromMilliseconds(ceiling / 2 + jitter * ceiling / 2);
    }
}
