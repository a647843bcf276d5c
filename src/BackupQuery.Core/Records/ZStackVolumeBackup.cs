namespace BackupQuery.Records;

/// <summary>A ZStack volume backup (QueryVolumeBackup). Dates are the management node's wall-clock times in its zone.</summary>
public sealed class ZStackVolumeBackup : BackupRecord
{
    internal ZStackVolumeBackup(RecordSource source) : base(source) { }

    public override string Provider => ZStack.ZStackProtocol.ProviderName;
    public override string Service => "VolumeBackup";

    public string Uuid => Id;
    /// <summary>The backed-up volume.</summary>
    public string? VolumeUuid { get; internal init; }
    public string? Description { get; internal init; }
    public string? Type { get; internal init; }
    public string? State { get; internal init; }
    /// <summary>The API's <c>size</c>, in bytes.</summary>
    public long? Size { get; internal init; }
    /// <summary>The API's <c>metadata</c> string, as received.</summary>
    public string? Metadata { get; internal init; }
    public DateTimeOffset? CreateDate => CreatedAt;
    public DateTimeOffset? LastOpDate { get; internal init; }
    public RecordList<ZStackVolumeBackupStorageRef> BackupStorageRefs { get; internal init; } = RecordList<ZStackVolumeBackupStorageRef>.Empty;

    // Flattened for Export-Csv: the first (usually only) backup storage.
    public string? BackupStorageUuid => BackupStorageRefs.Count > 0 ? BackupStorageRefs[0].BackupStorageUuid : null;
    public string? InstallPath => BackupStorageRefs.Count > 0 ? BackupStorageRefs[0].InstallPath : null;
}

/// <summary>Where a ZStack volume backup is stored (<c>backupStorageRefs[]</c>).</summary>
public sealed class ZStackVolumeBackupStorageRef
{
    internal ZStackVolumeBackupStorageRef() { }

    public string? VolumeBackupUuid { get; internal init; }
    public string? BackupStorageUuid { get; internal init; }
    public string? InstallPath { get; internal init; }
    public string? Status { get; internal init; }
    public DateTimeOffset? CreateDate { get; internal init; }
    public DateTimeOffset? LastOpDate { get; internal init; }

    public override string ToString() => InstallPath ?? BackupStorageUuid ?? "";
}
