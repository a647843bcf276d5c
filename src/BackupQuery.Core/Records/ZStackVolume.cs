namespace BackupQuery.Records;

/// <summary>A ZStack volume (QueryVolume). Dates are the management node's wall-clock times in its zone.</summary>
public sealed class ZStackVolume : InventoryRecord
{
    internal ZStackVolume(RecordSource source) : base(source) { }

    public override string Provider => ZStack.ZStackProtocol.ProviderName;

    public string Uuid => Id;
    public string? Description { get; internal init; }
    /// <summary><c>Root</c> or <c>Data</c>.</summary>
    public string? Type { get; internal init; }
    /// <summary><c>Enabled</c> or <c>Disabled</c>.</summary>
    public string? State { get; internal init; }
    /// <summary>The VM the volume is attached to; null when detached.</summary>
    public string? VmInstanceUuid { get; internal init; }
    public string? PrimaryStorageUuid { get; internal init; }
    public string? Format { get; internal init; }
    /// <summary>The API's <c>size</c>: the volume's virtual size, in bytes.</summary>
    public long? SizeBytes { get; internal init; }
    /// <summary>The API's <c>actualSize</c>, in bytes.</summary>
    public long? ActualSizeBytes { get; internal init; }
    public DateTimeOffset? CreatedAt { get; internal init; }
    public DateTimeOffset? LastOpDate { get; internal init; }
}
