using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>What Get-RdsBackup asks of GeminiDB (<c>GET /v3.1/{project_id}/backups</c>); every filter goes to the server.</summary>
internal sealed class GeminiDbBackupQuery
{
    public static readonly IReadOnlyList<string> DatastoreTypes = ["cassandra", "mongodb", "redis", "influxdb"];
    public static readonly IReadOnlyList<string> BackupTypes = ["Auto", "Manual"];
    public static readonly IReadOnlyList<string> Types = ["Instance", "DatabaseTable"];

    public string? InstanceId { get; init; }
    public string? DatastoreType { get; init; }
    public string? BackupId { get; init; }
    /// <summary><c>Auto</c> or <c>Manual</c> (any case: sent in the API's spelling).</summary>
    public string? BackupType { get; init; }
    /// <summary><c>Instance</c> (the API's default) or <c>DatabaseTable</c> (Cassandra only).</summary>
    public string? Type { get; init; }
    /// <summary>Sent as <c>begin_time</c>; with only one bound, the other is supplied (the API wants both).</summary>
    public DateTimeOffset? CreatedAfter { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>The query parameters, checked; <paramref name="now"/> bounds an open window.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Parameters(DateTimeOffset now)
    {
        var datastore = DocumentedValues.Canonical(DatastoreType, DatastoreTypes);
        var type = DocumentedValues.Canonical(Type, Types);
        if (type == "DatabaseTable" && datastore is not null && datastore != "cassandra")
        {
            throw QueryValues.Invalid($"-Type DatabaseTable exists for Cassandra only, not for datastore type '{datastore}'.");
        }
        var parameters = new QueryParameters();
        parameters.Add("instance_id", InstanceId);
        parameters.Add("datastore_type", datastore);
        parameters.Add("backup_id", BackupId);
        parameters.Add("backup_type", DocumentedValues.Canonical(BackupType, BackupTypes));
        parameters.Add("type", type);
        if (QueryValues.Window(CreatedAfter, CreatedBefore, now) is { } window)
        {
            parameters.Add("begin_time", QueryValues.WithOffset(window.Begin));
            parameters.Add("end_time", QueryValues.WithOffset(window.End));
        }
        return parameters;
    }
}
