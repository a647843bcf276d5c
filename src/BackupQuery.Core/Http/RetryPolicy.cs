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

    /// <summary>Delay before attempt <paramref name="nextAttempt"/> (2 for the first retry); <paramref name="jitter"/> is uniform in [0, 1).</summary>
    public TimeSpan DelayBefore(int nextAttempt, TimeSpan? retryAfter, double jitter)
    {
        if (retryAfter is { } asked) return asked > MaxDelay ? MaxDelay : asked;
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, nextAttempt - 2));
        return TimeSpan.FromMilliseconds(ceiling / 2 + jitter * ceiling / 2);
    }
}
