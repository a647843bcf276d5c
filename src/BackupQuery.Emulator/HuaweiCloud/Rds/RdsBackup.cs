namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>One relational RDS backup as <c>GET /v3/{project_id}/backups</c> lists it. Size is KB.</summary>
public sealed record RdsBackup(
    string Id, string InstanceId, string Name, IReadOnlyList<string> Databases, DateTimeOffset BeginTime, DateTimeOffset EndTime,
    string Status, string Type, long Size, string DatastoreType, string DatastoreVersion, bool AssociatedWithDdm,
    int MinDataVolumeCapacityForRestore);

/// <summary>An RDS instance as <c>GET /v3/{project_id}/instances</c> lists it; <see cref="KeepDays"/> 0 means automated backup is off.</summary>
public sealed record RdsInstance(string Id, string Name, string DatastoreType, string DatastoreVersion) : IDatabaseInstance
{
    public string Status { get; init; } = "ACTIVE";
    /// <summary>Single, Ha or Replica.</summary>
    public string Type { get; init; } = "Ha";
    public int KeepDays { get; init; } = 7;
    public string BackupWindow { get; init; } = "08:15-09:15";
    public DateTimeOffset Created { get; init; }
}
