using System.Collections.Concurrent;
using System.Management.Automation;
using BackupQuery.Connections;
using BackupQuery.Coverage;
using BackupQuery.Records;

using BackupQuery.PowerShell.Infrastructure;

namespace BackupQuery.PowerShell.Coverage;

/// <summary>
/// One record per resource of every service on every connection given (both providers), or on every connection of the
/// session: Protected, Failing, Stale or Unprotected at one instant. Each service's inventory and backups are listed once,
/// all at once across services and connections.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BackupCoverage", HelpUri = HelpLinks.Docs + "Get-BackupCoverage.md")]
[OutputType(typeof(BackupCoverage))]
public sealed class GetBackupCoverageCommand : BackupQueryCmdlet
{
    [Parameter(Position = 0, HelpMessage = "How old the last successful backup may be: a TimeSpan, 36h, 2d, 90m, or a number of days (default 1 day).")]
    [MaxAgeTransformation]
    public TimeSpan MaxAge { get; set; } = CoverageQuery.DefaultMaxAge;

    [Parameter(HelpMessage = "Services to evaluate (default: every service of each connection); Tab lists them.")]
    [ValidateNotNullOrEmpty]
    public CoverageService[]? Service { get; set; }

    [Parameter(HelpMessage = "Only resources with these statuses; Tab lists them.")]
    [ValidateNotNullOrEmpty]
    public CoverageStatus[]? Status { get; set; }

    [Parameter(ValueFromPipeline = true, HelpMessage = "Connection(s) or connection name(s) of either provider; default: every connection of this session.")]
    [ValidateNotNullOrEmpty]
    [ConnectionByName(typeof(IBackupConnection))]
    [ArgumentCompleter(typeof(AnyConnectionNameCompleter))]
    public IBackupConnection[]? Connection { get; set; }

    private readonly List<IBackupConnection> _connections = [];

    protected override void ProcessRecord()
    {
        foreach (var connection in Connection ?? []) if (!_connections.Contains(connection)) _connections.Add(connection);
    }

    protected override void EndProcessing()
    {
        var connections = _connections.Count > 0 ? _connections : [.. RunspaceConnections.Current.Of(null)];
        if (connections.Count == 0) ThrowTerminatingError(ErrorRecords.NotConnected(ProviderSurface.AnyProviderName, ProviderSurface.AnyConnectCommand));

        var query = new CoverageQuery { MaxAge = MaxAge, Services = Service ?? [], At = DateTimeOffset.UtcNow };
        var statuses = Status is { Length: > 0 } wanted ? new HashSet<CoverageStatus>(wanted) : null;
        var failures = new ConcurrentQueue<CoverageFailure>();
        RunListing("Evaluating backup coverage", "BackupCoverage", (_, ct) => Filtered(CoverageRun.StreamAsync(connections, query, failures.Enqueue, ct), statuses));
        foreach (var failure in failures) ReportFailure(failure.Error, failure.ToString(), 0);
        base.EndProcessing();
    }

    private static async IAsyncEnumerable<object> Filtered(IAsyncEnumerable<BackupCoverage> records, HashSet<CoverageStatus>? statuses)
    {
        await foreach (var record in records.ConfigureAwait(false))
        {
            if (statuses is null || statuses.Contains(record.Status)) yield return record;
        }
    }
}
