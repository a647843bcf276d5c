using BackupQuery.Http;
using BackupQuery.Paging;

namespace BackupQuery.Execution;

/// <summary>
/// A listing started before its turn, so that several connections are listed at once while their records are still
/// written one connection after another. It runs to its first record and stops there: its memory is the pages its
/// read-ahead has in flight. What it logs or reports meanwhile is held, then passed on, in order, to the channel that
/// drains it.
/// </summary>
internal sealed class HeadStartListing : IAsyncDisposable
{
    private readonly HeldChannel _held;
    private readonly CancellationTokenSource _stop;
    private readonly IAsyncEnumerator<object> _records;
    private readonly Task<bool> _first;

    private HeadStartListing(Func<IListingChannel, CancellationToken, IAsyncEnumerable<object>> produce, bool debug, CancellationToken cancellationToken)
    {
        _held = new HeldChannel(debug);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using (ApiLog.Use(_held))
        {
            _records = produce(_held, _stop.Token).GetAsyncEnumerator(_stop.Token);
            _first = Task.Run(() => _records.MoveNextAsync().AsTask());
        }
    }

    /// <summary>Starts <paramref name="produce"/> now; <paramref name="debug"/> says whether Debug output is wanted.</summary>
    public static HeadStartListing Begin(Func<IListingChannel, CancellationToken, IAsyncEnumerable<object>> produce, bool debug, CancellationToken cancellationToken) =>
        new(produce, debug, cancellationToken);

    /// <summary>The listing's records from the first on; what it held is passed to <paramref name="channel"/> first.
    /// Call once, from the <see cref="PipelineBridge"/> producer, whose channel is also the async flow's log.</summary>
    public async IAsyncEnumerable<object> DrainAsync(IListingChannel channel)
    {
        _held.Attach(channel, ApiLog.Current);
        if (!await _first.ConfigureAwait(false)) yield break;
        yield return _records.Current;
        while (await _records.MoveNextAsync().ConfigureAwait(false)) yield return _records.Current;
    }

    /// <summary>Cancels what is still in flight (a listing whose turn never came, or the pipeline stopped).</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            await _first.ConfigureAwait(false);
        }
        catch
        {
            // Its failure belongs to its own turn; a listing never drained has nowhere to report it.
        }
        await _records.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Holds log lines and progress until a channel attaches, then forwards them (and everything after) to it.</summary>
    private sealed class HeldChannel(bool debug) : IListingChannel, IApiLog
    {
        private readonly object _gate = new();
        private readonly List<Action<IListingChannel, IApiLog>> _held = [];
        private IListingChannel? _channel;
        private IApiLog? _log;

        public bool IsDebugEnabled => debug;

        public void Attach(IListingChannel channel, IApiLog log)
        {
            lock (_gate)
            {
                foreach (var replay in _held) replay(channel, log);
                _held.Clear();
                _channel = channel;
                _log = log;
            }
        }

        public void Progress(ListingProgress progress) => Post((c, _) => c.Progress(progress));
        public void Total(long total) => Post((c, _) => c.Total(total));
        public void Verbose(string message) => Post((_, l) => l.Verbose(message));
        public void Debug(string message) => Post((_, l) => l.Debug(message));
        public void Warning(string message) => Post((_, l) => l.Warning(message));

        private void Post(Action<IListingChannel, IApiLog> action)
        {
            lock (_gate)
            {
                if (_channel is null) _held.Add(action);
                else action(_channel, _log!);
            }
        }
    }
}
