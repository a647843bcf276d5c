using System.Diagnostics;

namespace BackupQuery.Http;

/// <summary>
/// Learns a gateway's rate from its throttles and keeps to it. Until the first throttle requests go out unpaced. A
/// gateway throttles when its bucket is empty, so from one throttle on it serves exactly its rate: a throttle sets the
/// pace just below the rate served to the requests sent since the last measured one (the first throttle uses the
/// successes of the last <see cref="Window"/>, bucket and all, and the next throttle corrects it). Requests are
/// counted by when they were sent: those sent before a measurement belong to the pace before it, so their successes
/// and throttles measure nothing; a quiet spell (no success for a <see cref="Window"/>) starts the measuring span
/// again. Every second without a throttle the pace rises by <see cref="Probe"/>, so a limit that was raised is found
/// again. Paced requests start no closer together than the pace allows, in arrival order; turns given before a
/// throttle changed the pace are given again under the new one. A cut after which throttles stay common
/// (<see cref="RandomShare"/>) and no rarer is undone, and the pace is not cut below it again: throttles that come
/// whatever the rate (at random, or from other clients) do not drive the pace down.
/// </summary>
internal sealed class RequestPacer
{
    /// <summary>How far back successes count towards the rate served before the first throttle; also the quiet spell
    /// (no success) after which the measuring span starts again.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    /// <summary>The shortest span a served rate is measured over.</summary>
    public static readonly TimeSpan MeasuringSpan = TimeSpan.FromSeconds(0.5);

    /// <summary>The pace after a throttle, as a share of the rate served.</summary>
    public const double Backoff = 0.97;

    /// <summary>Growth of the pace per second without a throttle.</summary>
    public const double Probe = 0.0025;

    /// <summary>
    /// The share of requests throttled at or above which a cut that did not make throttles rarer is taken for throttles
    /// that do not follow this client's rate. A pace at the gateway's rate meets one throttle per probe cycle, far fewer.
    /// </summary>
    public const double RandomShare = 0.05;

    /// <summary>Throttles since the last measurement below which they are not judged random (one is the pace at work).</summary>
    private const int MinimumRandom = 3;

    /// <summary>Successes in the measuring span below which a throttle measures nothing new (one burst of refusals).</summary>
    private const int MinimumSample = 5;

    private readonly object _gate = new();
    private readonly Func<TimeSpan> _now;
    private readonly Queue<TimeSpan> _recent = new();
    private double? _rate;
    private TimeSpan _rateSetAt;
    private TimeSpan _nextStart;
    private TimeSpan _measuredAt;
    private int _served;
    private TimeSpan _busySince; // the rate served is measured from here: the last measurement, or the end of a quiet spell
    private TimeSpan _lastServed;
    private int _busyServed;
    private int _throttled;
    private double? _shareBefore;
    private double? _rateBefore;
    private double _floor = 1;
    private int _paces; // paces set so far: a turn taken under an earlier one is void

    public RequestPacer() : this(Stopwatch.StartNew()) { }

    private RequestPacer(Stopwatch clock) : this(() => clock.Elapsed) { }

    /// <summary>A pacer on the given clock (tests).</summary>
    internal RequestPacer(Func<TimeSpan> now) => _now = now;

    /// <summary>Requests per second now, or null while unpaced.</summary>
    public double? Rate
    {
        get { lock (_gate) return CurrentRate(_now()); }
    }

    /// <summary>Waits for this request's turn under the pace (at once while unpaced); returns when the turn starts, to
    /// hand back with the request's outcome.</summary>
    public async ValueTask<TimeSpan> WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan start, wait;
            int pace;
            lock (_gate)
            {
                var now = _now();
                if (CurrentRate(now) is not { } rate) return now;
                start = _nextStart > now ? _nextStart : now;
                _nextStart = start + TimeSpan.FromSeconds(1 / rate);
                wait = start - now;
                pace = _paces;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            // A turn given at a pace that a throttle has since cut is not taken: the request queues again at the new one.
            lock (_gate) if (pace == _paces) return start;
        }
    }

    /// <summary>A request sent at <paramref name="sent"/> (its turn) succeeded.</summary>
    public void OnSuccess(TimeSpan sent)
    {
        lock (_gate)
        {
            var now = _now();
            if (_rate is null)
            {
                _recent.Enqueue(now);
                while (now - _recent.Peek() > Window) _recent.Dequeue();
            }
            if (sent < _measuredAt) return;
            _served++;
            if (now - _lastServed > Window)
            {
                // After a quiet spell (between listings) the rate is measured afresh: idle time says nothing of the gateway.
                _busySince = now;
                _busyServed = 0;
            }
            else _busyServed++;
            _lastServed = now;
        }
    }

    /// <summary>
    /// A request sent at <paramref name="sent"/> was throttled: pace just below the rate served since the last measured
    /// throttle, quiet spells left out (at least one request a second). A throttle measures only after a handful of
    /// successes over at least <see cref="MeasuringSpan"/>: a burst of refusals, or the throttles of requests sent at the
    /// pace before, leave the pace as it is.
    /// </summary>
    public void OnThrottled(TimeSpan sent)
    {
        lock (_gate)
        {
            var now = _now();
            if (_rate is null)
            {
                _throttled++;
                if (_recent.Count < MinimumSample) return;
                Measure(_recent.Count / Math.Max((now - _recent.Peek()).TotalSeconds, 0.25), now);
                return;
            }
            if (sent < _measuredAt) return;
            _throttled++;
            if (_busyServed >= MinimumSample && now - _busySince >= MeasuringSpan) Measure(_busyServed / (now - _busySince).TotalSeconds, now);
        }
    }

    private void Measure(double served, TimeSpan now)
    {
        var share = (double)_throttled / (_throttled + _served);
        if (_shareBefore is { } before && _rateBefore is { } restored && _throttled >= MinimumRandom && share >= RandomShare && share >= before * 0.75)
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
        _measuredAt = now;
        _busySince = now;
        _lastServed = now;
        _busyServed = 0;
        // The gateway's bucket is empty: the next request waits one interval of the new pace (turns still ahead are given
        // again, see WaitTurnAsync).
        _nextStart = now + TimeSpan.FromSeconds(1 / _rate.Value);
        _paces++;
        _served = 0;
        _throttled = 0;
    }

    private double? CurrentRate(TimeSpan now) => _rate is { } rate ? rate * Math.Pow(1 + Probe, (now - _rateSetAt).TotalSeconds) : null;
}
