using System.Text.Json;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary><c>GET /rds/v3/{project_id}/instances</c> (ListInstances): the common filters plus <c>type</c> and <c>tags</c>.</summary>
internal sealed class RdsInstancesEndpoint(EmulatorOptions options, ServiceAuthenticator auth, RdsDataset data)
    : DatabaseInstancesEndpoint<RdsInstance>(options, auth, RdsBackupsEndpoint.ParameterError, RdsBackupsEndpoint.ProjectNotFound)
{
    private static readonly string[] Types = ["Single", "Ha", "Replica"];
    private static readonly string[] Datastores = ["MySQL", "PostgreSQL", "SQLServer", "MariaDB"];

    protected override IReadOnlyList<RdsInstance> Inventory => data.Inventory;

    protected override IReadOnlyCollection<string> DatastoreTypes => Datastores;

    protected override Func<RdsInstance, bool>? ReadFilter(QueryReader query)
    {
        var type = query.OneOf("type", Types);
        // No emulated instance has tags: any tag filter matches nothing.
        var tags = query.String("tags");
        return type is null && tags is null ? null : i => tags is null && (type is null || i.Type == type);
    }

    protected override void Write(Utf8JsonWriter w, RdsInstance i, string region)
    {
        var created = HuaweiJson.OffsetTime(i.Created.ToOffset(TimeSpan.FromHours(8)));
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("name", i.Name);
        w.WriteString("status", i.Status);
        w.WriteStartArray("private_ips");
        w.WriteStringValue("192.168.0.10");
        w.WriteEndArray();
        w.WriteStartArray("public_ips");
        w.WriteEndArray();
        w.WriteNumber("port", i.DatastoreType switch { "PostgreSQL" => 5432, "SQLServer" => 1433, _ => 3306 });
        w.WriteString("type", i.Type);
        w.WriteString("region", region);
        w.WriteStartObject("datastore");
        w.WriteString("type", i.DatastoreType);
        w.WriteString("version", i.DatastoreVersion);
        w.WriteEndObject();
        w.WriteString("created", created);
        w.WriteString("updated", created);
        w.WriteString("db_user_name", "root");
        w.WriteString("vpc_id", NetworkIds.Vpc);
        w.WriteString("subnet_id", NetworkIds.Subnet);
        w.WriteString("security_group_id", NetworkIds.SecurityGroup);
        w.WriteString("flavor_ref", "rds.mysql.n1.large.2.ha");
        w.WriteStartObject("volume");
        w.WriteString("type", "CLOUDSSD");
        w.WriteNumber("size", 100);
        w.WriteEndObject();
        w.WriteString("switch_strategy", "reliability");
        w.WriteStartObject("backup_strategy");
        w.WriteString("start_time", i.BackupWindow);
        w.WriteNumber("keep_days", i.KeepDays);
        w.WriteEndObject();
        w.WriteString("maintenance_window", "02:00-06:00");
        w.WriteStartArray("nodes");
        w.WriteEndArray();
        w.WriteStartArray("related_instance");
        w.WriteEndArray();
        w.WriteString("enterprise_project_id", "0");
        w.WriteString("time_zone", "UTC");
        w.WriteStartObject("charge_info");
        w.WriteString("charge_mode", "postPaid");
        w.WriteEndObject();
        w.WriteStartArray("tags");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
