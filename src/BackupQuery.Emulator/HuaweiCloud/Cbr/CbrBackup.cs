namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// One CBR backup (BackupResp). Times are UTC without a zone on the wire; <see cref="ResourceSize"/> is GB.
/// <see cref="Incremental"/>, <see cref="Version"/> and <see cref="EnterpriseProjectId"/> are null where the seed page
/// omits them (they are then not written).
/// </summary>
public sealed record CbrBackup
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string CheckpointId { get; init; }
    public string? ParentId { get; init; }
    public required string ProjectId { get; init; }
    public required string VaultId { get; init; }
    public required string ProviderId { get; init; }
    public required string ResourceId { get; init; }
    public required string ResourceName { get; init; }
    public required string ResourceAz { get; init; }
    public required string ResourceType { get; init; }
    public int ResourceSize { get; init; }
    public required string Status { get; init; }
    public required string ImageType { get; init; }
    public bool? Incremental { get; init; }
    public int? Version { get; init; }
    public string? EnterpriseProjectId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? ExpiredAt { get; init; }
    public DateTime? ProtectedAt { get; init; }
    public IReadOnlyList<CbrBackup> Children { get; init; } = [];
    public required CbrExtendInfo ExtendInfo { get; init; }
    public IReadOnlyList<CbrReplicationRecord> ReplicationRecords { get; init; } = [];
}

/// <summary><c>extend_info</c>. <see cref="AppConsistency"/>, <see cref="Architecture"/>, <see cref="Encrypted"/> and
/// <see cref="IsMultiAz"/> are omitted from the JSON when null; the other nullables are written as null.</summary>
public sealed record CbrExtendInfo(
    CbrAppConsistency? AppConsistency, bool AutoTrigger, bool? Bootable, IReadOnlyList<string>? OsImageIds, int? Progress,
    string? SnapshotId, bool SupportLld, string? SupportedRestoreMode, bool SystemDisk, bool ContainSystemDisk,
    string? Architecture, bool? Encrypted = null, bool? IsMultiAz = null);

/// <summary>The seed page's <c>app_consistency</c> object: all strings.</summary>
public sealed record CbrAppConsistency(string AppConsistency, string Status, string ErrorCode, string ErrorMessage);

/// <summary>A replication of the backup to another region; <c>extra_info.destinatio_vault_id</c> is misspelt on the wire.</summary>
public sealed record CbrReplicationRecord(
    string Id, string Status, DateTime CreatedAt, string SourceBackupId, string SourceCheckpointId, string SourceProjectId,
    string SourceRegion, string? DestinationBackupId, string? DestinationCheckpointId, string DestinationProjectId,
    string DestinationRegion, string DestinationVaultId, string VaultId, int Progress, string? FailCode, string? FailReason,
    bool AutoTrigger);

/// <summary>A vault as ListVaults lists it. <see cref="ObjectType"/> is <c>billing.object_type</c>; sizes are GB.</summary>
public sealed record CbrVault(string Id, string Name, string ResourceType)
{
    public string ObjectType { get; init; } = "server";
    public string ProviderId { get; init; } = CbrDataset.EcsProvider;
    public int SizeGb { get; init; } = 1000;
    public string Status { get; init; } = "available";
    /// <summary>The policy the vault is bound to (only the <c>policy_id</c> filter shows it: a vault reply has no such field).</summary>
    public string? PolicyId { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>A server or disk as ListProtectable lists it; <see cref="VaultId"/> is the vault it is in, if any. Size is GB.</summary>
public sealed record CbrProtectable(string Id, string Name, string Type, string Az, int SizeGb, string? VaultId)
{
    public string Status { get; init; } = "active";
    /// <summary>For a disk, the server it is attached to (the <c>server_id</c> filter).</summary>
    public string? ServerId { get; init; }
}

/// <summary>A resource's available backups and the MB they store (ListVaults' <c>backup_count</c> and <c>backup_size</c>).</summary>
public sealed record CbrResourceBackups(int Count, long StoredMb);
