using System.Globalization;
using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary><c>GET /gaussdb-nosql/v3/{project_id}/instances</c> (ListInstances): id/name (<c>*</c> fuzzy), mode, datastore_type, vpc_id, subnet_id, offset/limit ≤ 100.</summary>
internal sealed class GeminiDbInstancesEndpoint(EmulatorOptions options, ServiceAuthenticator auth, GeminiDbDataset data)
    : BackupListEndpoint(options, auth)
{
    private static readonly string[] Modes = ["Cluster", "Sharding", "ReplicaSet", "InfluxdbCluster", "CloudNativeCluster"];

    protected override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        HuaweiErrors.Flat(context, status, status == StatusCodes.Status404NotFound ? GeminiDbBackupsEndpoint.ProjectNotFound : GeminiDbBackupsEndpoint.ParameterError, message);

    protected override Task ListAsync(HttpContext context, string projectId, QueryReader query, bool hasData)
    {
        var id = FuzzyName.Read(query, "id");
        var name = FuzzyName.Read(query, "name");
        var mode = query.OneOf("mode", Modes);
        var datastore = query.OneOf("datastore_type", GeminiDbDataset.DatastoreTypes);
        var vpc = query.String("vpc_id");
        var subnet = query.String("subnet_id");
        var offset = query.Int("offset", 0, 0, int.MaxValue);
        var limit = query.Int("limit", 100, 1, 100);

        Func<GeminiDbInstance, bool>? filter = id is null && name is null && mode is null && datastore is null && vpc is null && subnet is null
            ? null
            : i => (id is null || id(i.Id)) && (name is null || name(i.Name)) && (mode is null || i.Mode == mode) &&
                   (datastore is null || i.DatastoreType == datastore) && (vpc is null || vpc == NetworkIds.Vpc) && (subnet is null || subnet == NetworkIds.Subnet);
        var source = hasData ? new ListSource<GeminiDbInstance>(data.Inventory) : ListSource<GeminiDbInstance>.Empty;
        var page = Pager.Run(source, filter, SortOrder<GeminiDbInstance>.Default, null, offset, limit);
        var region = Options.Projects[0].Name;
        return WriteListAsync(context, page.Items, (w, i) => Write(w, i, region), tail: w => w.WriteNumber("total_count", page.Total), arrayName: "instances");
    }

    private static void Write(Utf8JsonWriter w, GeminiDbInstance i, string region)
    {
        var created = i.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("name", i.Name);
        w.WriteString("status", i.Status);
        w.WriteString("port", "8635");
        w.WriteString("mode", i.Mode);
        w.WriteString("region", region);
        w.WriteStartObject("datastore");
        w.WriteString("type", i.DatastoreType);
        w.WriteString("version", i.DatastoreVersion);
        w.WriteString("storage_engine", "rocksDB");
        w.WriteEndObject();
        w.WriteString("engine", "rocksDB");
        w.WriteString("created", created);
        w.WriteString("updated", created);
        w.WriteString("db_user_name", "rwuser");
        w.WriteString("vpc_id", NetworkIds.Vpc);
        w.WriteString("subnet_id", NetworkIds.Subnet);
        w.WriteString("security_group_id", NetworkIds.SecurityGroup);
        w.WriteStartObject("backup_strategy");
        w.WriteString("start_time", i.BackupWindow);
        w.WriteNumber("keep_days", i.KeepDays);
        w.WriteEndObject();
        w.WriteString("pay_mode", "0");
        w.WriteString("maintenance_window", "02:00-06:00");
        w.WriteStartArray("groups");
        w.WriteEndArray();
        w.WriteString("enterprise_project_id", "0");
        w.WriteString("time_zone", "");
        w.WriteStartArray("actions");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
