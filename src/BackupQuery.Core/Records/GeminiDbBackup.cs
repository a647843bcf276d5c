namespace BackupQuery.Records;

/// <summary>
/// A GeminiDB (GaussDB NoSQL) backup (<c>GET /v3.1/{project_id}/backups</c>). Times carry the API's offset;
/// <see cref="BackupRecord.CreatedAt"/> is the backup's begin time; <see cref="BackupRecord.SizeBytes"/> is <see cref="SizeKB"/> × 1024.
/// </summary>
public sealed class GeminiDbBackup : HuaweiCloudBackupRecord
{
    internal GeminiDbBackup(RecordSource source) : base(source) { }

    public override string Service => "GeminiDB";

    public string? Description { get; internal init; }
    public string? InstanceId { get; internal init; }
    public string? InstanceName { get; internal init; }
    public HuaweiCloudDatastore? Datastore { get; internal init; }
    public string? DatastoreType => Datastore?.Type;
    public string? DatastoreVersion => Datastore?.Version;
    /// <summary><c>Auto</c> or <c>Manual</c>.</summary>
    public string? Type { get; internal init; }
    /// <summary>The API's <c>size</c>, in KB (1024 bytes).</summary>
    public double? SizeKB { get; internal init; }
    public DateTimeOffset? BeginTime { get; internal init; }
    public DateTimeOffset? EndTime { get; internal init; }
    /// <summary>The API's <c>begin_time</c>, as received.</summary>
    public string? BeginTimeText { get; internal init; }
    public string? EndTimeText { get; internal init; }
    /// <summary>Databases and tables of a table-level (Cassandra) backup.</summary>
    public RecordList<GeminiDbDatabaseTables> DatabaseTables { get; internal init; } = RecordList<GeminiDbDatabaseTables>.Empty;
}

/// <summary>One database of a GeminiDB backup and its tables (null table list = the whole database).</summary>
public sealed class GeminiDbDatabaseTables
{
    internal GeminiDbDatabaseTables() { }

    public string? DatabaseName { get; internal init; }
    public IReadOnlyList<string>? TableNames { get; internal init; }

    public override string ToString() => TableNames is null ? DatabaseName ?? "" : $"{DatabaseName}({string.Join(",", TableNames)})";
}
