namespace BackupQuery.HuaweiCloud;

/// <summary>What Get-CbrVault asks (<c>GET /v3/{project_id}/vaults</c>).</summary>
internal sealed class CbrVaultQuery
{
    public static readonly IReadOnlyList<string> ObjectTypes = ["server", "disk", "turbo", "workspace", "vmware", "rds", "file"];
    public static readonly IReadOnlyList<string> ProtectTypes = ["backup", "replication", "hybrid"];
    public static readonly IReadOnlyList<string> StatusValues = ["available", "lock", "frozen", "deleting", "error"];

    public string? Name { get; init; }
    /// <summary>Sent as <c>object_type</c>.</summary>
    public string? ResourceType { get; init; }
    public string? ProtectType { get; init; }
    public string? PolicyId { get; init; }
    public string? Status { get; init; }
    /// <summary>Vaults protecting any of these resources (<c>resource_ids</c>, comma-separated).</summary>
    public IReadOnlyList<string> ResourceIds { get; init; } = [];
    public string? EnterpriseProjectId { get; init; }

    internal IReadOnlyList<KeyValuePair<string, string>> Parameters()
    {
        var parameters = new QueryParameters();
        parameters.Add("name", Name);
        parameters.Add("object_type", Text.DocumentedValues.Canonical(ResourceType, ObjectTypes));
        parameters.Add("protect_type", Text.DocumentedValues.Canonical(ProtectType, ProtectTypes));
        parameters.Add("policy_id", PolicyId);
        parameters.Add("status", Text.DocumentedValues.Canonical(Status, StatusValues));
        if (ResourceIds.Count > 0) parameters.Add("resource_ids", string.Join(",", ResourceIds));
        parameters.Add("enterprise_project_id", EnterpriseProjectId);
        return parameters;
    }
}
