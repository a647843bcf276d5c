namespace BackupQuery.Records;

/// <summary>A ZStack database backup (QueryDatabaseBackup). Dates are the management node's wall-clock times in its zone.</summary>
public sealed class ZStackDatabaseBackup : BackupRecord
{
    private ZStackBackupMetadata? _metadata;
    private volatile bool _metadataRead;

    internal ZStackDatabaseBackup(RecordSource source) : base(source) { }

    public override string Provider => ProviderNames.ZStack;
    public override string Service => "DatabaseBackup";

    public string Uuid => Id;
    public string? Description { get; internal init; }
    public string? State { get; internal init; }
    /// <summary>The API's <c>size</c>, in bytes.</summary>
    public long? Size { get; internal init; }
    /// <summary>The API's <c>metadata</c> string, parsed when first read: most listings never look inside it.</summary>
    public ZStackBackupMetadata? Metadata
    {
        get
        {
            // A race only parses the same text twice.
            if (!_metadataRead)
            {
                _metadata = MetadataReader?.Invoke(MetadataJson);
                _metadataRead = true;
            }
            return _metadata;
        }
    }

    /// <summary>The API's <c>metadata</c> string, as received.</summary>
    public string? MetadataJson { get; internal init; }

    /// <summary>How <see cref="Metadata"/> is read from <see cref="MetadataJson"/>.</summary>
    internal Func<string?, ZStackBackupMetadata?>? MetadataReader { get; init; }

    public DateTimeOffset? CreateDate => CreatedAt;
    public DateTimeOffset? LastOpDate { get; internal init; }
    public RecordList<ZStackBackupStorageRef> BackupStorageRefs { get; internal init; } = RecordList<ZStackBackupStorageRef>.Empty;

    // Flattened for Export-Csv: the first (usually only) backup storage.
    public string? BackupStorageUuid => BackupStorageRefs.Count > 0 ? BackupStorageRefs[0].BackupStorageUuid : null;
    public string? InstallPath => BackupStorageRefs.Count > 0 ? BackupStorageRefs[0].InstallPath : null;
    public string? DatabaseVersion => Metadata?.Version;
    public string? BackupType => Metadata?.Type;
}

/// <summary>Where a ZStack database backup is stored.</summary>
public sealed class ZStackBackupStorageRef
{
    internal ZStackBackupStorageRef() { }

    public string? DatabaseBackupUuid { get; internal init; }
    public string? BackupStorageUuid { get; internal init; }
    public string? InstallPath { get; internal init; }
    public string? ExportUrl { get; internal init; }
    public string? Status { get; internal init; }
    public DateTimeOffset? CreateDate { get; internal init; }
    public DateTimeOffset? LastOpDate { get; internal init; }

    public override string ToString() => InstallPath ?? BackupStorageUuid ?? "";
}

/// <summary>The <c>metadata</c> JSON string of a ZStack database backup, parsed.</summary>
public sealed class ZStackBackupMetadata
{
    internal ZStackBackupMetadata() { }

    public string? Name { get; internal init; }
    public string? Description { get; internal init; }
    public string? Version { get; internal init; }
    /// <summary><c>singleDatabase</c> or <c>multiDatabase</c>.</summary>
    public string? Type { get; internal init; }
    public DateTimeOffset? CreatedTime { get; internal init; }
    public string? Md5 { get; internal init; }

    public override string ToString() => $"{Type} {Version}".Trim();
}

/// <summary>A database backup image found on an ImageStore backup server (GetDatabaseBackupFromImageStore).</summary>
public sealed class ZStackImageStoreBackup : BackupRecord
{
    internal ZStackImageStoreBackup(RecordSource source) : base(source) { }

    public override string Provider => ProviderNames.ZStack;
    public override string Service => "ImageStoreBackup";

    public string? Version { get; internal init; }
    /// <summary><c>zstore://&lt;imageName&gt;/&lt;imageId&gt;</c>.</summary>
    public string? InstallPath { get; internal init; }
    public string? Type { get; internal init; }
    public long? Size { get; internal init; }
    public string? Md5 { get; internal init; }
    public DateTimeOffset? CreatedTime => CreatedAt;
    /// <summary>The backup server the scan ran on.</summary>
    public string BackupStorageHost { get; internal init; } = "";

    // Only in the raw image shape (<c>infos</c>) some servers return.
    public string? Parent { get; internal init; }
    public string? Blobsum { get; internal init; }
    public string? Author { get; internal init; }
    public string? Architecture { get; internal init; }
    public long? VirtualSize { get; internal init; }
}
