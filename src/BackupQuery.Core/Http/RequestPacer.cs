using System.Diagnostics;

namespace BackupQuery.Http;

/// <summary>
/// Learns a gateway's rate from its throttles and keeps to it. Until the first throttle requests go out unpaced. A
/// gateway throttles when its bucket is empty, so between two throttles it served exactly its rate (plus what its
/// bucket had gained): a throttle sets the pace just below the rate served since the last measured one (the first
/// throttle uses the successes of the last <see cref="Window"/>). Every second without a throttle the pace rises by
/// <see cref="Probe"/>, so a limit that was raised is found again. Paced requests start no closer together than the
/// pace allows, in arrival order. A cut that does not make throttles rarer is undone, and the pace is not cut below it
/// again: throttles that come whatever the rate (at random, or from other clients) do not drive the pace down.
/// </summary>
internal sealed class RequestPacer
{
    /// <summary>How far back successes count towards the rate served before the first throttle.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    /// <summary>The pace after a throttle, as a share of the rate served.</summary>
    public const double Backoff = 0.97;

    /// <summary>Growth of the pace per second without a throttle.</summary>
    public const double Probe = 0.005;

    /// <summary>Successes since the last throttle below which a throttle measures nothing new (one burst of refusals).</summary>
    private const int MinimumSample = 5;

    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<TimeSpan> _recent = new();
    private double? _rate;
    private TimeSpan _rateSetAt;
    private TimeSpan _nextStart;
    private TimeSpan _lastThrottle;
    private int _sinceThrottle;
    private int _throttlesSince;
    private double? _shareBefore;
    private double? _rateBefore;
    private double _floor = 1;

    /// <summary>Requests per second now, or null while unpaced.</summary>
    public double? Rate
    {
        get { lock (_gate) return CurrentRate(_clock.Elapsed); }
    }

    /// <summary>Waits for this request's turn under the pace (at once while unpaced).</summary>
    public Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (CurrentRate(now) is not { } rate) return Task.CompletedTask;
            var start = _nextStart > now ? _nextStart : now;
            _nextStart = start + TimeSpan.FromSeconds(1 / rate);
            wait = start - now;
        }
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, cancellationToken);
    }

    public void OnSuccess()
    {
        lock (_gate)
        {
            _sinceThrottle++;
            if (_rate is not null) return;
            var now = _clock.Elapsed;
            _recent.Enqueue(now);
            while (now - _recent.Peek() > Window) _recent.Dequeue();
        }
    }

    /// <summary>
    /// A throttle: pace just below the rate served since the last measured throttle (at least one request a second). A
    /// throttle measures only after a handful of successes and at least <see cref="MeasuringSpan"/> since the last
    /// measurement: a burst of refusals, or throttles that come whatever the pace, leave the pace as it is.
    /// </summary>
    public void OnThrottled()
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            _throttlesSince++;
            if (_rate is null)
            {
                if (_recent.Count < MinimumSample) return;
                Measure(_recent.Count / Math.Max((now - _recent.Peek()).TotalSeconds, 0.25), now);
            }
            else if (_sinceThrottle >= MinimumSample && now - _lastThrottle >= MeasuringSpan)
            {
                Measure(_sinceThrottle / (now - _lastThrottle).TotalSeconds, now);
            }
        }
    }

    /// <summary>The shortest span a served rate is measured over.</summary>
    public static readonly TimeSpan MeasuringSpan = TimeSpan.FromSeconds(1);

    private void Measure(double served, TimeSpan now)
    {
        var share = (double)_throttlesSince / (_throttlesSince + _sinceThrottle);
        if (_shareBefore is { } before && _rateBefore is { } restored && share >= before * 0.75)
        {
            // The last cut did not make throttles rarer: they do not follow this client's rate (a gateway throttling at
            // random, or other clients on the same limit). Go back to the pace before it and cut no lower from now on.
            _floor = Math.Max(_floor, restored * Backoff);
            _rate = restored;
            _shareBefore = null;
        }
        else
        {
            _shareBefore = share;
            _rateBefore = CurrentRate(now);
            _rate = Math.Max(_floor, served * Backoff);
        }
        _rateSetAt = now;
        _lastThrottle = now;
        _sinceThrottle = 0;
        _throttlesSince = 0;
    }

    private double? CurrentRate(TimeSpan now) => _rate is { } rate ? rate * Math.Pow(1 + Probe, (now - _rateSetAt).TotalSeconds) : null;
}
