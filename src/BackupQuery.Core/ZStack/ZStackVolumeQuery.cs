using BackupQuery.Text;

namespace BackupQuery.ZStack;

/// <summary>What Get-ZStackVolume asks for (QueryVolume); every filter goes to the server as a <c>q</c> condition.</summary>
internal sealed class ZStackVolumeQuery
{
    // Documented values, for completion and spelling (DocumentedValues); the server compares case-sensitively and may know others.
    public static readonly IReadOnlyList<string> Types = ["Root", "Data"];
    public static readonly IReadOnlyList<string> States = ["Enabled", "Disabled"];
    public static readonly IReadOnlyList<string> Statuses = ["Ready", "NotInstantiated", "Creating", "Deleted"];
    public static readonly IReadOnlyList<string> SortFields = ["createDate", "lastOpDate", "name", "size", "status", "state", "type", "uuid"];

    public IReadOnlyList<string> Uuid { get; init; } = [];
    /// <summary>Exact name, or a pattern with PowerShell wildcards.</summary>
    public string? Name { get; init; }
    public IReadOnlyList<string> Type { get; init; } = [];
    public IReadOnlyList<string> VmInstanceUuid { get; init; } = [];
    public IReadOnlyList<string> State { get; init; } = [];
    public IReadOnlyList<string> Status { get; init; } = [];
    /// <summary>Raw conditions such as <c>size&gt;1073741824</c>, validated before sending.</summary>
    public IReadOnlyList<string> Filter { get; init; } = [];
    public string? SortBy { get; init; }
    public bool Descending { get; init; }

    /// <summary>The <c>q</c> conditions, in a stable order.</summary>
    public IReadOnlyList<ZStackCondition> Conditions()
    {
        var conditions = new List<ZStackCondition>();
        if (Uuid.Count > 0) conditions.Add(ZStackCondition.ForAny("uuid", Uuid));
        if (!string.IsNullOrEmpty(Name)) conditions.Add(ZStackCondition.ForName("name", Name!));
        if (Type.Count > 0) conditions.Add(ZStackCondition.ForAny("type", Type));
        if (VmInstanceUuid.Count > 0) conditions.Add(ZStackCondition.ForAny("vmInstanceUuid", VmInstanceUuid));
        if (State.Count > 0) conditions.Add(ZStackCondition.ForAny("state", DocumentedValues.Canonical(State, States)));
        if (Status.Count > 0) conditions.Add(ZStackCondition.ForAny("status", DocumentedValues.Canonical(Status, Statuses)));
        conditions.AddRange(Filter.Select(ZStackCondition.Parse));
        return conditions;
    }

    /// <summary>The <c>sort</c> value: <c>+field</c> or <c>-field</c>.</summary>
    public string? Sort => ZStackCondition.SortValue(SortBy, SortFields, Descending);
}
