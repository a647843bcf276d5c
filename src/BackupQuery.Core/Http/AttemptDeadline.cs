namespace BackupQuery.Http;

/// <summary>
/// Cuts one attempt when its listing has made no progress for the wait budget: a server that accepts and never
/// answers is given up in time, while a slow reply goes on as long as the listing's other requests succeed (the
/// deadline moves with each success). Every attempt gets at least <see cref="Minimum"/>.
/// </summary>
internal sealed class AttemptDeadline : IDisposable
{
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _cancel;
    private readonly ProgressWatch _progress;
    private readonly TimeSpan _budget;
    private readonly Timer _timer;
    private readonly DateTime _started = DateTime.UtcNow;

    public AttemptDeadline(ProgressWatch progress, TimeSpan budget, CancellationToken cancellationToken)
    {
        _progress = progress;
        _budget = budget;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timer = new Timer(_ => Check(), null, Timeout.Infinite, Timeout.Infinite);
        Arm();
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>True when the deadline (not the caller) ended the attempt.</summary>
    public bool Passed { get; private set; }

    private TimeSpan Remaining()
    {
        var left = _budget - _progress.SinceProgress;
        var minimum = Minimum - (DateTime.UtcNow - _started);
        return left > minimum ? left : minimum;
    }

    private void Arm()
    {
        var remaining = Remaining();
        if (remaining <= TimeSpan.Zero)
        {
            Passed = true;
            _cancel.Cancel();
            return;
        }
        _timer.Change((long)Math.Ceiling(remaining.TotalMilliseconds), Timeout.Infinite);
    }

    private void Check()
    {
        try
        {
            Arm();
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended as the timer fired.
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _cancel.Dispose();
    }
}
