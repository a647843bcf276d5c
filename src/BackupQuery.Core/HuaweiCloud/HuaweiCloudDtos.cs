using System.Text.Json;
using System.Text.Json.Serialization;
using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

// Wire shapes of the Huawei Cloud replies (spec §2, §4, §6-§9). Internal: the public surface is the records.
// Timestamps stay strings here and are parsed per record, so one odd value never fails a page.

internal sealed class IamTokenRequest
{
    [JsonPropertyName("auth")] public IamAuth Auth { get; set; } = new();
}

internal sealed class IamAuth
{
    [JsonPropertyName("identity")] public IamIdentity Identity { get; set; } = new();
    [JsonPropertyName("scope")] public IamScope Scope { get; set; } = new();
}

internal sealed class IamIdentity
{
    [JsonPropertyName("methods")] public List<string> Methods { get; set; } = ["password"];
    [JsonPropertyName("password")] public IamPasswordMethod Password { get; set; } = new();
}

internal sealed class IamPasswordMethod
{
    [JsonPropertyName("user")] public IamPasswordUser User { get; set; } = new();
}

internal sealed class IamPasswordUser
{
    [JsonPropertyName("domain")] public IamNamed Domain { get; set; } = new();
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("password")] public string Password { get; set; } = "";
}

internal sealed class IamScope
{
    [JsonPropertyName("project")] public IamNamed Project { get; set; } = new();
}

internal sealed class IamNamed
{
    [JsonPropertyName("id")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; set; }
    [JsonPropertyName("name")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Name { get; set; }
    [JsonPropertyName("domain")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IamNamed? Domain { get; set; }
}

internal sealed class IamTokenReply
{
    [JsonPropertyName("token")] public IamToken? Token { get; set; }
}

internal sealed class IamToken
{
    [JsonPropertyName("expires_at")][JsonConverter(typeof(FlexibleStringConverter))] public string? ExpiresAt { get; set; }
    [JsonPropertyName("issued_at")][JsonConverter(typeof(FlexibleStringConverter))] public string? IssuedAt { get; set; }
    [JsonPropertyName("project")] public IamNamed? Project { get; set; }
    [JsonPropertyName("user")] public IamNamed? User { get; set; }
}

internal sealed class IamProjectsReply
{
    [JsonPropertyName("projects")] public List<IamProject>? Projects { get; set; }
}

internal sealed class IamProject
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("domain_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? DomainId { get; set; }
    [JsonPropertyName("enabled")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? Enabled { get; set; }
}

internal sealed class DatastoreDto
{
    [JsonPropertyName("type")][JsonConverter(typeof(FlexibleStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("version")][JsonConverter(typeof(FlexibleStringConverter))] public string? Version { get; set; }
}

internal sealed class GeminiDbBackupsReply
{
    [JsonPropertyName("total_count")][JsonConverter(typeof(FlexibleInt64Converter))] public long? TotalCount { get; set; }
    [JsonPropertyName("backups")] public List<GeminiDbBackupDto>? Backups { get; set; }
}

internal sealed class GeminiDbBackupDto : RecordDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("description")][JsonConverter(typeof(FlexibleStringConverter))] public string? Description { get; set; }
    [JsonPropertyName("instance_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? InstanceId { get; set; }
    [JsonPropertyName("instance_name")][JsonConverter(typeof(FlexibleStringConverter))] public string? InstanceName { get; set; }
    [JsonPropertyName("datastore")][JsonConverter(typeof(TolerantShapeConverter))] public DatastoreDto? Datastore { get; set; }
    [JsonPropertyName("type")][JsonConverter(typeof(FlexibleStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleDoubleConverter))] public double? Size { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("begin_time")][JsonConverter(typeof(FlexibleStringConverter))] public string? BeginTime { get; set; }
    [JsonPropertyName("end_time")][JsonConverter(typeof(FlexibleStringConverter))] public string? EndTime { get; set; }
    [JsonPropertyName("database_tables")][JsonConverter(typeof(TolerantShapeConverter))] public List<DatabaseTablesDto>? DatabaseTables { get; set; }
}

internal sealed class DatabaseTablesDto
{
    [JsonPropertyName("database_name")][JsonConverter(typeof(FlexibleStringConverter))] public string? DatabaseName { get; set; }
    [JsonPropertyName("table_names")][JsonConverter(typeof(TolerantShapeConverter))] public List<string>? TableNames { get; set; }
}

internal sealed class RdsBackupsReply
{
    [JsonPropertyName("total_count")][JsonConverter(typeof(FlexibleInt64Converter))] public long? TotalCount { get; set; }
    [JsonPropertyName("backups")] public List<RdsBackupDto>? Backups { get; set; }
}

internal sealed class RdsBackupDto : RecordDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("instance_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? InstanceId { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("databases")][JsonConverter(typeof(TolerantShapeConverter))] public List<RdsDatabaseDto>? Databases { get; set; }
    [JsonPropertyName("begin_time")][JsonConverter(typeof(FlexibleStringConverter))] public string? BeginTime { get; set; }
    [JsonPropertyName("end_time")][JsonConverter(typeof(FlexibleStringConverter))] public string? EndTime { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("type")][JsonConverter(typeof(FlexibleStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("datastore")][JsonConverter(typeof(TolerantShapeConverter))] public DatastoreDto? Datastore { get; set; }
    [JsonPropertyName("associated_with_ddm")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? AssociatedWithDdm { get; set; }
    [JsonPropertyName("min_data_volume_capacity_for_restore")][JsonConverter(typeof(FlexibleDoubleConverter))] public double? MinDataVolumeCapacityForRestore { get; set; }
}

internal sealed class RdsDatabaseDto
{
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
}

internal sealed class LinkDto
{
    [JsonPropertyName("href")][JsonConverter(typeof(FlexibleStringConverter))] public string? Href { get; set; }
    [JsonPropertyName("rel")][JsonConverter(typeof(FlexibleStringConverter))] public string? Rel { get; set; }
}

/// <summary>A VBS <c>backups</c> or <c>backups/detail</c> reply; <typeparamref name="TBackup"/> is the shape of its backups.</summary>
internal sealed class VbsBackupsReply<TBackup> where TBackup : VbsBackupDto
{
    [JsonPropertyName("backups")] public List<TBackup>? Backups { get; set; }
    [JsonPropertyName("backups_links")] public List<LinkDto>? BackupsLinks { get; set; }
    [JsonPropertyName("count")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Count { get; set; }
}

/// <summary>A VBS backup as the summary lists it (spec §8: id, name, links); a summary reads no more than that.</summary>
internal class VbsBackupDto : RecordDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("links")][JsonConverter(typeof(TolerantShapeConverter))] public List<LinkDto>? Links { get; set; }
}

/// <summary>A VBS backup as <c>backups/detail</c> lists it: the summary's members and the rest.</summary>
internal sealed class VbsBackupDetailDto : VbsBackupDto
{
    [JsonPropertyName("description")][JsonConverter(typeof(FlexibleStringConverter))] public string? Description { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("availability_zone")][JsonConverter(typeof(FlexibleStringConverter))] public string? AvailabilityZone { get; set; }
    [JsonPropertyName("volume_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? VolumeId { get; set; }
    [JsonPropertyName("snapshot_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? SnapshotId { get; set; }
    [JsonPropertyName("fail_reason")][JsonConverter(typeof(FlexibleStringConverter))] public string? FailReason { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("object_count")][JsonConverter(typeof(FlexibleInt64Converter))] public long? ObjectCount { get; set; }
    [JsonPropertyName("container")][JsonConverter(typeof(FlexibleStringConverter))] public string? Container { get; set; }
    [JsonPropertyName("created_at")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreatedAt { get; set; }
    [JsonPropertyName("updated_at")][JsonConverter(typeof(FlexibleStringConverter))] public string? UpdatedAt { get; set; }
    [JsonPropertyName("data_timestamp")][JsonConverter(typeof(FlexibleStringConverter))] public string? DataTimestamp { get; set; }
    [JsonPropertyName("os-bak-tenant-attr:tenant_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? TenantId { get; set; }
    [JsonPropertyName("has_dependent_backups")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? HasDependentBackups { get; set; }
    [JsonPropertyName("is_incremental")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? IsIncremental { get; set; }
    [JsonPropertyName("service_metadata")][JsonConverter(typeof(FlexibleStringConverter))] public string? ServiceMetadata { get; set; }
}

internal sealed class CbrBackupsReply
{
    [JsonPropertyName("backups")] public List<CbrBackupDto>? Backups { get; set; }
    [JsonPropertyName("count")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Count { get; set; }
}

internal sealed class CbrBackupDto : RecordDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("description")][JsonConverter(typeof(FlexibleStringConverter))] public string? Description { get; set; }
    [JsonPropertyName("checkpoint_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? CheckpointId { get; set; }
    [JsonPropertyName("parent_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? ParentId { get; set; }
    [JsonPropertyName("project_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? ProjectId { get; set; }
    [JsonPropertyName("vault_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? VaultId { get; set; }
    [JsonPropertyName("provider_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? ProviderId { get; set; }
    [JsonPropertyName("resource_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? ResourceId { get; set; }
    [JsonPropertyName("resource_name")][JsonConverter(typeof(FlexibleStringConverter))] public string? ResourceName { get; set; }
    [JsonPropertyName("resource_az")][JsonConverter(typeof(FlexibleStringConverter))] public string? ResourceAz { get; set; }
    [JsonPropertyName("resource_type")][JsonConverter(typeof(FlexibleStringConverter))] public string? ResourceType { get; set; }
    [JsonPropertyName("resource_size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? ResourceSize { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("image_type")][JsonConverter(typeof(FlexibleStringConverter))] public string? ImageType { get; set; }
    [JsonPropertyName("incremental")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? Incremental { get; set; }
    [JsonPropertyName("version")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Version { get; set; }
    [JsonPropertyName("enterprise_project_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? EnterpriseProjectId { get; set; }
    [JsonPropertyName("created_at")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreatedAt { get; set; }
    [JsonPropertyName("updated_at")][JsonConverter(typeof(FlexibleStringConverter))] public string? UpdatedAt { get; set; }
    [JsonPropertyName("expired_at")][JsonConverter(typeof(FlexibleStringConverter))] public string? ExpiredAt { get; set; }
    [JsonPropertyName("protected_at")][JsonConverter(typeof(FlexibleStringConverter))] public string? ProtectedAt { get; set; }
    [JsonPropertyName("children")][JsonConverter(typeof(TolerantShapeConverter))] public List<CbrBackupDto>? Children { get; set; }
    [JsonPropertyName("replication_records")][JsonConverter(typeof(TolerantShapeConverter))] public List<CbrReplicationRecordDto>? ReplicationRecords { get; set; }
    [JsonPropertyName("extend_info")][JsonConverter(typeof(TolerantShapeConverter))] public CbrExtendInfoDto? ExtendInfo { get; set; }
}

internal sealed class CbrExtendInfoDto
{
    [JsonPropertyName("auto_trigger")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? AutoTrigger { get; set; }
    [JsonPropertyName("bootable")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? Bootable { get; set; }
    [JsonPropertyName("snapshot_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? SnapshotId { get; set; }
    [JsonPropertyName("support_lld")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? SupportLld { get; set; }
    [JsonPropertyName("supported_restore_mode")][JsonConverter(typeof(FlexibleStringConverter))] public string? SupportedRestoreMode { get; set; }
    [JsonPropertyName("os_images_data")][JsonConverter(typeof(TolerantShapeConverter))] public List<CbrOsImageDataDto>? OsImagesData { get; set; }
    [JsonPropertyName("contain_system_disk")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? ContainSystemDisk { get; set; }
    [JsonPropertyName("encrypted")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? Encrypted { get; set; }
    [JsonPropertyName("system_disk")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? SystemDisk { get; set; }
    [JsonPropertyName("is_multi_az")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? IsMultiAz { get; set; }
    [JsonPropertyName("architecture")][JsonConverter(typeof(FlexibleStringConverter))] public string? Architecture { get; set; }
    [JsonPropertyName("progress")][JsonConverter(typeof(FlexibleStringConverter))] public string? Progress { get; set; }
    [JsonPropertyName("app_consistency")][JsonConverter(typeof(TolerantShapeConverter))] public CbrAppConsistencyDto? AppConsistency { get; set; }
}

internal sealed class CbrOsImageDataDto
{
    [JsonPropertyName("image_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? ImageId { get; set; }
}

internal sealed class CbrAppConsistencyDto
{
    [JsonPropertyName("app_consistency")][JsonConverter(typeof(FlexibleStringConverter))] public string? AppConsistency { get; set; }
    [JsonPropertyName("app_consistency_status")][JsonConverter(typeof(FlexibleStringConverter))] public string? AppConsistencyStatus { get; set; }
    [JsonPropertyName("app_consistency_error_code")][JsonConverter(typeof(FlexibleStringConverter))] public string? AppConsistencyErrorCode { get; set; }
    [JsonPropertyName("app_consistency_error_message")][JsonConverter(typeof(FlexibleStringConverter))] public string? AppConsistencyErrorMessage { get; set; }
}

internal sealed class CbrReplicationRecordDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("created_at")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreatedAt { get; set; }
    [JsonPropertyName("source_backup_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? SourceBackupId { get; set; }
    [JsonPropertyName("source_checkpoint_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? SourceCheckpointId { get; set; }
    [JsonPropertyName("source_project_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? SourceProjectId { get; set; }
    [JsonPropertyName("source_region")][JsonConverter(typeof(FlexibleStringConverter))] public string? SourceRegion { get; set; }
    [JsonPropertyName("destination_backup_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? DestinationBackupId { get; set; }
    [JsonPropertyName("destination_checkpoint_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? DestinationCheckpointId { get; set; }
    [JsonPropertyName("destination_project_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? DestinationProjectId { get; set; }
    [JsonPropertyName("destination_region")][JsonConverter(typeof(FlexibleStringConverter))] public string? DestinationRegion { get; set; }
    [JsonPropertyName("destination_vault_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? DestinationVaultId { get; set; }
    [JsonPropertyName("vault_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? VaultId { get; set; }
    [JsonPropertyName("extra_info")][JsonConverter(typeof(TolerantShapeConverter))] public CbrReplicationExtraInfoDto? ExtraInfo { get; set; }
}

internal sealed class CbrReplicationExtraInfoDto
{
    [JsonPropertyName("progress")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Progress { get; set; }
    [JsonPropertyName("fail_code")][JsonConverter(typeof(FlexibleStringConverter))] public string? FailCode { get; set; }
    [JsonPropertyName("fail_reason")][JsonConverter(typeof(FlexibleStringConverter))] public string? FailReason { get; set; }
    [JsonPropertyName("auto_trigger")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? AutoTrigger { get; set; }
    // The API's own spelling ("destinatio_", sic); the correct spelling is read too in case it is ever fixed.
    [JsonPropertyName("destinatio_vault_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? DestinatioVaultId { get; set; }
    [JsonPropertyName("destination_vault_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? DestinationVaultId { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(IamTokenRequest))]
[JsonSerializable(typeof(IamTokenReply))]
[JsonSerializable(typeof(IamProjectsReply))]
[JsonSerializable(typeof(GeminiDbBackupsReply))]
[JsonSerializable(typeof(RdsBackupsReply))]
[JsonSerializable(typeof(VbsBackupsReply<VbsBackupDto>))]
[JsonSerializable(typeof(VbsBackupsReply<VbsBackupDetailDto>))]
[JsonSerializable(typeof(CbrBackupsReply))]
[JsonSerializable(typeof(DatabaseInstancesReply))]
[JsonSerializable(typeof(CbrVaultsReply))]
[JsonSerializable(typeof(CbrProtectablesReply))]
internal sealed partial class HuaweiCloudJsonContext : JsonSerializerContext
{
    /// <summary>How the listings read their replies: these contracts, each tolerant member named for the odd-value report.</summary>
    public static JsonSerializerOptions Replies => Named.Options;

    // A class of its own, so that Default exists before it is read (static initializers of partial files run in no set order).
    private static class Named
    {
        public static readonly JsonSerializerOptions Options = TolerantMembers.Named(Default);
    }
}
