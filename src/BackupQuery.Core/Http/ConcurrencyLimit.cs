namespace BackupQuery.Http;

/// <summary>
/// How many requests one connection has in flight, shared by every listing on it. Adaptive: a throttle (429) halves the
/// limit, once per burst of throttles, and so do lasting faults (<see cref="FailuresToBackOff"/> failed requests with no
/// success between them), so a struggling server ends up with one request at a time; after <see cref="GrowthInterval"/>
/// successes with no throttle between them it grows by one, never above <see cref="Maximum"/>. Waiters are served in
/// arrival order, so earlier pages go out first.
/// </summary>
internal sealed class ConcurrencyLimit
{
    public const int DefaultMaximum = 8;

    private readonly object _gate = new();
    private readonly LinkedList<TaskCompletionSource<Lease>> _waiters = new();
    private int _limit;
    private int _inFlight;
    private int _successes;
    private int _failures;
    private int _epoch;

    public ConcurrencyLimit(int maximum = DefaultMaximum)
    {
        if (maximum < 1) throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "The concurrency limit is at least 1.");
        Maximum = maximum;
        _limit = maximum;
    }

    /// <summary>The configured ceiling (<c>-MaxConcurrency</c>).</summary>
    public int Maximum { get; }

    /// <summary>Failed requests (not throttled) with no success between them after which the limit is halved.</summary>
    public const int FailuresToBackOff = 3;

    /// <summary>Successes, with no throttle between them, after which the limit grows by one.</summary>
    public int GrowthInterval { get; init; } = 32;

    /// <summary>The limit now: lowered on throttles, regrown on successes.</summary>
    public int Current
    {
        get { lock (_gate) return _limit; }
    }

    /// <summary>Requests holding a lease now.</summary>
    public int InFlight
    {
        get { lock (_gate) return _inFlight; }
    }

    /// <summary>How often the limit was lowered.</summary>
    public int Reductions { get; private set; }

    /// <summary>Waits for a slot; dispose the lease when the request is over.</summary>
    public Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<Lease> waiter;
        LinkedListNode<TaskCompletionSource<Lease>> node;
        lock (_gate)
        {
            if (_inFlight < _limit && _waiters.Count == 0)
            {
                _inFlight++;
                return Task.FromResult(new Lease(this, _epoch));
            }
            waiter = new TaskCompletionSource<Lease>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }
        if (!cancellationToken.CanBeCanceled) return waiter.Task;
        var registration = cancellationToken.Register(() =>
        {
            bool removed;
            lock (_gate)
            {
                removed = node.List is not null;
                if (removed) _waiters.Remove(node);
            }
            if (removed) waiter.TrySetCanceled(cancellationToken);
        });
        waiter.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return waiter.Task;
    }

    /// <summary>The request was throttled: halve the limit, unless a throttle of a request sent after the last cut already did.</summary>
    public void OnThrottled(Lease lease)
    {
        lock (_gate)
        {
            _successes = 0;
            Halve(lease);
        }
    }

    /// <summary>The request failed in a way worth retrying (not a throttle): after a few in a row, halve the limit.</summary>
    public void OnFailed(Lease lease)
    {
        lock (_gate)
        {
            if (++_failures < FailuresToBackOff) return;
            if (Halve(lease)) _failures = 0;
        }
    }

    /// <summary>Halves the limit unless a request sent after the last cut already did (called under the lock).</summary>
    private bool Halve(Lease lease)
    {
        if (lease.Epoch != _epoch) return false;
        _epoch++;
        _limit = Math.Max(1, _limit / 2);
        Reductions++;
        return true;
    }

    /// <summary>The request succeeded: count towards growing the limit back.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            _failures = 0;
            if (_limit >= Maximum || ++_successes < GrowthInterval) return;
            _successes = 0;
            _limit++;
            GrantWaiting();
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _inFlight--;
            GrantWaiting();
        }
    }

    /// <summary>Hands free slots to the longest waiters (called under the lock; continuations run asynchronously).</summary>
    private void GrantWaiting()
    {
        while (_inFlight < _limit && _waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            _inFlight++;
            if (!first.Value.TrySetResult(new Lease(this, _epoch))) _inFlight--;
        }
    }

    /// <summary>One slot, held for one attempt of one request; remembers the limit's epoch it was granted in.</summary>
    public sealed class Lease : IDisposable
    {
        private ConcurrencyLimit? _owner;

        internal Lease(ConcurrencyLimit owner, int epoch)
        {
            _owner = owner;
            Epoch = epoch;
        }

        internal int Epoch { get; }

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release();
    }
}
