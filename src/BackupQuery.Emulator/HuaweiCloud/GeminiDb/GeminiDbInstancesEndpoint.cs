using System.Globalization;
using System.Text.Json;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary><c>GET /gaussdb-nosql/v3/{project_id}/instances</c> (ListInstances): the common filters plus <c>mode</c>.</summary>
internal sealed class GeminiDbInstancesEndpoint(EmulatorOptions options, ServiceAuthenticator auth, GeminiDbDataset data)
    : DatabaseInstancesEndpoint<GeminiDbInstance>(options, auth, GeminiDbBackupsEndpoint.ParameterError, GeminiDbBackupsEndpoint.ProjectNotFound)
{
    private static readonly string[] Modes = ["Cluster", "Sharding", "ReplicaSet", "InfluxdbCluster", "CloudNativeCluster"];

    protected override IReadOnlyList<GeminiDbInstance> Inventory => data.Inventory;

    protected override IReadOnlyCollection<string> DatastoreTypes => GeminiDbDataset.DatastoreTypes;

    protected override Func<GeminiDbInstance, bool>? ReadFilter(QueryReader query) =>
        query.OneOf("mode", Modes) is { } mode ? i => i.Mode == mode : null;

    protected override void Write(Utf8JsonWriter w, GeminiDbInstance i, string region)
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
