using System.Management.Automation;
using BackupQuery.Connections;
using BackupQuery.Execution;
using BackupQuery.Paging;

namespace BackupQuery.PowerShell.Infrastructure;

/// <summary>
/// Base of the Get-* cmdlets: resolves the connections (explicit -Connection, else the runspace default, else a clear
/// "not connected" error), runs the listing once per connection, and applies -First/-Skip/-IncludeTotalCount across them.
/// Without -First, the listings of several connections run at once (each later one held at its first record, so memory
/// stays bounded by the pages in flight) while their records are written one connection after another.
/// </summary>
public abstract class BackupListingCmdlet<TConnection> : BackupQueryCmdlet where TConnection : class, IBackupConnection
{
    /// <summary>The connection(s) to query; default: the last Connect-* of this provider in this session.</summary>
    [Parameter(HelpMessage = "Connection(s) to query, from the Connect cmdlet; default: the current session's last connection.")]
    [ValidateNotNullOrEmpty]
    public TConnection[]? Connection { get; set; }

    protected abstract string ProviderName { get; }
    protected abstract string ConnectCommand { get; }
    protected abstract string Activity { get; }

    /// <summary>The Core listing for one connection; invalid parameters throw before the first request.</summary>
    protected abstract IAsyncEnumerable<object> List(TConnection connection, PagingOptions paging, CancellationToken cancellationToken);

    protected virtual int? RequestedPageSize => null;

    protected override void ProcessRecord()
    {
        var connections = ResolveConnections(Connection, ProviderName, ConnectCommand);
        var paging = PagingParameters; // null unless the cmdlet declares SupportsPaging
        long? remaining = paging is null || paging.First == ulong.MaxValue ? null : (long)Math.Min(paging.First, long.MaxValue);
        var skip = paging is null ? 0 : (long)Math.Min(paging.Skip, long.MaxValue);

        // -First depends on what earlier connections wrote: then one connection at a time, as the caller's bound says.
        var ahead = remaining is null && connections.Length > 1
            ? connections.Skip(1).Select(c => HeadStartListing.Begin((channel, ct) => List(c, Paging(channel, skip, null, RequestedPageSize), ct), ((IListingSink)this).IsDebugEnabled, CancellationToken)).ToList()
            : null;
        try
        {
            for (var i = 0; i < connections.Length; i++)
            {
                if (remaining is <= 0) break;
                var connection = connections[i];
                var first = remaining;
                var started = i > 0 ? ahead?[i - 1] : null;
                Func<IListingChannel, CancellationToken, IAsyncEnumerable<object>> produce = started is not null
                    ? (channel, _) => started.DrainAsync(channel)
                    : (channel, ct) => List(connection, Paging(channel, skip, first, RequestedPageSize), ct);
                var outcome = RunListing($"{Activity} ({connection.Name})", connection.Name, produce);
                if (remaining is not null) remaining -= outcome.Written;
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

    protected override void OnTotalCount(long total)
    {
        if (PagingParameters?.IncludeTotalCount == true) WriteObject(PagingParameters.NewTotalCount((ulong)total, 1.0));
    }
}
