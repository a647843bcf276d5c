namespace BackupQuery.Emulator.ZStack;

/// <summary>A VolumeInventory (QueryVolume). <see cref="VmInstanceUuid"/> is null for a detached data volume. Size is bytes.</summary>
public sealed record ZStackVolume(string Uuid, string Name, string Type, string? VmInstanceUuid, long Size, DateTimeOffset CreateDate)
{
    public string? Description { get; init; }
    public string PrimaryStorageUuid { get; init; } = "";
    public string? RootImageUuid { get; init; }
    public string InstallPath { get; init; } = "";
    public string Format { get; init; } = "qcow2";
    public long ActualSize { get; init; }
    public long? DeviceId { get; init; }
    public string State { get; init; } = "Enabled";
    public string Status { get; init; } = "Ready";
    public DateTimeOffset LastOpDate { get; init; }
    public bool IsShareable { get; init; }
}

/// <summary>A VolumeBackupInventory (QueryVolumeBackup). Status Ready, Creating or Failed (docs/api_facts.md). Size is bytes.</summary>
public sealed record ZStackVolumeBackup(string Uuid, string Name, string VolumeUuid, string? VmInstanceUuid, string Status, DateTimeOffset CreateDate)
{
    public string? Description { get; init; }
    public string Type { get; init; } = "Full";
    public string State { get; init; } = "Enabled";
    public long? Size { get; init; }
    public string HypervisorType { get; init; } = "KVM";
    public string? Metadata { get; init; }
    public string? GroupUuid { get; init; }
    public string Mode { get; init; } = "full";
    public DateTimeOffset LastOpDate { get; init; }
    public IReadOnlyList<ZStackVolumeBackupRef> BackupStorageRefs { get; init; } = [];
}

/// <summary>One element of a volume backup's <c>backupStorageRefs</c>.</summary>
public sealed record ZStackVolumeBackupRef(string VolumeBackupUuid, string BackupStorageUuid, string InstallPath, string Status, DateTimeOffset CreateDate, DateTimeOffset LastOpDate);

/// <summary>A SchedulerJobInventory (QuerySchedulerJob): a backup job protects its target (a volume, or every volume of a VM).</summary>
public sealed record ZStackSchedulerJob(string Uuid, string Name, string TargetResourceUuid, string JobClassName, string State, DateTimeOffset CreateDate)
{
    public string? Description { get; init; }
    public string JobData { get; init; } = "{}";
    public IReadOnlyList<string> TriggersUuid { get; init; } = [];
}
