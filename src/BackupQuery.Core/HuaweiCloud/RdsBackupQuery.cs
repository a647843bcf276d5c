using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>What Get-RdsBackup asks of relational RDS (<c>GET /v3/{project_id}/backups</c>); the API requires an instance.</summary>
internal sealed class RdsBackupQuery
{
    public static readonly IReadOnlyList<string> BackupTypes = ["auto", "manual", "fragment", "incremental"];
    public static readonly IReadOnlyList<string> Statuses = ["BUILDING", "COMPLETED", "FAILED", "DELETING"];

    public string? InstanceId { get; init; }
    public string? BackupId { get; init; }
    public string? BackupType { get; init; }
    /// <summary>SQL Server full backups only, per the API.</summary>
    public string? Status { get; init; }
    public DateTimeOffset? CreatedAfter { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }

    internal IReadOnlyList<KeyValuePair<string, string>> Parameters(DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(InstanceId)) throw QueryValues.Invalid("Relational RDS lists backups per instance: give -InstanceId.");
        var parameters = new QueryParameters();
        parameters.Add("instance_id", InstanceId!.Trim());
        parameters.Add("backup_id", BackupId);
        parameters.Add("backup_type", DocumentedValues.Canonical(BackupType, BackupTypes));
        parameters.Add("status", DocumentedValues.Canonical(Status, Statuses));
        if (QueryValues.Window(CreatedAfter, CreatedBefore, now) is { } window)
        {
            parameters.Add("begin_time", QueryValues.WithOffset(window.Begin));
            parameters.Add("end_time", QueryValues.WithOffset(window.End));
        }
        return parameters;
    }
}
