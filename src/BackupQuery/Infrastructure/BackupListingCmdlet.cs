using System.Management.Automation;
using BackupQuery.Connections;
using BackupQuery.Execution;
using BackupQuery.Paging;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Base of the Get-* cmdlets: resolves the connections (explicit -Connection, else the runspace default, else a clear
/// "not connected" error), runs the listing once per connection, and applies -First/-Skip/-IncludeTotalCount across them.
/// Without -First or -Skip, the listings of several connections run at once (each later one held at its first record, so memory
/// stays bounded by the pages in flight) while their records are written one connection after another.
/// </summary>
public abstract class BackupListingCmdlet<TConnection> : BackupQueryCmdlet where TConnection : class, IBackupConnection
{
    /// <summary>The -Connection the caller gave (declared by each provider's base, with its name completion), or null.</summary>
    protected abstract TConnection[]? RequestedConnections { get; }

    protected abstract string Activity { get; }

    /// <summary>The Core listing for one connection; invalid parameters throw before the first request.</summary>
    private protected abstract IAsyncEnumerable<object> List(TConnection connection, PagingOptions paging, CancellationToken cancellationToken);

    protected virtual int? RequestedPageSize => null;

    /// <summary>The largest offset the APIs take: ZStack's <c>start</c> and Huawei's <c>offset</c> are 32-bit integers.</summary>
    private const long LastAddressableSkip = int.MaxValue;

    protected override void ProcessRecord()
    {
        var connections = ResolveConnections(RequestedConnections);
        var paging = PagingParameters; // null unless the cmdlet declares SupportsPaging
        long? remaining = paging is null || paging.First == ulong.MaxValue ? null : (long)Math.Min(paging.First, long.MaxValue);
        var skip = paging is null ? 0 : (long)Math.Min(paging.Skip, long.MaxValue);
        if (skip > LastAddressableSkip)
        {
            // No listing holds that many records, and the APIs would reject the offset: the answer is empty, as past any end.
            WriteVerbose($"-Skip {paging!.Skip} is past the last record any of these APIs can address ({LastAddressableSkip}): nothing to list.");
            if (paging.IncludeTotalCount && CountAll(connections) is { } total) WriteObject(paging.NewTotalCount((ulong)total, 1.0));
            return;
        }
        var (askedSkip, askedFirst) = (skip, remaining);
        long written = 0;

        // One total for all connections, before any record: with several, each is counted first (one small request each).
        _writeEachTotal = paging?.IncludeTotalCount == true && connections.Length == 1;
        if (paging?.IncludeTotalCount == true && connections.Length > 1 && CountAll(connections) is { } sum)
        {
            WriteObject(paging.NewTotalCount((ulong)sum, 1.0));
        }

        // -Skip and -First count across the connections, in order: what one skips, the next does not skip again. With
        // neither, the later connections' listings start at once, each held at its first record (memory stays bounded by
        // the pages in flight), while the records are still written one connection after another.
        var ahead = remaining is null && skip == 0 && connections.Length > 1
            ? connections.Skip(1).Select(c => HeadStartListing.Begin((channel, ct) => List(c, Paging(channel, 0, null, RequestedPageSize), ct), ((IListingSink)this).IsDebugEnabled, CancellationToken)).ToList()
            : null;
        try
        {
            for (var i = 0; i < connections.Length; i++)
            {
                if (remaining is <= 0) break;
                var connection = connections[i];
                var first = remaining;
                var offset = skip;
                long? skipped = null;
                var started = i > 0 ? ahead?[i - 1] : null;
                Func<IListingChannel, CancellationToken, IAsyncEnumerable<object>> produce = started is not null
                    ? (channel, _) => started.DrainAsync(channel)
                    : (channel, ct) => List(connection, Paging(channel, offset, first, RequestedPageSize, s => skipped = s), ct);
                var outcome = RunListing($"{Activity} ({connection.Name})", connection.Name, produce,
                    here => new IncompleteListing(connection.Name, written + here, askedSkip + written + here, askedFirst - (written + here)));
                written += outcome.Written;
                if (remaining is not null) remaining -= outcome.Written;
                skip = outcome.Written > 0 ? 0 : Math.Max(0, skip - (skipped ?? 0));
            }
        }
        finally
        {
            if (ahead is not null)
            {
                foreach (var listing in ahead) listing.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private bool _writeEachTotal;

    protected override void OnTotalCount(long total)
    {
        if (_writeEachTotal) WriteObject(PagingParameters.NewTotalCount((ulong)total, 1.0));
    }

    /// <summary>The sum of every connection's total (one record asked of each), or null when one of them has none.</summary>
    private long? CountAll(TConnection[] connections)
    {
        long sum = 0;
        foreach (var connection in connections)
        {
            long? total = null;
            var counting = new PagingOptions { First = 1, PageSize = 1, OnTotal = t => total = t };
            var outcome = RunDiscarding($"Counting ({connection.Name})", connection.Name, (_, ct) => List(connection, counting, ct));
            if (outcome.Failure is not null || total is null) return null;
            sum += total.Value;
        }
        return sum;
    }
}
