using BackupQuery.Text;

namespace BackupQuery.ZStack;

/// <summary>What Get-ZStackVolumeBackup asks for (QueryVolumeBackup); every filter goes to the server as a <c>q</c> condition.</summary>
internal sealed class ZStackVolumeBackupQuery
{
    // Documented values, for completion and spelling (DocumentedValues); the server compares case-sensitively and may know others.
    public static readonly IReadOnlyList<string> States = ["Enabled", "Disabled"];
    public static readonly IReadOnlyList<string> Statuses = ["Ready", "Creating", "Failed"];
    public static readonly IReadOnlyList<string> SortFields = ["createDate", "lastOpDate", "name", "size", "status", "state", "uuid"];

    public IReadOnlyList<string> Uuid { get; init; } = [];
    /// <summary>Exact name, or a pattern with PowerShell wildcards.</summary>
    public string? Name { get; init; }
    public IReadOnlyList<string> VolumeUuid { get; init; } = [];
    public IReadOnlyList<string> State { get; init; } = [];
    public IReadOnlyList<string> Status { get; init; } = [];
    public DateTimeOffset? CreatedAfter { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }
    /// <summary>Raw conditions such as <c>size&gt;1048576</c>, validated before sending.</summary>
    public IReadOnlyList<string> Filter { get; init; } = [];
    public string? SortBy { get; init; }
    public bool Descending { get; init; }

    /// <summary>The <c>q</c> conditions, in a stable order.</summary>
    public IReadOnlyList<ZStackCondition> Conditions(TimeZoneInfo serverZone)
    {
        ZStackCondition.CheckWindow(CreatedAfter, CreatedBefore);
        var conditions = new List<ZStackCondition>();
        if (Uuid.Count > 0) conditions.Add(ZStackCondition.ForAny("uuid", Uuid));
        if (!string.IsNullOrEmpty(Name)) conditions.Add(ZStackCondition.ForName("name", Name!));
        if (VolumeUuid.Count > 0) conditions.Add(ZStackCondition.ForAny("volumeUuid", VolumeUuid));
        if (State.Count > 0) conditions.Add(ZStackCondition.ForAny("state", DocumentedValues.Canonical(State, States)));
        if (Status.Count > 0) conditions.Add(ZStackCondition.ForAny("status", DocumentedValues.Canonical(Status, Statuses)));
        if (CreatedAfter is { } after) conditions.Add(ZStackCondition.ForTime("createDate", ">=", after, serverZone));
        if (CreatedBefore is { } before) conditions.Add(ZStackCondition.ForTime("createDate", "<", before, serverZone));
        conditions.AddRange(Filter.Select(ZStackCondition.Parse));
        return conditions;
    }

    /// <summary>The <c>sort</c> value: <c>+field</c> or <c>-field</c>.</summary>
    public string? Sort => ZStackCondition.SortValue(SortBy, SortFields, Descending);
}
