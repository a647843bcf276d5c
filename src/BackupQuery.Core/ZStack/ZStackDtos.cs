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
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("details")] public string? Details { get; set; }
    [JsonPropertyName("cause")] public ZStackErrorCode? Cause { get; set; }
}

internal sealed class ZStackLoginReply
{
    [JsonPropertyName("inventory")] public ZStackSessionInventory? Inventory { get; set; }
}

internal sealed class ZStackSessionInventory
{
    [JsonPropertyName("uuid")] public string? Uuid { get; set; }
    [JsonPropertyName("accountUuid")] public string? AccountUuid { get; set; }
    [JsonPropertyName("userUuid")] public string? UserUuid { get; set; }
    [JsonPropertyName("expiredDate")] public string? ExpiredDate { get; set; }
}

internal sealed class ZStackQueryReply<T>
{
    [JsonPropertyName("inventories")] public List<T>? Inventories { get; set; }
    [JsonPropertyName("total")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Total { get; set; }
}

internal sealed class DatabaseBackupInventory
{
    [JsonPropertyName("uuid")] public string? Uuid { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("metadata")] public string? Metadata { get; set; }
    [JsonPropertyName("createDate")] public string? CreateDate { get; set; }
    [JsonPropertyName("lastOpDate")] public string? LastOpDate { get; set; }
    [JsonPropertyName("backupStorageRefs")] public List<DatabaseBackupStorageRefInventory>? BackupStorageRefs { get; set; }
}

internal sealed class DatabaseBackupStorageRefInventory
{
    [JsonPropertyName("databaseBackupUuid")] public string? DatabaseBackupUuid { get; set; }
    [JsonPropertyName("backupStorageUuid")] public string? BackupStorageUuid { get; set; }
    [JsonPropertyName("installPath")] public string? InstallPath { get; set; }
    [JsonPropertyName("exportUrl")] public string? ExportUrl { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("createDate")] public string? CreateDate { get; set; }
    [JsonPropertyName("lastOpDate")] public string? LastOpDate { get; set; }
}

internal sealed class DatabaseBackupMetadataDto
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("version")] public string? Version { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("createdTime")] public string? CreatedTime { get; set; }
    [JsonPropertyName("md5")] public string? Md5 { get; set; }
}

internal sealed class ImageStoreReply
{
    [JsonPropertyName("backups")] public List<DatabaseBackupStruct>? Backups { get; set; }
    [JsonPropertyName("infos")] public List<ImageStoreInfo>? Infos { get; set; }
}

internal sealed class DatabaseBackupStruct
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("version")] public string? Version { get; set; }
    [JsonPropertyName("installPath")] public string? InstallPath { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("md5")] public string? Md5 { get; set; }
    [JsonPropertyName("createdTime")] public string? CreatedTime { get; set; }
}

internal sealed class ImageStoreInfo
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("parent")] public string? Parent { get; set; }
    [JsonPropertyName("blobsum")] public string? Blobsum { get; set; }
    [JsonPropertyName("created")] public string? Created { get; set; }
    [JsonPropertyName("author")] public string? Author { get; set; }
    [JsonPropertyName("arch")] public string? Arch { get; set; }
    [JsonPropertyName("desc")] public string? Desc { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("virtualsize")][JsonConverter(typeof(FlexibleInt64Converter))] public long? VirtualSize { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
}

[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ZStackErrorEnvelope))]
[JsonSerializable(typeof(ZStackLoginReply))]
[JsonSerializable(typeof(ZStackQueryReply<DatabaseBackupInventory>))]
[JsonSerializable(typeof(DatabaseBackupMetadataDto))]
[JsonSerializable(typeof(ImageStoreReply))]
internal sealed partial class ZStackJsonContext : JsonSerializerContext;
