using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>What Get-CbrBackup asks (<c>GET /v3/{project_id}/backups</c>): every documented filter of the API (spec §9) but <c>dec</c>, which only Dedicated Cloud serves.</summary>
internal sealed class CbrBackupQuery
{
    public static readonly IReadOnlyList<string> StatusValues = ["available", "protecting", "deleting", "restoring", "error", "waiting_protect", "waiting_delete", "waiting_restore"];
    public static readonly IReadOnlyList<string> ResourceTypes = ["OS::Nova::Server", "OS::Cinder::Volume", "OS::Workspace::DesktopV2", "OS::Ironic::BareMetalServer", "OS::Native::Server", "OS::Sfs::Turbo"];
    public static readonly IReadOnlyList<string> ImageTypes = ["backup", "replication"];
    public static readonly IReadOnlyList<string> OwnTypes = ["private", "shared", "all_granted"];
    public static readonly IReadOnlyList<string> MemberStatuses = ["pending", "accepted", "rejected"];
    public static readonly IReadOnlyList<string> SortKeys = ["created_at", "updated_at", "name", "status", "protected_at", "id"];

    /// <summary>Any of these statuses (<c>status</c> repeated on the wire).</summary>
    public IReadOnlyList<string> Status { get; init; } = [];
    public string? ResourceType { get; init; }
    public string? ResourceId { get; init; }
    public string? ResourceName { get; init; }
    public string? ResourceAz { get; init; }
    public string? VaultId { get; init; }
    public string? CheckpointId { get; init; }
    public string? ParentId { get; init; }
    /// <summary>An exact name (sent), or a pattern with PowerShell wildcards (the API matches exactly, so it is matched here).</summary>
    public string? Name { get; init; }

    internal NamePattern? NamePattern => NamePattern.Parse(Name);
    public string? ImageType { get; init; }
    public string? OwnType { get; init; }
    public string? MemberStatus { get; init; }
    /// <summary>An enterprise project id, or <c>all_granted_eps</c>.</summary>
    public string? EnterpriseProjectId { get; init; }
    /// <summary>Sent as <c>start_time</c>.</summary>
    public DateTimeOffset? CreatedAfter { get; init; }
    /// <summary>Sent as <c>end_time</c>.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }
    public bool? ShowReplication { get; init; }
    public bool? Incremental { get; init; }
    /// <summary>One of <see cref="SortKeys"/>; sent as <c>sort=key:asc|desc</c>.</summary>
    public string? SortBy { get; init; }
    public bool Descending { get; init; }

    internal IReadOnlyList<KeyValuePair<string, string>> Parameters()
    {
        QueryValues.CheckOrder(CreatedAfter, CreatedBefore);
        QueryValues.CheckLength(Name, 255, nameof(Name));
        var sortKey = DocumentedValues.Canonical(SortBy, SortKeys);
        if (sortKey is not null && !SortKeys.Contains(sortKey)) throw QueryValues.Invalid($"-SortBy '{SortBy}' is not a CBR sort key: use {string.Join(", ", SortKeys)}.");

        var parameters = new QueryParameters();
        foreach (var status in DocumentedValues.Canonical(Status, StatusValues)) parameters.Add("status", status);
        parameters.Add("resource_type", DocumentedValues.Canonical(ResourceType, ResourceTypes));
        parameters.Add("resource_id", ResourceId);
        parameters.Add("resource_name", ResourceName);
        parameters.Add("resource_az", ResourceAz);
        parameters.Add("vault_id", VaultId);
        parameters.Add("checkpoint_id", CheckpointId);
        parameters.Add("parent_id", ParentId);
        parameters.Add("name", NamePattern.Literal(Name));
        parameters.Add("image_type", DocumentedValues.Canonical(ImageType, ImageTypes));
        parameters.Add("own_type", DocumentedValues.Canonical(OwnType, OwnTypes));
        parameters.Add("member_status", DocumentedValues.Canonical(MemberStatus, MemberStatuses));
        parameters.Add("enterprise_project_id", EnterpriseProjectId);
        if (CreatedAfter is { } after) parameters.Add("start_time", QueryValues.Utc(after));
        if (CreatedBefore is { } before) parameters.Add("end_time", QueryValues.Utc(before));
        parameters.Add("show_replication", ShowReplication);
        parameters.Add("incremental", Incremental);
        if (sortKey is not null) parameters.Add("sort", sortKey + (Descending ? ":desc" : ":asc"));
        return parameters;
    }
}
