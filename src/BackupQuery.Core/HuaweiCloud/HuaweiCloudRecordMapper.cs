using System.Globalization;
using System.Text.Json;
using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>
/// Wire shapes to records, stamped with where they came from. Tolerant per field: a bad date or a metadata string that
/// is not JSON leaves that property null (the raw text stays on the record); unknown enum values stay as sent.
/// </summary>
internal sealed class HuaweiCloudRecordMapper(string connectionName, string region, string projectId)
{
    private readonly RecordSource _source = new(connectionName, region, projectId);
    private Func<CbrBackupDto, CbrBackup>? _mapChild;
    public string ConnectionName => connectionName;
    public string Region => region;
    public string ProjectId => projectId;

    private const long KiB = 1024;
    private const long GiB = 1024L * 1024 * 1024;

    public GeminiDbBackup Map(GeminiDbBackupDto dto)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        var begin = odd.Huawei(dto.BeginTime, "begin_time");
        return new GeminiDbBackup(_source)
        {
            Id = odd.Required(dto.Id, "id"),
            Name = dto.Name,
            Status = dto.Status,
            Description = dto.Description,
            InstanceId = dto.InstanceId,
            InstanceName = dto.InstanceName,
            Datastore = Map(dto.Datastore),
            Type = dto.Type,
            SizeKB = dto.Size,
            SizeBytes = dto.Size is { } kb ? (long)Math.Round(kb * KiB, MidpointRounding.AwayFromZero) : null,
            BeginTime = begin,
            EndTime = odd.Huawei(dto.EndTime, "end_time"),
            CreatedAt = begin,
            BeginTimeText = dto.BeginTime,
            EndTimeText = dto.EndTime,
            DatabaseTables = RecordList.Of(dto.DatabaseTables, t => new GeminiDbDatabaseTables { DatabaseName = t.DatabaseName, TableNames = t.TableNames }),
            OddValues = odd.Values,
        };
    }

    public RdsBackup Map(RdsBackupDto dto)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        var begin = odd.Huawei(dto.BeginTime, "begin_time");
        return new RdsBackup(_source)
        {
            Id = odd.Required(dto.Id, "id"),
            Name = dto.Name,
            Status = dto.Status,
            InstanceId = dto.InstanceId,
            Databases = RecordList.Of(dto.Databases, d => new RdsBackupDatabase { Name = d.Name }),
            Type = dto.Type,
            SizeKB = dto.Size,
            SizeBytes = dto.Size * KiB,
            Datastore = Map(dto.Datastore),
            BeginTime = begin,
            EndTime = odd.Huawei(dto.EndTime, "end_time"),
            CreatedAt = begin,
            BeginTimeText = dto.BeginTime,
            EndTimeText = dto.EndTime,
            AssociatedWithDdm = dto.AssociatedWithDdm,
            MinDataVolumeCapacityForRestore = dto.MinDataVolumeCapacityForRestore,
            OddValues = odd.Values,
        };
    }

    /// <summary>A summary backup (id, name, links), or every field of a <see cref="VbsBackupDetailDto"/>.</summary>
    public VbsBackup Map(VbsBackupDto dto)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        var detail = dto as VbsBackupDetailDto;
        return new VbsBackup(_source)
        {
            Id = odd.Required(dto.Id, "id"),
            Name = dto.Name,
            Status = detail?.Status,
            IsDetailed = detail is not null,
            Links = RecordList.Of(dto.Links, l => new HuaweiCloudLink { Href = l.Href, Rel = l.Rel }, l => l.Href),
            Description = detail?.Description,
            DescriptionInfo = ParseDescription(detail?.Description),
            AvailabilityZone = detail?.AvailabilityZone,
            VolumeId = detail?.VolumeId,
            SnapshotId = detail?.SnapshotId,
            FailReason = detail?.FailReason,
            SizeGB = detail?.Size,
            SizeBytes = detail?.Size * GiB,
            ObjectCount = detail?.ObjectCount,
            Container = detail?.Container,
            CreatedAt = odd.Huawei(detail?.CreatedAt, "created_at"),
            UpdatedAt = odd.Huawei(detail?.UpdatedAt, "updated_at"),
            DataTimestamp = odd.Huawei(detail?.DataTimestamp, "data_timestamp"),
            CreatedAtText = detail?.CreatedAt,
            UpdatedAtText = detail?.UpdatedAt,
            DataTimestampText = detail?.DataTimestamp,
            TenantId = detail?.TenantId,
            HasDependentBackups = detail?.HasDependentBackups,
            IsIncremental = detail?.IsIncremental,
            ServiceMetadataJson = detail?.ServiceMetadata,
            ServiceMetadata = ParseServiceMetadata(detail?.ServiceMetadata),
            OddValues = odd.Values,
        };
    }

    public CbrBackup Map(CbrBackupDto dto)
    {
        var odd = new OddValueRecorder(dto.OddValues);
        var children = RecordList.Of(dto.Children, _mapChild ??= Map, c => c.Id);
        for (var i = 0; i < children.Count; i++) odd.Nested("children", children[i].OddValues);
        return new CbrBackup(_source)
        {
            Id = odd.Required(dto.Id, "id"),
            Name = dto.Name,
            Status = dto.Status,
            Description = dto.Description,
            CheckpointId = dto.CheckpointId,
            ParentId = dto.ParentId,
            VaultId = dto.VaultId,
            ProviderId = dto.ProviderId,
            ResourceId = dto.ResourceId,
            ResourceName = dto.ResourceName,
            ResourceAz = dto.ResourceAz,
            ResourceType = dto.ResourceType,
            // resource_size is the protected resource's size, not the backup's: CBR gives no backup size, so SizeBytes stays null.
            ResourceSizeGB = dto.ResourceSize,
            ImageType = dto.ImageType,
            Incremental = dto.Incremental,
            Version = dto.Version,
            EnterpriseProjectId = dto.EnterpriseProjectId,
            CreatedAt = odd.Huawei(dto.CreatedAt, "created_at"),
            UpdatedAt = odd.Huawei(dto.UpdatedAt, "updated_at"),
            ExpiredAt = odd.Huawei(dto.ExpiredAt, "expired_at"),
            ProtectedAt = odd.Huawei(dto.ProtectedAt, "protected_at"),
            CreatedAtText = dto.CreatedAt,
            UpdatedAtText = dto.UpdatedAt,
            ExpiredAtText = dto.ExpiredAt,
            ProtectedAtText = dto.ProtectedAt,
            Children = children,
            ReplicationRecords = RecordList.Of(dto.ReplicationRecords, Map),
            ExtendInfo = Map(dto.ExtendInfo),
            // The record's own project (a shared backup may belong to another).
            ProjectId = string.IsNullOrEmpty(dto.ProjectId) ? projectId : dto.ProjectId!,
            OddValues = odd.Values,
        };
    }

    private static HuaweiCloudDatastore? Map(DatastoreDto? dto) => dto is null ? null : new HuaweiCloudDatastore { Type = dto.Type, Version = dto.Version };

    private static CbrBackupExtendInfo? Map(CbrExtendInfoDto? dto) => dto is null ? null : new CbrBackupExtendInfo
    {
        AutoTrigger = dto.AutoTrigger,
        Bootable = dto.Bootable,
        SnapshotId = dto.SnapshotId,
        SupportLld = dto.SupportLld,
        SupportedRestoreMode = dto.SupportedRestoreMode,
        OsImageIds = ImageIds(dto.OsImagesData),
        ContainSystemDisk = dto.ContainSystemDisk,
        Encrypted = dto.Encrypted,
        SystemDisk = dto.SystemDisk,
        IsMultiAz = dto.IsMultiAz,
        Architecture = dto.Architecture,
        Progress = dto.Progress,
        AppConsistency = dto.AppConsistency is not { } a ? null : new CbrAppConsistency
        {
            AppConsistency = a.AppConsistency,
            AppConsistencyStatus = a.AppConsistencyStatus,
            AppConsistencyErrorCode = a.AppConsistencyErrorCode,
            AppConsistencyErrorMessage = a.AppConsistencyErrorMessage,
        },
    };

    private static RecordList<string> ImageIds(List<CbrOsImageDataDto>? images)
    {
        if (images is null || images.Count == 0) return RecordList<string>.Empty;
        var ids = new List<string>(images.Count);
        foreach (var image in images)
        {
            if (image.ImageId is { } id) ids.Add(id);
        }
        return new RecordList<string>(ids.ToArray(), null);
    }

    private static CbrReplicationRecord Map(CbrReplicationRecordDto dto) => new()
    {
        Id = dto.Id,
        Status = dto.Status,
        CreatedAt = Timestamps.ParseHuawei(dto.CreatedAt),
        CreatedAtText = dto.CreatedAt,
        SourceBackupId = dto.SourceBackupId,
        SourceCheckpointId = dto.SourceCheckpointId,
        SourceProjectId = dto.SourceProjectId,
        SourceRegion = dto.SourceRegion,
        DestinationBackupId = dto.DestinationBackupId,
        DestinationCheckpointId = dto.DestinationCheckpointId,
        DestinationProjectId = dto.DestinationProjectId,
        DestinationRegion = dto.DestinationRegion,
        DestinationVaultId = dto.DestinationVaultId ?? dto.ExtraInfo?.DestinatioVaultId ?? dto.ExtraInfo?.DestinationVaultId,
        VaultId = dto.VaultId,
        Progress = dto.ExtraInfo?.Progress,
        FailCode = dto.ExtraInfo?.FailCode,
        FailReason = dto.ExtraInfo?.FailReason,
        AutoTrigger = dto.ExtraInfo?.AutoTrigger,
    };

    /// <summary>A description that is a JSON object with <c>DESC</c>/<c>INC</c>; null for plain text.</summary>
    internal static VbsBackupDescription? ParseDescription(string? text)
    {
        var members = ParseObject(text);
        if (members is null || !(members.ContainsKey("DESC") || members.ContainsKey("INC"))) return null;
        return new VbsBackupDescription { Desc = members.TryGetValue("DESC", out var d) ? d : null, Inc = members.TryGetValue("INC", out var i) ? i : null };
    }

    internal static VbsServiceMetadata? ParseServiceMetadata(string? text)
    {
        var members = ParseObject(text);
        if (members is null) return null;
        string? Get(string key) => members.TryGetValue(key, out var value) ? value : null;
        return new VbsServiceMetadata
        {
            Progress = Get("progress"),
            Type = long.TryParse(Get("Type"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var type) ? type : null,
            ChangedSizeMB = Number(Get("CS")),
            AverageThroughputMBps = Number(Get("AT")),
            SS = Get("SS"),
            BT = Get("BT"),
            VT = Get("VT"),
            BackupUrl = Get("backupurl"),
            SnapId = Get("snap_id"),
            BackupSize = Get("BackupSize"),
            Values = members,
        };
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The members of a JSON object as text (strings unquoted, other values as their JSON); null when not an object.</summary>
    private static Dictionary<string, string?>? ParseObject(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text!.TrimStart()[0] != '{') return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            var members = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                members[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
            return members;
        }
        catch (JsonException)
        {
            return null; // The raw text stays on the record.
        }
    }
}
