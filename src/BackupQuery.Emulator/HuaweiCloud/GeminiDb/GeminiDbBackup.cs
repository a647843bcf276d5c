namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>One GeminiDB (GaussDB NoSQL) backup as <c>GET /v3.1/{project_id}/backups</c> lists it. Size is KB.</summary>
/// <param name="Type"><c>Auto</c> or <c>Manual</c> (the <c>backup_type</c> filter).</param>
/// <param name="PolicyType"><c>Instance</c> or <c>DatabaseTable</c> (the <c>type</c> filter; not a response field).</param>
public sealed record GeminiDbBackup(
    string Id, string Name, string Description, string InstanceId, string InstanceName,
    string DatastoreType, string DatastoreVersion, string Type, DateTimeOffset BeginTime, DateTimeOffset EndTime,
    string Status, double Size, string PolicyType, IReadOnlyList<GeminiDbDatabaseTable>? DatabaseTables);

public sealed record GeminiDbDatabaseTable(string DatabaseName, IReadOnlyList<string>? TableNames);

/// <summary>A GeminiDB instance as <c>GET /v3/{project_id}/instances</c> lists it; <see cref="KeepDays"/> 0 means automated backup is off.</summary>
public sealed record GeminiDbInstance(string Id, string Name, string DatastoreType, string DatastoreVersion) : IDatabaseInstance
{
    public string Status { get; init; } = "normal";
    public int KeepDays { get; init; } = 7;
    public string BackupWindow { get; init; } = "19:00-20:00";
    public DateTimeOffset Created { get; init; }

    /// <summary>The instance type the <c>mode</c> filter matches (Cluster, ReplicaSet, InfluxdbCluster, ...).</summary>
    public string Mode => DatastoreType switch
    {
        "mongodb" => "ReplicaSet",
        "influxdb" => "InfluxdbCluster",
        _ => "Cluster",
    };
}
