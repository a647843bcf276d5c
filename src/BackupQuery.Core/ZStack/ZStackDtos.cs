using System.Text.Json;
using System.Text.Json.Serialization;
using BackupQuery.Text;

namespace BackupQuery.ZStack;

// Wire shapes of the ZStack replies (spec §2, §6, §7). Internal: the public surface is the records.

internal sealed class ZStackErrorEnvelope
{
    [JsonPropertyName("error")] public ZStackErrorCode? Error { get; set; }
}

internal sealed class ZStackErrorCode
{
    [JsonPropertyName("code")][JsonConverter(typeof(FlexibleStringConverter))] public string? Code { get; set; }
    [JsonPropertyName("description")][JsonConverter(typeof(FlexibleStringConverter))] public string? Description { get; set; }
    [JsonPropertyName("details")][JsonConverter(typeof(FlexibleStringConverter))] public string? Details { get; set; }
    [JsonPropertyName("cause")] public ZStackErrorCode? Cause { get; set; }
}

internal sealed class ZStackLoginReply
{
    [JsonPropertyName("inventory")] public ZStackSessionInventory? Inventory { get; set; }
}

internal sealed class ZStackSessionInventory
{
    [JsonPropertyName("uuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? Uuid { get; set; }
    [JsonPropertyName("accountUuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? AccountUuid { get; set; }
    [JsonPropertyName("userUuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? UserUuid { get; set; }
    [JsonPropertyName("expiredDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? ExpiredDate { get; set; }
}

internal sealed class ZStackQueryReply<T>
{
    [JsonPropertyName("inventories")] public List<T>? Inventories { get; set; }
    [JsonPropertyName("total")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Total { get; set; }
}

internal sealed class DatabaseBackupInventory : RecordDto
{
    [JsonPropertyName("uuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? Uuid { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("description")][JsonConverter(typeof(FlexibleStringConverter))] public string? Description { get; set; }
    [JsonPropertyName("state")][JsonConverter(typeof(FlexibleStringConverter))] public string? State { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("metadata")][JsonConverter(typeof(FlexibleStringConverter))] public string? Metadata { get; set; }
    [JsonPropertyName("createDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreateDate { get; set; }
    [JsonPropertyName("lastOpDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? LastOpDate { get; set; }
    [JsonPropertyName("backupStorageRefs")][JsonConverter(typeof(TolerantShapeConverter))] public List<DatabaseBackupStorageRefInventory>? BackupStorageRefs { get; set; }
}

internal sealed class DatabaseBackupStorageRefInventory
{
    [JsonPropertyName("databaseBackupUuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? DatabaseBackupUuid { get; set; }
    [JsonPropertyName("backupStorageUuid")][JsonConverter(typeof(FlexibleStringConverter))] public string? BackupStorageUuid { get; set; }
    [JsonPropertyName("installPath")][JsonConverter(typeof(FlexibleStringConverter))] public string? InstallPath { get; set; }
    [JsonPropertyName("exportUrl")][JsonConverter(typeof(FlexibleStringConverter))] public string? ExportUrl { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("createDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreateDate { get; set; }
    [JsonPropertyName("lastOpDate")][JsonConverter(typeof(FlexibleStringConverter))] public string? LastOpDate { get; set; }
}

internal sealed class DatabaseBackupMetadataDto
{
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("description")][JsonConverter(typeof(FlexibleStringConverter))] public string? Description { get; set; }
    [JsonPropertyName("version")][JsonConverter(typeof(FlexibleStringConverter))] public string? Version { get; set; }
    [JsonPropertyName("type")][JsonConverter(typeof(FlexibleStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("createdTime")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreatedTime { get; set; }
    [JsonPropertyName("md5")][JsonConverter(typeof(FlexibleStringConverter))] public string? Md5 { get; set; }
}

internal sealed class ImageStoreReply
{
    [JsonPropertyName("backups")] public List<DatabaseBackupStruct>? Backups { get; set; }
    [JsonPropertyName("infos")] public List<ImageStoreInfo>? Infos { get; set; }
}

internal sealed class DatabaseBackupStruct : RecordDto
{
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("version")][JsonConverter(typeof(FlexibleStringConverter))] public string? Version { get; set; }
    [JsonPropertyName("installPath")][JsonConverter(typeof(FlexibleStringConverter))] public string? InstallPath { get; set; }
    [JsonPropertyName("type")][JsonConverter(typeof(FlexibleStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("md5")][JsonConverter(typeof(FlexibleStringConverter))] public string? Md5 { get; set; }
    [JsonPropertyName("createdTime")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreatedTime { get; set; }
}

internal sealed class ImageStoreInfo : RecordDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("parent")][JsonConverter(typeof(FlexibleStringConverter))] public string? Parent { get; set; }
    [JsonPropertyName("blobsum")][JsonConverter(typeof(FlexibleStringConverter))] public string? Blobsum { get; set; }
    [JsonPropertyName("created")][JsonConverter(typeof(FlexibleStringConverter))] public string? Created { get; set; }
    [JsonPropertyName("author")][JsonConverter(typeof(FlexibleStringConverter))] public string? Author { get; set; }
    [JsonPropertyName("arch")][JsonConverter(typeof(FlexibleStringConverter))] public string? Arch { get; set; }
    [JsonPropertyName("desc")][JsonConverter(typeof(FlexibleStringConverter))] public string? Desc { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("virtualsize")][JsonConverter(typeof(FlexibleInt64Converter))] public long? VirtualSize { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ZStackErrorEnvelope))]
[JsonSerializable(typeof(ZStackLoginReply))]
[JsonSerializable(typeof(ZStackQueryReply<DatabaseBackupInventory>))]
[JsonSerializable(typeof(DatabaseBackupMetadataDto))]
[JsonSerializable(typeof(ImageStoreReply))]
[JsonSerializable(typeof(ZStackQueryReply<VolumeInventory>))]
[JsonSerializable(typeof(ZStackQueryReply<VolumeBackupInventory>))]
[JsonSerializable(typeof(ZStackQueryReply<SchedulerJobInventory>))]
internal sealed partial class ZStackJsonContext : JsonSerializerContext
{
    /// <summary>How the listings read their replies: these contracts, each tolerant member named for the odd-value report.</summary>
    public static JsonSerializerOptions Replies => Named.Options;

    // A class of its own, so that Default exists before it is read (static initializers of partial files run in no set order).
    private static class Named
    {
        public static readonly JsonSerializerOptions Options = TolerantMembers.Named(Default);
    }
}
