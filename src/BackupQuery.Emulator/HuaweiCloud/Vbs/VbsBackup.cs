namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>One VBS backup as <c>/v2/{project_id}/backups/detail</c> lists it. Size is GB; times are UTC without a zone.</summary>
/// <param name="ServiceMetadata">A JSON document inside a string, as the API returns it.</param>
public sealed record VbsBackup(
    string Id, string? Name, string? Description, string Status, string AvailabilityZone, string VolumeId, string? SnapshotId,
    string? FailReason, int Size, int ObjectCount, string Container, DateTime CreatedAt, DateTime UpdatedAt, DateTime DataTimestamp,
    string TenantId, bool HasDependentBackups, bool IsIncremental, string ServiceMetadata);

public sealed record VbsVolume(string Id, string Name, string AvailabilityZone, int SizeGb);
