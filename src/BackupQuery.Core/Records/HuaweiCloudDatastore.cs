namespace BackupQuery.Records;

/// <summary>The database engine and version of a GeminiDB or RDS backup (<c>datastore</c>).</summary>
public sealed class HuaweiCloudDatastore
{
    internal HuaweiCloudDatastore() { }

    /// <summary>GeminiDB: <c>cassandra</c>, <c>mongodb</c>, <c>redis</c>, <c>influxdb</c>; RDS: <c>MySQL</c>, <c>PostgreSQL</c>, <c>SQLServer</c>, <c>MariaDB</c>.</summary>
    public string? Type { get; internal init; }
    public string? Version { get; internal init; }

    public override string ToString() => $"{Type} {Version}".Trim();
}
