using System.Management.Automation;
using BackupQuery.Connections;
using BackupQuery.Paging;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Base of the Get-* cmdlets: resolves the connections (explicit -Connection, else the runspace default, else a clear
/// "not connected" error), runs the listing once per connection, and applies -First/-Skip/-IncludeTotalCount across them.
/// </summary>
public abstract class BackupListingCmdlet<TConnection> : BackupQueryCmdlet where TConnection : class, IBackupConnection
{
    /// <summary>The -Connection the caller gave (declared by each provider's base, with its name completion), or null.</summary>
    protected abstract TConnection[]? RequestedConnections { get; }

    protected abstract string Activity { get; }

    /// <summary>The Core listing for one connection; invalid parameters throw before the first request.</summary>
    protected abstract IAsyncEnumerable<object> List(TConnection connection, PagingOptions paging, CancellationToken cancellationToken);

    protected virtual int? RequestedPageSize => null;

    protected override void ProcessRecord()
    {
        var connections = ResolveConnections(RequestedConnections);
        var paging = PagingParameters; // null unless the cmdlet declares SupportsPaging
        long? remaining = paging is null || paging.First == ulong.MaxValue ? null : (long)Math.Min(paging.First, long.MaxValue);
        var skip = paging is null ? 0 : (long)Math.Min(paging.Skip, long.MaxValue);

        // One total for all connections, before any record: with several, each is counted first (one small request each).
        _writeEachTotal = paging?.IncludeTotalCount == true && connections.Length == 1;
        if (paging?.IncludeTotalCount == true && connections.Length > 1 && CountAll(connections) is { } sum)
        {
            WriteObject(paging.NewTotalCount((ulong)sum, 1.0));
        }

        // -Skip and -First count across the connections, in order: what one skips, the next does not skip again.
        foreach (var connection in connections)
        {
            if (remaining is <= 0) break;
            var first = remaining;
            var offset = skip;
            long? skipped = null;
            var outcome = RunListing($"{Activity} ({connection.Name})", connection.Name,
                (channel, ct) => List(connection, Paging(channel, offset, first, RequestedPageSize, s => skipped = s), ct));
            if (remaining is not null) remaining -= outcome.Written;
            skip = outcome.Written > 0 ? 0 : Math.Max(0, skip - (skipped ?? 0));
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
