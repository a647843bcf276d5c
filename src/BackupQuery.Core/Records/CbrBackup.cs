namespace BackupQuery.Records;

/// <summary>
/// A CBR backup (<c>GET /v3/{project_id}/backups</c>): a server, disk or file-system backup, with its per-disk
/// <see cref="Children"/>. Zone-less times are UTC. <see cref="BackupRecord.SizeBytes"/> is null: CBR's ListBackups gives the
/// protected resource's size (<see cref="ResourceSizeGB"/>), not the backup's; a vault's backup space is <see cref="CbrVault.UsedBytes"/>.
/// </summary>
public sealed class CbrBackup : HuaweiCloudBackupRecord
{
    internal CbrBackup(RecordSource source) : base(source) { }

    public override string Service => "CBR";

    public string? Description { get; internal init; }
    public string? CheckpointId { get; internal init; }
    public string? ParentId { get; internal init; }
    public string? VaultId { get; internal init; }
    /// <summary>The protected resource's kind of provider (ECS, EVS, SFS Turbo, VMware): see <see cref="ProviderKind"/>.</summary>
    public string? ProviderId { get; internal init; }
    public string? ProviderKind => ProviderId switch
    {
        "0daac4c5-6707-4851-97ba-169e36266b66" => "ECS",
        "d1603440-187d-4516-af25-121250c7cc97" => "EVS",
        "3f3c3220-245c-4805-b811-758870015881" => "SFS Turbo",
        "a13639de-00be-4e94-af30-26912d75e4a2" => "VMware",
        _ => null,
    };
    public string? ResourceId { get; internal init; }
    public string? ResourceName { get; internal init; }
    public string? ResourceAz { get; internal init; }
    /// <summary><c>OS::Nova::Server</c>, <c>OS::Cinder::Volume</c>, ...</summary>
    public string? ResourceType { get; internal init; }
    /// <summary>The API's <c>resource_size</c>: the size of the protected resource (not of the backup), in GB (1024³ bytes).</summary>
    public long? ResourceSizeGB { get; internal init; }
    /// <summary><c>backup</c> or <c>replication</c>.</summary>
    public string? ImageType { get; internal init; }
    public bool? Incremental { get; internal init; }
    public long? Version { get; internal init; }
    public string? EnterpriseProjectId { get; internal init; }
    public DateTimeOffset? UpdatedAt { get; internal init; }
    public DateTimeOffset? ExpiredAt { get; internal init; }
    public DateTimeOffset? ProtectedAt { get; internal init; }
    public string? CreatedAtText { get; internal init; }
    public string? UpdatedAtText { get; internal init; }
    public string? ExpiredAtText { get; internal init; }
    public string? ProtectedAtText { get; internal init; }
    /// <summary>Per-disk backups of a server backup (their ids, as text).</summary>
    public RecordList<CbrBackup> Children { get; internal init; } = RecordList<CbrBackup>.Empty;
    public int ChildCount => Children.Count;
    public RecordList<CbrReplicationRecord> ReplicationRecords { get; internal init; } = RecordList<CbrReplicationRecord>.Empty;
    public CbrBackupExtendInfo? ExtendInfo { get; internal init; }

    // Flattened from ExtendInfo for Export-Csv.
    public bool? AutoTrigger => ExtendInfo?.AutoTrigger;
    public bool? Bootable => ExtendInfo?.Bootable;
    public string? SnapshotId => ExtendInfo?.SnapshotId;
    public string? SupportedRestoreMode => ExtendInfo?.SupportedRestoreMode;
    public bool? ContainSystemDisk => ExtendInfo?.ContainSystemDisk;
    public bool? SystemDisk => ExtendInfo?.SystemDisk;
    public bool? Encrypted => ExtendInfo?.Encrypted;
}

/// <summary>CBR's <c>extend_info</c>. Members this build does not know are ignored.</summary>
public sealed class CbrBackupExtendInfo
{
    internal CbrBackupExtendInfo() { }

    public bool? AutoTrigger { get; internal init; }
    public bool? Bootable { get; internal init; }
    public string? SnapshotId { get; internal init; }
    public bool? SupportLld { get; internal init; }
    /// <summary><c>na</c>, <c>backup</c> or <c>snapshot</c>.</summary>
    public string? SupportedRestoreMode { get; internal init; }
    public RecordList<string> OsImageIds { get; internal init; } = RecordList<string>.Empty;
    public bool? ContainSystemDisk { get; internal init; }
    public bool? Encrypted { get; internal init; }
    public bool? SystemDisk { get; internal init; }
    public bool? IsMultiAz { get; internal init; }
    public string? Architecture { get; internal init; }
    public string? Progress { get; internal init; }
    public CbrAppConsistency? AppConsistency { get; internal init; }

    /// <summary>The flags that are set and the restore mode, e.g. <c>auto-trigger, bootable; restore: backup</c>.</summary>
    public override string ToString()
    {
        var flags = new[] { (AutoTrigger, "auto-trigger"), (Bootable, "bootable"), (Encrypted, "encrypted"), (SystemDisk, "system disk"), (ContainSystemDisk, "contains system disk"), (IsMultiAz, "multi-AZ") }
            .Where(f => f.Item1 == true).Select(f => f.Item2);
        var text = string.Join(", ", flags);
        return SupportedRestoreMode is null ? text : text.Length == 0 ? $"restore: {SupportedRestoreMode}" : $"{text}; restore: {SupportedRestoreMode}";
    }
}

/// <summary>Application-consistency state of a CBR server backup (strings, as the API sends them).</summary>
public sealed class CbrAppConsistency
{
    internal CbrAppConsistency() { }

    public string? AppConsistency { get; internal init; }
    public string? AppConsistencyStatus { get; internal init; }
    public string? AppConsistencyErrorCode { get; internal init; }
    public string? AppConsistencyErrorMessage { get; internal init; }

    public override string ToString() => AppConsistencyStatus ?? "";
}

/// <summary>A cross-region replication of a CBR backup.</summary>
public sealed class CbrReplicationRecord
{
    internal CbrReplicationRecord() { }

    public string? Id { get; internal init; }
    /// <summary><c>replicating</c>, <c>success</c>, <c>fail</c>, <c>skip</c>, <c>waiting_replicate</c>.</summary>
    public string? Status { get; internal init; }
    public DateTimeOffset? CreatedAt { get; internal init; }
    public string? CreatedAtText { get; internal init; }
    public string? SourceBackupId { get; internal init; }
    public string? SourceCheckpointId { get; internal init; }
    public string? SourceProjectId { get; internal init; }
    public string? SourceRegion { get; internal init; }
    public string? DestinationBackupId { get; internal init; }
    public string? DestinationCheckpointId { get; internal init; }
    public string? DestinationProjectId { get; internal init; }
    public string? DestinationRegion { get; internal init; }
    public string? DestinationVaultId { get; internal init; }
    public string? VaultId { get; internal init; }
    public long? Progress { get; internal init; }
    public string? FailCode { get; internal init; }
    public string? FailReason { get; internal init; }
    public bool? AutoTrigger { get; internal init; }

    public override string ToString() => $"{SourceRegion} -> {DestinationRegion}: {Status}";
}
