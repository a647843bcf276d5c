namespace BackupQuery.Records;

/// <summary>
/// A server or disk that CBR could protect (<c>GET /v3/{project_id}/protectables/{server|disk}/instances</c>), with the
/// vault it is in, if any.
/// </summary>
public sealed class CbrProtectable : HuaweiCloudInventoryRecord
{
    internal CbrProtectable(RecordSource source) : base(source) { }

    /// <summary><c>OS::Nova::Server</c>, <c>OS::Cinder::Volume</c>, ...</summary>
    public string? ResourceType { get; internal init; }
    /// <summary><c>size</c>, in GB, as the API sends it.</summary>
    public string? SizeGB { get; internal init; }
    /// <summary><c>protectable.result</c>: whether CBR can back it up.</summary>
    public bool? CanBackup { get; internal init; }
    /// <summary><c>protectable.code</c> and <c>protectable.reason</c>: why it cannot be backed up.</summary>
    public string? ReasonCode { get; internal init; }
    public string? Reason { get; internal init; }
    /// <summary><c>protectable.vault</c>: the vault the resource is in; null when in none.</summary>
    public string? VaultId { get; internal init; }
    public string? VaultName { get; internal init; }
    /// <summary>True when the resource is in a vault.</summary>
    public bool InVault => VaultId is not null;
}
