namespace BackupQuery.HuaweiCloud;

/// <summary>Which kind of resource Get-CbrProtectable lists (the <c>{protectable_type}</c> of the path).</summary>
public enum CbrProtectableType
{
    /// <summary>Cloud servers (<c>server</c>).</summary>
    Server,
    /// <summary>EVS disks (<c>disk</c>).</summary>
    Disk,
}

/// <summary>What Get-CbrProtectable asks (<c>GET /v3/{project_id}/protectables/{server|disk}/instances</c>).</summary>
internal sealed class CbrProtectableQuery
{
    public CbrProtectableType Type { get; init; } = CbrProtectableType.Server;
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Status { get; init; }
    /// <summary>Disks attached to this server.</summary>
    public string? ServerId { get; init; }

    internal IReadOnlyList<KeyValuePair<string, string>> Parameters()
    {
        var parameters = new QueryParameters();
        parameters.Add("id", Id);
        parameters.Add("name", Name);
        parameters.Add("status", Status);
        parameters.Add("server_id", ServerId);
        return parameters;
    }
}
