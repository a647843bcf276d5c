namespace BackupQuery.Records;

/// <summary>
/// A database instance of GeminiDB or relational RDS (<c>GET /v3/{project_id}/instances</c> of each service), with its
/// automated-backup setting (<c>backup_strategy</c>). Times carry the API's offset; zone-less ones are UTC.
/// </summary>
public sealed class DatabaseInstance : HuaweiCloudInventoryRecord
{
    internal DatabaseInstance(RecordSource source) : base(source) { }

    /// <summary><c>GeminiDB</c> or <c>RDS</c>.</summary>
    public string Service { get; internal init; } = "";

    public HuaweiCloudDatastore? Datastore { get; internal init; }
    public string? DatastoreType => Datastore?.Type;
    public string? DatastoreVersion => Datastore?.Version;
    /// <summary>GeminiDB: the deployment <c>mode</c> (Cluster, ReplicaSet...); RDS: the instance <c>type</c> (Single, Ha, Replica).</summary>
    public string? Mode { get; internal init; }
    /// <summary><c>backup_strategy.keep_days</c>: days automated backups are kept; 0 means automated backup is off.</summary>
    public int? BackupKeepDays { get; internal init; }
    /// <summary><c>backup_strategy.start_time</c>: the daily backup window, e.g. <c>08:00-09:00</c> (UTC).</summary>
    public string? BackupWindow { get; internal init; }
    /// <summary>True when the instance takes automated backups (keep days above 0).</summary>
    public bool AutomatedBackup => BackupKeepDays > 0;
    public DateTimeOffset? CreatedAt { get; internal init; }
    /// <summary>The API's <c>created</c>, as received.</summary>
    public string? CreatedAtText { get; internal init; }
}
