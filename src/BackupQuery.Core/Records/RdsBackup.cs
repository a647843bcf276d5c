namespace BackupQuery.Records;

/// <summary>
/// A relational RDS backup (MySQL, PostgreSQL, SQL Server, MariaDB; <c>GET /v3/{project_id}/backups</c>).
/// <see cref="BackupRecord.CreatedAt"/> is the begin time; <see cref="BackupRecord.SizeBytes"/> is <see cref="SizeKB"/> × 1024.
/// </summary>
public sealed class RdsBackup : HuaweiCloudBackupRecord
{
    internal RdsBackup(RecordSource source) : base(source) { }

    public override string Service => "RDS";

    public string? InstanceId { get; internal init; }
    public RecordList<RdsBackupDatabase> Databases { get; internal init; } = RecordList<RdsBackupDatabase>.Empty;
    /// <summary>The database names, comma-separated (for Export-Csv).</summary>
    public string DatabaseNames => string.Join(",", Databases.Select(d => d.Name));
    /// <summary><c>auto</c>, <c>manual</c>, <c>fragment</c> or <c>incremental</c>.</summary>
    public string? Type { get; internal init; }
    /// <summary>The API's <c>size</c>, in KB (1024 bytes).</summary>
    public long? SizeKB { get; internal init; }
    public HuaweiCloudDatastore? Datastore { get; internal init; }
    public string? DatastoreType => Datastore?.Type;
    public string? DatastoreVersion => Datastore?.Version;
    public DateTimeOffset? BeginTime { get; internal init; }
    public DateTimeOffset? EndTime { get; internal init; }
    public string? BeginTimeText { get; internal init; }
    public string? EndTimeText { get; internal init; }
    public bool? AssociatedWithDdm { get; internal init; }
    /// <summary>Smallest data volume a restore of this backup needs (GB).</summary>
    public double? MinDataVolumeCapacityForRestore { get; internal init; }
}

/// <summary>A database included in an RDS backup.</summary>
public sealed class RdsBackupDatabase
{
    internal RdsBackupDatabase() { }

    public string? Name { get; internal init; }

    public override string ToString() => Name ?? "";
}
