namespace BackupQuery.Records;

/// <summary>
/// A VBS (volume) backup (<c>GET /v2/{project_id}/backups[/detail]</c>). A summary listing fills only Id, Name and
/// <see cref="Links"/>; the detailed listing fills the rest. Zone-less times are UTC; <see cref="BackupRecord.SizeBytes"/>
/// is <see cref="SizeGB"/> × 1024³.
/// </summary>
public sealed class VbsBackup : HuaweiCloudBackupRecord
{
    internal VbsBackup(RecordSource source) : base(source) { }

    public override string Service => "VBS";

    /// <summary>True when the record came from the detailed listing.</summary>
    public bool IsDetailed { get; internal init; }
    public RecordList<HuaweiCloudLink> Links { get; internal init; } = RecordList<HuaweiCloudLink>.Empty;
    /// <summary>The API's <c>description</c>, as received (it may itself be JSON, see <see cref="DescriptionInfo"/>).</summary>
    public string? Description { get; internal init; }
    public VbsBackupDescription? DescriptionInfo { get; internal init; }
    public string? AvailabilityZone { get; internal init; }
    public string? VolumeId { get; internal init; }
    public string? SnapshotId { get; internal init; }
    public string? FailReason { get; internal init; }
    /// <summary>The API's <c>size</c>, in GB (1024³ bytes).</summary>
    public long? SizeGB { get; internal init; }
    public long? ObjectCount { get; internal init; }
    public string? Container { get; internal init; }
    public DateTimeOffset? UpdatedAt { get; internal init; }
    public DateTimeOffset? DataTimestamp { get; internal init; }
    public string? CreatedAtText { get; internal init; }
    public string? UpdatedAtText { get; internal init; }
    public string? DataTimestampText { get; internal init; }
    /// <summary><c>os-bak-tenant-attr:tenant_id</c>.</summary>
    public string? TenantId { get; internal init; }
    public bool? HasDependentBackups { get; internal init; }
    public bool? IsIncremental { get; internal init; }
    /// <summary>The API's <c>service_metadata</c> string, as received.</summary>
    public string? ServiceMetadataJson { get; internal init; }
    public VbsServiceMetadata? ServiceMetadata { get; internal init; }
}

/// <summary>A link of a record (<c>self</c>, <c>bookmark</c>).</summary>
public sealed class HuaweiCloudLink
{
    internal HuaweiCloudLink() { }

    public string? Href { get; internal init; }
    public string? Rel { get; internal init; }

    public override string ToString() => $"{Rel}: {Href}";
}

/// <summary>A VBS description that is itself JSON (<c>{"DESC": ..., "INC": ...}</c>).</summary>
public sealed class VbsBackupDescription
{
    internal VbsBackupDescription() { }

    /// <summary><c>DESC</c>: the user's description.</summary>
    public string? Desc { get; internal init; }
    /// <summary><c>INC</c>: the incremental flag as the service wrote it.</summary>
    public string? Inc { get; internal init; }

    public override string ToString() => Desc ?? "";
}

/// <summary>The <c>service_metadata</c> JSON string of a VBS backup, parsed. Units as the service states them.</summary>
public sealed class VbsServiceMetadata
{
    internal VbsServiceMetadata() { }

    public string? Progress { get; internal init; }
    /// <summary><c>Type</c>: 0 full, 1 incremental.</summary>
    public long? Type { get; internal init; }
    public string? BackupKind => Type switch { 0 => "Full", 1 => "Incremental", _ => null };
    /// <summary><c>CS</c>: changed data, MB.</summary>
    public double? ChangedSizeMB { get; internal init; }
    /// <summary><c>AT</c>: average throughput, MB/s.</summary>
    public double? AverageThroughputMBps { get; internal init; }
    /// <summary><c>SS</c>, as sent.</summary>
    public string? SS { get; internal init; }
    /// <summary><c>BT</c>, as sent.</summary>
    public string? BT { get; internal init; }
    /// <summary><c>VT</c>, as sent.</summary>
    public string? VT { get; internal init; }
    public string? BackupUrl { get; internal init; }
    public string? SnapId { get; internal init; }
    public string? BackupSize { get; internal init; }
    /// <summary>Every member as text, including ones not listed above.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; internal init; } = new Dictionary<string, string?>();

    public override string ToString() => BackupKind ?? "";
}
