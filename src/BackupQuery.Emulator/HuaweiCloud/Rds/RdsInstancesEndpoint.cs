using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary><c>GET /rds/v3/{project_id}/instances</c> (ListInstances): id/name (<c>*</c> fuzzy), type, datastore_type, vpc_id, subnet_id, tags, offset/limit ≤ 100.</summary>
internal sealed class RdsInstancesEndpoint(EmulatorOptions options, ServiceAuthenticator auth, RdsDataset data)
    : BackupListEndpoint(options, auth)
{
    private static readonly string[] Types = ["Single", "Ha", "Replica"];
    private static readonly string[] Datastores = ["MySQL", "PostgreSQL", "SQLServer", "MariaDB"];

    protected override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        HuaweiErrors.Flat(context, status, status == StatusCodes.Status404NotFound ? RdsBackupsEndpoint.ProjectNotFound : RdsBackupsEndpoint.ParameterError, message);

    protected override Task ListAsync(HttpContext context, string projectId, QueryReader query, bool hasData)
    {
        var id = FuzzyName.Read(query, "id");
        var name = FuzzyName.Read(query, "name");
        var type = query.OneOf("type", Types);
        var datastore = query.OneOf("datastore_type", Datastores);
        var vpc = query.String("vpc_id");
        var subnet = query.String("subnet_id");
        // No emulated instance has tags: any tag filter matches nothing.
        var tags = query.String("tags");
        var offset = query.Int("offset", 0, 0, int.MaxValue);
        var limit = query.Int("limit", 100, 1, 100);

        Func<RdsInstance, bool>? filter = id is null && name is null && type is null && datastore is null && vpc is null && subnet is null && tags is null
            ? null
            : i => tags is null && (id is null || id(i.Id)) && (name is null || name(i.Name)) && (type is null || i.Type == type) &&
                   (datastore is null || i.DatastoreType == datastore) && (vpc is null || vpc == NetworkIds.Vpc) && (subnet is null || subnet == NetworkIds.Subnet);
        var source = hasData ? new ListSource<RdsInstance>(data.Inventory) : ListSource<RdsInstance>.Empty;
        var page = Pager.Run(source, filter, SortOrder<RdsInstance>.Default, null, offset, limit);
        var region = Options.Projects[0].Name;
        return WriteListAsync(context, page.Items, (w, i) => Write(w, i, region), tail: w => w.WriteNumber("total_count", page.Total), arrayName: "instances");
    }

    private static void Write(Utf8JsonWriter w, RdsInstance i, string region)
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
