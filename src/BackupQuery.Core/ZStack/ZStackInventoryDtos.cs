using System.Text.Json.Serialization;
using BackupQuery.Text;

namespace BackupQuery.ZStack;

// Wire shapes of the ZStack inventories coverage reads (docs/api_facts.md). Internal: the public surface is the records.

internal sealed class VolumeInventory : RecordDto
{
    [JsonPropertyName("uuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? Uuid { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("description")][JsonConverter(typeof(FlexibleStringConverter))] public string? Description { get; set; }
    [JsonPropertyName("primaryStorageUuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? PrimaryStorageUuid { get; set; }
    [JsonPropertyName("vmInstanceUuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? VmInstanceUuid { get; set; }
    [JsonPropertyName("type")][JsonConverter(typeof(FlexibleStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("format")][JsonConverter(typeof(FlexibleStringConverter))] public string? Format { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("actualSize")][JsonConverter(typeof(FlexibleInt64Converter))] public long? ActualSize { get; set; }
    [JsonPropertyName("state")][JsonConverter(typeof(FlexibleStringConverter))] public string? State { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("createDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreateDate { get; set; }
    [JsonPropertyName("lastOpDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? LastOpDate { get; set; }
}

internal sealed class VolumeBackupInventory : RecordDto
{
    [JsonPropertyName("uuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? Uuid { get; set; }
    [JsonPropertyName("volumeUuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? VolumeUuid { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("description")][JsonConverter(typeof(FlexibleStringConverter))] public string? Description { get; set; }
    [JsonPropertyName("type")][JsonConverter(typeof(FlexibleStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("state")][JsonConverter(typeof(FlexibleStringConverter))] public string? State { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("metadata")][JsonConverter(typeof(FlexibleStringConverter))] public string? Metadata { get; set; }
    [JsonPropertyName("createDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreateDate { get; set; }
    [JsonPropertyName("lastOpDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? LastOpDate { get; set; }
    [JsonPropertyName("backupStorageRefs")][JsonConverter(typeof(TolerantShapeConverter))] public List<VolumeBackupStorageRefInventory>? BackupStorageRefs { get; set; }
}

internal sealed class VolumeBackupStorageRefInventory
{
    [JsonPropertyName("volumeBackupUuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? VolumeBackupUuid { get; set; }
    [JsonPropertyName("backupStorageUuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? BackupStorageUuid { get; set; }
    [JsonPropertyName("installPath")][JsonConverter(typeof(FlexibleStringConverter))] public string? InstallPath { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("createDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreateDate { get; set; }
    [JsonPropertyName("lastOpDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? LastOpDate { get; set; }
}

internal sealed class SchedulerJobInventory : RecordDto
{
    [JsonPropertyName("uuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? Uuid { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("description")][JsonConverter(typeof(FlexibleStringConverter))] public string? Description { get; set; }
    [JsonPropertyName("targetResourceUuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? TargetResourceUuid { get; set; }
    [JsonPropertyName("jobClassName")][JsonConverter(typeof(FlexibleStringConverter))] public string? JobClassName { get; set; }
    [JsonPropertyName("state")][JsonConverter(typeof(FlexibleStringConverter))] public string? State { get; set; }
    [JsonPropertyName("createDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreateDate { get; set; }
}
