using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary><c>GET /gaussdb-nosql/v3.1/{project_id}/backups</c> (ShowAllInstancesBackupsNew): filters, offset/limit ≤ 100.</summary>
internal sealed class GeminiDbBackupsEndpoint(EmulatorOptions options, ServiceAuthenticator auth, GeminiDbDataset data)
    : BackupListEndpoint(options, auth)
{
    /// <summary>Parameter errors (the spec names DBS.200001 for GeminiDB/RDS parameters).</summary>
    public const string ParameterError = "DBS.200001";
    /// <summary>Unknown project (our choice; the spec is silent).</summary>
    public const string ProjectNotFound = "DBS.280002";

    protected override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        HuaweiErrors.Flat(context, status, status == StatusCodes.Status404NotFound ? ProjectNotFound : ParameterError, message);

    protected override Task ListAsync(HttpContext context, string projectId, QueryReader query, bool hasData)
    {
        var instanceId = query.String("instance_id");
        var datastore = query.OneOf("datastore_type", GeminiDbDataset.DatastoreTypes);
        var backupId = query.String("backup_id");
        var backupType = query.OneOf("backup_type", ["Auto", "Manual"]);
        var policy = query.OneOf("type", ["Instance", "DatabaseTable"]);
        var limit = query.Int("limit", 100, 1, 100);
        var offset = query.Int("offset", 0, 0, int.MaxValue);
        var range = query.OffsetTimeRange("begin_time", "end_time");

        // Omitted type lists instance- and table-level backups alike, so the unfiltered total is the whole dataset.
        Func<GeminiDbBackup, bool>? filter = instanceId is null && datastore is null && backupType is null && policy is null && range is null
            ? null
            : b => (instanceId is null || b.InstanceId == instanceId) && (datastore is null || b.DatastoreType == datastore) &&
                   (backupType is null || b.Type == backupType) && (policy is null || b.PolicyType == policy) &&
                   (range is not { } t || (b.BeginTime >= t.Begin && b.BeginTime <= t.End));

        IBackupSource<GeminiDbBackup> source = !hasData ? ListSource<GeminiDbBackup>.Empty
            : backupId is null ? Options.HeadInserts.Over(data.Count, i => data[i], n => data[0] with { Id = $"inserted-geminidb-{n:D6}", Name = $"inserted-{n}" })
            : data.IndexOf(backupId) is var i and >= 0 ? new ListSource<GeminiDbBackup>([data[i]]) : ListSource<GeminiDbBackup>.Empty;
        var page = Pager.Run(source, filter, SortOrder<GeminiDbBackup>.Default, null, offset, limit);
        return WriteListAsync(context, page.Items, Write, head: w => w.WriteNumber("total_count", page.Total));
    }

    private static void Write(Utf8JsonWriter w, GeminiDbBackup b)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("name", b.Name);
        w.WriteString("instance_id", b.InstanceId);
        w.WriteString("instance_name", b.InstanceName);
        w.WriteStartObject("datastore");
        w.WriteString("type", b.DatastoreType);
        w.WriteString("version", b.DatastoreVersion);
        w.WriteEndObject();
        w.WriteString("type", b.Type);
        w.WriteString("begin_time", HuaweiJson.OffsetTime(b.BeginTime));
        w.WriteString("end_time", HuaweiJson.OffsetTime(b.EndTime));
        w.WriteString("status", b.Status);
        w.WriteNumber("size", b.Size);
        w.WriteString("description", b.Description);
        if (b.DatabaseTables is { } tables)
        {
            w.WriteStartArray("database_tables");
            foreach (var t in tables)
            {
                w.WriteStartObject();
                w.WriteString("database_name", t.DatabaseName);
                if (t.TableNames is null) w.WriteNull("table_names");
                else
                {
                    w.WriteStartArray("table_names");
                    foreach (var n in t.TableNames) w.WriteStringValue(n);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
