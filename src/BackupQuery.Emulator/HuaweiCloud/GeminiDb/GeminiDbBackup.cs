namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>One GeminiDB (GaussDB NoSQL) backup as <c>GET /v3.1/{project_id}/backups</c> lists it. Size is KB.</summary>
/// <param name="Type"><c>Auto</c> or <c>Manual</c> (the <c>backup_type</c> filter).</param>
/// <param name="PolicyType"><c>Instance</c> or <c>DatabaseTable</c> (the <c>type</c> filter; not a response field).</param>
public sealed record GeminiDbBackup(
    string Id, string Name, string Description, string InstanceId, string InstanceName,
    string DatastoreType, string DatastoreVersion, string Type, DateTimeOffset BeginTime, DateTimeOffset EndTime,
    string Status, double Size, string PolicyType, IReadOnlyList<GeminiDbDatabaseTable>? DatabaseTables);

public sealed record GeminiDbDatabaseTable(string DatabaseName, IReadOnlyList<string>? TableNames);

public sealed record GeminiDbInstance(string Id, string Name, string DatastoreType, string DatastoreVersion);
