namespace BackupQuery.HuaweiCloud;

/// <summary>What Get-RdsInstance asks of GeminiDB or RDS (<c>GET /v3/{project_id}/instances</c>): the filters both services document.</summary>
internal sealed class DatabaseInstanceQuery
{
    /// <summary>Documented engines of both services, for completion (the server may know others).</summary>
    public static readonly IReadOnlyList<string> DatastoreTypes = [.. GeminiDbBackupQuery.DatastoreTypes, "MySQL", "PostgreSQL", "SQLServer", "MariaDB"];

    public string? Id { get; init; }
    public string? Name { get; init; }
    /// <summary>GeminiDB: cassandra, mongodb, redis, influxdb; RDS: MySQL, PostgreSQL, SQLServer, MariaDB.</summary>
    public string? DatastoreType { get; init; }

    internal IReadOnlyList<KeyValuePair<string, string>> Parameters()
    {
        var parameters = new QueryParameters();
        parameters.Add("id", Id);
        parameters.Add("name", Name);
        parameters.Add("datastore_type", DatastoreType);
        return parameters;
    }
}
