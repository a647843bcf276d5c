namespace BackupQuery.Records;

/// <summary>
/// The columns every inventory record has (an instance, vault, protectable resource, volume): what it is, what it is
/// called, and the connection it was read through. Inventories are what coverage is built from.
/// </summary>
public abstract class InventoryRecord : IOddValueCarrier
{
    private protected InventoryRecord(RecordSource source) => Connection = source.Connection;

    /// <summary><c>ZStack</c> or <c>HuaweiCloud</c>.</summary>
    public abstract string Provider { get; }

    public string Id { get; internal init; } = "";
    public string? Name { get; internal init; }
    public string? Status { get; internal init; }

    /// <summary>Name of the connection the record was read through.</summary>
    public string Connection { get; internal init; } = "";

    /// <summary>Fields of this record that could not be read and show as null (internal: reported once per listing).</summary>
    internal IReadOnlyList<OddValue> OddValues { get; init; } = [];

    IReadOnlyList<OddValue> IOddValueCarrier.OddValues => OddValues;

    public override string ToString() => Name ?? Id;
}

/// <summary>Common base of the Huawei Cloud inventory records: where in the cloud the resource lives.</summary>
public abstract class HuaweiCloudInventoryRecord : InventoryRecord
{
    private protected HuaweiCloudInventoryRecord(RecordSource source) : base(source)
    {
        Region = source.Region;
        ProjectId = source.ProjectId;
    }

    public override string Provider => HuaweiCloud.HuaweiCloudProtocol.ProviderName;
    public string Region { get; internal init; } = "";
    public string ProjectId { get; internal init; } = "";
}

/// <summary>A record that may carry fields it could not read (see <see cref="OddValueSummary"/>).</summary>
internal interface IOddValueCarrier
{
    string Id { get; }
    IReadOnlyList<OddValue> OddValues { get; }
}
