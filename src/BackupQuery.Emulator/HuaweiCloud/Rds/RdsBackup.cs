namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>One relational RDS backup as <c>GET /v3/{project_id}/backups</c> lists it. Size is KB.</summary>
public sealed record RdsBackup(
    string Id, string InstanceId, string Name, IReadOnlyList<string> Databases, DateTimeOffset BeginTime, DateTimeOffset EndTime,
    string Status, string Type, long Size, string DatastoreType, string DatastoreVersion, bool AssociatedWithDdm,
    int MinDataVolumeCapacityForRestore);

public sealed record RdsInstance(string Id, string Name, string DatastoreType, string DatastoreVersion);
