using System.Diagnostics;

namespace BackupQuery.Http;

/// <summary>
/// When the requests of one listing last succeeded. Retries are bounded by it: a listing gives up only once no request
/// of it has succeeded for the retry policy's <see cref="RetryPolicy.MaxTotalWait"/>, however many of its requests
/// failed meanwhile. A request sent on its own has a watch of its own, started when it is.
/// </summary>
internal sealed class ProgressWatch
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastSuccessTicks;
    private int _successes;

    /// <summary>Requests of the listing that succeeded so far.</summary>
    public int Successes => Volatile.Read(ref _successes);

    /// <summary>Time since the last success (or since the watch started, before any).</summary>
    public TimeSpan SinceProgress => _clock.Elapsed - TimeSpan.FromTicks(Interlocked.Read(ref _lastSuccessTicks));

    public void Succeeded()
    {
        Interlocked.Exchange(ref _lastSuccessTicks, _clock.Elapsed.Ticks);
        Interlocked.Increment(ref _successes);
    }
}
