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

        foreach (var connection in connections)
        {
            if (remaining is <= 0) break;
            var first = remaining;
            var outcome = RunListing($"{Activity} ({connection.Name})", connection.Name,
                (channel, ct) => List(connection, Paging(channel, skip, first, RequestedPageSize), ct));
            if (remaining is not null) remaining -= outcome.Written;
        }
    }

    protected override void OnTotalCount(long total)
    {
        if (PagingParameters?.IncludeTotalCount == true) WriteObject(PagingParameters.NewTotalCount((ulong)total, 1.0));
    }
}
