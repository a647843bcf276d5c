using System.Collections.Concurrent;

namespace BackupQuery.Emulator.Hosting;

/// <summary>
/// The gateway's per-credential request limit: a token bucket per credential holding at most one second's worth of
/// requests and refilled continuously at the limit. A request that finds the bucket empty is refused.
/// </summary>
internal sealed class RateLimiter(int requestsPerSecond, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public bool TryAcquire(string credential) => _buckets.GetOrAdd(credential, _ => new Bucket(requestsPerSecond, clock)).TryTake();

    private sealed class Bucket(int rate, TimeProvider clock)
    {
        private readonly object _gate = new();
        private double _tokens = rate;
        private long _stamp = clock.GetTimestamp();

        public bool TryTake()
        {
            lock (_gate)
            {
                var now = clock.GetTimestamp();
                _tokens = Math.Min(rate, _tokens + clock.GetElapsedTime(_stamp, now).TotalSeconds * rate);
                _stamp = now;
                if (_tokens < 1) return false;
                _tokens--;
                return true;
            }
        }
    }
}
