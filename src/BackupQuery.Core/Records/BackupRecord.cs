namespace BackupQuery.Records;

/// <summary>
/// The columns every backup has, whatever the provider: what Sort-Object, Group-Object and Export-Csv across providers
/// rely on. Dates are <see cref="DateTimeOffset"/> (zone rule per provider, see about_BackupQuery); sizes in bytes.
/// </summary>
public abstract class BackupRecord : IOddValueCarrier
{
    private protected BackupRecord(RecordSource source) => Connection = source.Connection;

    /// <summary><c>ZStack</c> or <c>HuaweiCloud</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>The API the record came from (e.g. <c>DatabaseBackup</c>, <c>CBR</c>).</summary>
    public abstract string Service { get; }

    public string Id { get; internal init; } = "";
    public string? Name { get; internal init; }
    public string? Status { get; internal init; }
    public DateTimeOffset? CreatedAt { get; internal init; }
    public long? SizeBytes { get; internal init; }

    /// <summary>Name of the connection the record was read through.</summary>
    public string Connection { get; internal init; } = "";

    /// <summary>Fields of this record that could not be read and show as null (internal: reported once per listing).</summary>
    internal IReadOnlyList<OddValue> OddValues { get; init; } = [];

    IReadOnlyList<OddValue> IOddValueCarrier.OddValues => OddValues;

    public override string ToString() => Name ?? Id;
}

/// <summary>Common base of the Huawei Cloud records: where in the cloud the record lives.</summary>
public abstract class HuaweiCloudBackupRecord : BackupRecord
{
    private protected HuaweiCloudBackupRecord(RecordSource source) : base(source)
    {
        Region = source.Region;
        ProjectId = source.ProjectId;
    }

    public override string Provider => ProviderNames.HuaweiCloud;
    public string Region { get; internal init; } = "";
    public string ProjectId { get; internal init; } = "";
}
