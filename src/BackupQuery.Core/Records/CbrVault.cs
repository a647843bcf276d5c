namespace BackupQuery.Records;

/// <summary>
/// A CBR vault (<c>GET /v3/{project_id}/vaults</c>): its capacity from <c>billing</c> and the resources it protects.
/// Units (docs/api_facts.md): <c>billing.size</c> and <c>billing.allocated</c> in GB, <c>billing.used</c> in MB, as Huawei's
/// API Explorer definitions and SDK model state them; each keeps the API's value and unit, and the Bytes properties convert.
/// </summary>
public sealed class CbrVault : HuaweiCloudInventoryRecord
{
    internal CbrVault(RecordSource source) : base(source) { }

    public string? Description { get; internal init; }
    /// <summary><c>billing.object_type</c>: <c>server</c>, <c>disk</c>, <c>turbo</c>, ...</summary>
    public string? ResourceType { get; internal init; }
    /// <summary><c>billing.protect_type</c>: <c>backup</c>, <c>replication</c> or <c>hybrid</c>.</summary>
    public string? ProtectType { get; internal init; }
    /// <summary><c>billing.size</c>: the vault's capacity, in GB.</summary>
    public long? SizeGB { get; internal init; }
    /// <summary><c>billing.allocated</c>: capacity bound to the vault's resources, in GB as the API sends it.</summary>
    public long? AllocatedGB { get; internal init; }
    /// <summary><c>billing.used</c>: backup space the vault holds, in MB as the API sends it.</summary>
    public long? UsedMB { get; internal init; }
    public long? AllocatedBytes => AllocatedGB * GiB;
    /// <summary>Backup space the vault holds, in bytes: what "how much backup space does each vault hold" asks.</summary>
    public long? UsedBytes => UsedMB * MiB;
    public long? SizeBytes => SizeGB * GiB;
    /// <summary><c>billing.charging_mode</c>: <c>post_paid</c> or <c>pre_paid</c>.</summary>
    public string? ChargingMode { get; internal init; }
    public string? ProviderId { get; internal init; }
    public string? EnterpriseProjectId { get; internal init; }
    public bool? AutoBind { get; internal init; }
    public DateTimeOffset? CreatedAt { get; internal init; }
    public string? CreatedAtText { get; internal init; }
    public RecordList<CbrVaultResource> Resources { get; internal init; } = RecordList<CbrVaultResource>.Empty;
    /// <summary>How many resources the vault protects (for Export-Csv; <see cref="Resources"/> has them).</summary>
    public int ResourceCount => Resources.Count;

    private const long MiB = 1024L * 1024;
    private const long GiB = 1024L * 1024 * 1024;
}

/// <summary>A resource a CBR vault protects (<c>resources[]</c> of a vault).</summary>
public sealed class CbrVaultResource
{
    internal CbrVaultResource() { }

    public string? Id { get; internal init; }
    public string? Name { get; internal init; }
    /// <summary><c>OS::Nova::Server</c>, <c>OS::Cinder::Volume</c>, ...</summary>
    public string? Type { get; internal init; }
    /// <summary><c>available</c>, <c>error</c>, <c>protecting</c>, <c>restoring</c> or <c>removing</c>.</summary>
    public string? ProtectStatus { get; internal init; }
    /// <summary><c>size</c>: the resource's allocated capacity, in GB.</summary>
    public long? SizeGB { get; internal init; }
    /// <summary><c>backup_size</c>, as the API sends it (a string without a documented unit).</summary>
    public string? BackupSize { get; internal init; }
    public long? BackupCount { get; internal init; }

    public override string ToString() => Name ?? Id ?? "";
}
