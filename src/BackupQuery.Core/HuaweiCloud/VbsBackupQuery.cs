using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>What Get-VbsBackup asks (<c>GET /v2/{project_id}/backups</c>, or <c>/backups/detail</c> when <see cref="Detailed"/>).</summary>
internal sealed class VbsBackupQuery
{
    public static readonly IReadOnlyList<string> StatusValues = ["available", "error", "restoring", "creating", "deleting", "error_restoring"];
    public static readonly IReadOnlyList<string> SortKeys = ["name", "status", "container_format", "disk_format", "size", "id", "created_at", "updated_at"];

    /// <summary>Every field of each backup (<c>/backups/detail</c>); otherwise id, name and links only.</summary>
    public bool Detailed { get; init; }
    /// <summary>An exact name (sent), or a pattern with PowerShell wildcards (the API matches exactly, so it is matched here).</summary>
    public string? Name { get; init; }

    internal NamePattern? NamePattern => NamePattern.Parse(Name);
    public string? Status { get; init; }
    public string? VolumeId { get; init; }
    /// <summary><c>sort_key</c> (detailed listing only).</summary>
    public string? SortBy { get; init; }
    /// <summary><c>sort_dir=desc</c> (detailed listing only; the API's default order is descending).</summary>
    public bool? Descending { get; init; }

    internal IReadOnlyList<KeyValuePair<string, string>> Parameters()
    {
        if (!Detailed && (SortBy is not null || Descending is not null))
        {
            throw QueryValues.Invalid("VBS sorts only the detailed listing: add -Detailed (not -Detailed:$false) to use -SortBy or -Descending.");
        }
        var sortKey = DocumentedValues.Canonical(SortBy, SortKeys);
        if (sortKey is not null && !SortKeys.Contains(sortKey)) throw QueryValues.Invalid($"-SortBy '{SortBy}' is not a VBS sort key: use {string.Join(", ", SortKeys)}.");
        var parameters = new QueryParameters();
        parameters.Add("name", NamePattern.Literal(Name));
        parameters.Add("status", DocumentedValues.Canonical(Status, StatusValues));
        parameters.Add("volume_id", VolumeId);
        parameters.Add("sort_key", sortKey);
        if (Descending is { } descending) parameters.Add("sort_dir", descending ? "desc" : "asc");
        return parameters;
    }
}
