using System.Management.Automation;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Which database service Get-RdsBackup lists.</summary>
public enum RdsBackupService
{
    /// <summary>GeminiDB (GaussDB NoSQL): Cassandra, MongoDB, Redis, InfluxDB.</summary>
    GeminiDB,
    /// <summary>Relational RDS: MySQL, PostgreSQL, SQL Server, MariaDB (backups are listed per instance).</summary>
    RDS,
}

/// <summary>Lists database backups: GeminiDB by default, relational RDS with -Service RDS -InstanceId.</summary>
[Cmdlet(VerbsCommon.Get, "RdsBackup", SupportsPaging = true, DefaultParameterSetName = GeminiDbSet, HelpUri = HelpLinks.Docs + "Get-RdsBackup.md")]
[OutputType(typeof(GeminiDbBackup), ParameterSetName = [GeminiDbSet])]
[OutputType(typeof(RdsBackup), ParameterSetName = [RdsSet])]
public sealed class GetRdsBackupCommand : HuaweiCloudListingCmdlet
{
    private const string GeminiDbSet = "GeminiDB";
    private const string RdsSet = "RDS";

    [Parameter(ParameterSetName = GeminiDbSet, HelpMessage = "GeminiDB (default) or RDS.")]
    // Not mandatory in the RDS set either: -Status alone must not make PowerShell prompt for a mode (ProcessRecord says what to add).
    [Parameter(ParameterSetName = RdsSet, HelpMessage = "GeminiDB (default) or RDS.")]
    public RdsBackupService Service { get; set; } = RdsBackupService.GeminiDB;

    [Parameter(ParameterSetName = GeminiDbSet, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Instance id.")]
    [Parameter(ParameterSetName = RdsSet, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Instance id (required for RDS: its API lists backups per instance).")]
    [ValidateNotNullOrEmpty]
    public string? InstanceId { get; set; }

    [Parameter(ParameterSetName = GeminiDbSet, HelpMessage = "Database type, in any case; Tab lists the documented types.")]
    [ArgumentCompleter(typeof(GeminiDbDatastoreTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string? DatastoreType { get; set; }

    [Parameter(HelpMessage = "Backup id.")]
    [ValidateNotNullOrEmpty]
    public string? BackupId { get; set; }

    [Parameter(HelpMessage = "Backup type, in any case (each service has its own); Tab lists the documented types.")]
    [ArgumentCompleter(typeof(RdsBackupTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string? BackupType { get; set; }

    [Parameter(ParameterSetName = GeminiDbSet, HelpMessage = "Backup policy type (table-level for Cassandra only); the allowed values are listed by Tab and in the error for any other.")]
    [ValidateValueList(typeof(GeminiDbBackupQuery), nameof(GeminiDbBackupQuery.Types))]
    [ArgumentCompleter(typeof(GeminiDbTypeCompleter))]
    public string? Type { get; set; }

    [Parameter(ParameterSetName = RdsSet, HelpMessage = "Status of relational RDS backups (with -Service RDS; GeminiDB's API has no status filter); Tab lists the values.")]
    [ArgumentCompleter(typeof(RdsStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Status { get; set; }

    [Parameter(HelpMessage = "Only backups started at or after this time (the other bound is supplied when omitted).")]
    public DateTime? CreatedAfter { get; set; }

    [Parameter(HelpMessage = "Only backups started at or before this time.")]
    public DateTime? CreatedBefore { get; set; }

    [Parameter(HelpMessage = "Records per request, 1-100 (default 100); a hint, never a cap on the results.")]
    [ValidateRange(1, 100)]
    public int PageSize { get; set; } = 100;

    protected override string Activity => Service == RdsBackupService.RDS ? "Listing RDS backups" : "Listing GeminiDB backups";
    protected override int? RequestedPageSize => PageSize;

    protected override void ProcessRecord()
    {
        if (Service == RdsBackupService.GeminiDB && Status is not null)
        {
            ThrowTerminatingError(ErrorRecords.From(new BackupQueryException(
                $"-Status filters relational RDS backups only (GeminiDB's API has no status filter): add -Service RDS -InstanceId <id>, " +
                $"or filter GeminiDB backups after listing them: Get-RdsBackup | Where-Object Status -eq '{Status}'.", ApiErrorKind.InvalidArgument), Status));
        }
        base.ProcessRecord();
    }

    private protected override IAsyncEnumerable<object> List(HuaweiCloudConnection connection, PagingOptions paging, CancellationToken cancellationToken)
    {
        var after = Timestamps.FromDateTime(CreatedAfter);
        var before = Timestamps.FromDateTime(CreatedBefore);
        if (Service == RdsBackupService.RDS)
        {
            return connection.GetRdsBackupsAsync(new RdsBackupQuery
            {
                InstanceId = InstanceId,
                BackupId = BackupId,
                BackupType = BackupType,
                Status = Status,
                CreatedAfter = after,
                CreatedBefore = before,
            }, paging, cancellationToken);
        }
        return connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery
        {
            InstanceId = InstanceId,
            DatastoreType = DatastoreType,
            BackupId = BackupId,
            BackupType = BackupType,
            Type = Type,
            CreatedAfter = after,
            CreatedBefore = before,
        }, paging, cancellationToken);
    }
}
