using System.Text.Json.Serialization;
using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

// Wire shapes of the Huawei Cloud inventory replies (docs/api_facts.md). Internal: the public surface is the records.

/// <summary>GeminiDB and RDS <c>ListInstances</c> share this shape: <c>instances</c> and <c>total_count</c>.</summary>
internal sealed class DatabaseInstancesReply
{
    [JsonPropertyName("total_count")][JsonConverter(typeof(FlexibleInt64Converter))] public long? TotalCount { get; set; }
    [JsonPropertyName("instances")] public List<DatabaseInstanceDto>? Instances { get; set; }
}

internal sealed class DatabaseInstanceDto : RecordDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("datastore")][JsonConverter(typeof(TolerantShapeConverter))] public DatastoreDto? Datastore { get; set; }
    /// <summary>GeminiDB only.</summary>
    [JsonPropertyName("mode")][JsonConverter(typeof(FlexibleStringConverter))] public string? Mode { get; set; }
    /// <summary>RDS only: Single, Ha, Replica.</summary>
    [JsonPropertyName("type")][JsonConverter(typeof(FlexibleStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("backup_strategy")][JsonConverter(typeof(TolerantShapeConverter))] public BackupStrategyDto? BackupStrategy { get; set; }
    [JsonPropertyName("created")][JsonConverter(typeof(FlexibleStringConverter))] public string? Created { get; set; }
}

internal sealed class BackupStrategyDto
{
    [JsonPropertyName("start_time")][JsonConverter(typeof(FlexibleStringConverter))] public string? StartTime { get; set; }
    [JsonPropertyName("keep_days")][JsonConverter(typeof(FlexibleInt64Converter))] public long? KeepDays { get; set; }
}

internal sealed class CbrVaultsReply
{
    [JsonPropertyName("vaults")] public List<CbrVaultDto>? Vaults { get; set; }
    [JsonPropertyName("count")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Count { get; set; }
}

internal sealed class CbrVaultDto : RecordDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("description")][JsonConverter(typeof(FlexibleStringConverter))] public string? Description { get; set; }
    [JsonPropertyName("billing")][JsonConverter(typeof(TolerantShapeConverter))] public CbrBillingDto? Billing { get; set; }
    [JsonPropertyName("resources")][JsonConverter(typeof(TolerantShapeConverter))] public List<CbrVaultResourceDto>? Resources { get; set; }
    [JsonPropertyName("provider_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? ProviderId { get; set; }
    [JsonPropertyName("enterprise_project_id")][JsonConverter(typeof(FlexibleStringConverter))] public string? EnterpriseProjectId { get; set; }
    [JsonPropertyName("auto_bind")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? AutoBind { get; set; }
    [JsonPropertyName("created_at")][JsonConverter(typeof(FlexibleStringConverter))] public string? CreatedAt { get; set; }
}

internal sealed class CbrBillingDto
{
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("allocated")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Allocated { get; set; }
    [JsonPropertyName("used")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Used { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("object_type")][JsonConverter(typeof(FlexibleStringConverter))] public string? ObjectType { get; set; }
    [JsonPropertyName("protect_type")][JsonConverter(typeof(FlexibleStringConverter))] public string? ProtectType { get; set; }
    [JsonPropertyName("charging_mode")][JsonConverter(typeof(FlexibleStringConverter))] public string? ChargingMode { get; set; }
}

internal sealed class CbrVaultResourceDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("type")][JsonConverter(typeof(FlexibleStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("protect_status")][JsonConverter(typeof(FlexibleStringConverter))] public string? ProtectStatus { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleInt64Converter))] public long? Size { get; set; }
    [JsonPropertyName("backup_size")][JsonConverter(typeof(FlexibleStringConverter))] public string? BackupSize { get; set; }
    [JsonPropertyName("backup_count")][JsonConverter(typeof(FlexibleInt64Converter))] public long? BackupCount { get; set; }
}

internal sealed class CbrProtectablesReply
{
    [JsonPropertyName("instances")] public List<CbrProtectableDto>? Instances { get; set; }
}

internal sealed class CbrProtectableDto : RecordDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
    [JsonPropertyName("type")][JsonConverter(typeof(FlexibleStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("status")][JsonConverter(typeof(FlexibleStringConverter))] public string? Status { get; set; }
    [JsonPropertyName("size")][JsonConverter(typeof(FlexibleStringConverter))] public string? Size { get; set; }
    [JsonPropertyName("protectable")][JsonConverter(typeof(TolerantShapeConverter))] public CbrProtectableResultDto? Protectable { get; set; }
}

internal sealed class CbrProtectableResultDto
{
    [JsonPropertyName("result")][JsonConverter(typeof(FlexibleBooleanConverter))] public bool? Result { get; set; }
    [JsonPropertyName("code")][JsonConverter(typeof(FlexibleStringConverter))] public string? Code { get; set; }
    [JsonPropertyName("reason")][JsonConverter(typeof(FlexibleStringConverter))] public string? Reason { get; set; }
    [JsonPropertyName("vault")][JsonConverter(typeof(TolerantShapeConverter))] public CbrVaultRefDto? Vault { get; set; }
}

internal sealed class CbrVaultRefDto
{
    [JsonPropertyName("id")][JsonConverter(typeof(FlexibleStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("name")][JsonConverter(typeof(FlexibleStringConverter))] public string? Name { get; set; }
}
