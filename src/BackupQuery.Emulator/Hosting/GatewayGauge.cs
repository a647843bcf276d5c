namespace BackupQuery.Emulator.Hosting;

/// <summary>What the emulated gateway saw: API requests served, how many it throttled, and the most ever in flight at once.
/// Tests read it to prove a client never exceeds its concurrency limit; the bench reads it over <c>/_emulator/stats</c>.</summary>
public sealed class GatewayGauge
{
    private int _inFlight;
    private int _maxInFlight;
    private long _requests;
    private long _throttled;

    public int InFlight => Volatile.Read(ref _inFlight);
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);
    public long Requests => Interlocked.Read(ref _requests);
    public long Throttled => Interlocked.Read(ref _throttled);

    internal void Enter()
    {
        Interlocked.Increment(ref _requests);
        var now = Interlocked.Increment(ref _inFlight);
        for (var max = MaxInFlight; now > max; max = MaxInFlight)
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, max) == max) break;
        }
    }

    internal void Leave() => Interlocked.Decrement(ref _inFlight);

    internal void CountThrottled() => Interlocked.Increment(ref _throttled);

    /// <summary>Starts counting afresh (requests in flight stay counted).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _maxInFlight, InFlight);
    }
}
