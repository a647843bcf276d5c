using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// <c>GET /cbr/v3/{project_id}/protectables/{server|disk}/instances</c> (ListProtectable): id, name, status, server_id,
/// limit ≤ 50, marker (an id) or offset; no total. A server in no vault carries <c>"vault": null</c>, a disk in none has
/// no <c>vault</c> key: the reference allows both, so a client meets both here.
/// </summary>
internal sealed class CbrProtectablesEndpoint(EmulatorOptions options, ServiceAuthenticator auth, CbrDataset data)
    : BackupListEndpoint(options, auth)
{
    private static readonly string[] Statuses = ["active", "deleted", "error"];

    protected override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        HuaweiErrors.Flat(context, status, status == StatusCodes.Status404NotFound ? CbrBackupsEndpoint.ProjectNotFound : CbrBackupsEndpoint.ParameterError, message);

    protected override Task ListAsync(HttpContext context, string projectId, QueryReader query, bool hasData)
    {
        var type = (string?)context.Request.RouteValues["protectable_type"];
        if (type is not ("server" or "disk")) throw new InvalidParameterException($"Invalid parameter protectable_type: '{type}'. Allowed: server, disk.");
        var disk = type == "disk";
        var limit = query.Int("limit", 50, 1, 50);
        var offset = query.Int("offset", 0, 0, int.MaxValue);
        var marker = query.String("marker");
        var id = query.String("id");
        var name = query.String("name");
        var status = query.OneOf("status", Statuses);
        var serverId = query.String("server_id");
        var inventory = data.Inventory;

        int? markerIndex = null;
        if (marker is not null)
        {
            var index = inventory.IndexOf(disk, marker);
            if (index < 0) throw new InvalidParameterException($"Invalid parameter marker: {type} {marker} not found.");
            markerIndex = index;
        }
        Func<CbrProtectable, bool>? filter = id is null && name is null && status is null && serverId is null
            ? null
            : p => (id is null || p.Id == id) && (name is null || p.Name == name) && (status is null || p.Status == status) &&
                   (serverId is null || (disk ? p.ServerId == serverId : p.Id == serverId));
        var source = hasData ? new ListSource<CbrProtectable>(disk ? inventory.ProtectableDisks : inventory.ProtectableServers) : ListSource<CbrProtectable>.Empty;
        var page = Pager.Run(source, filter, SortOrder<CbrProtectable>.Default, markerIndex, offset, limit);
        return WriteListAsync(context, page.Items, (w, p) => Write(w, p, projectId), arrayName: "instances");
    }

    private void Write(Utf8JsonWriter w, CbrProtectable p, string projectId)
    {
        var disk = p.Type == "OS::Cinder::Volume";
        w.WriteStartObject();
        w.WriteStartArray("children");
        if (!disk)
        {
            foreach (var child in data.Inventory.DisksOf(p.Id))
            {
                w.WriteStartObject();
                w.WriteString("id", child.Id);
                w.WriteString("name", child.Name);
                w.WriteString("type", child.Type);
                w.WriteNumber("size", child.SizeGb);
                w.WriteString("status", child.Status);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteStartObject("detail");
        w.WriteString("availability_zone", p.Az);
        w.WriteEndObject();
        w.WriteString("id", p.Id);
        w.WriteString("name", p.Name);
        w.WriteStartObject("protectable");
        w.WriteString("code", "");
        w.WriteString("reason", "");
        w.WriteBoolean("result", true);
        if (data.Inventory.FindVault(p.VaultId) is { } vault)
        {
            w.WritePropertyName("vault");
            CbrVaultJson.Write(w, vault, data, projectId, withResources: false);
        }
        else if (!disk) w.WriteNull("vault");
        w.WriteEndObject();
        w.WriteNumber("size", p.SizeGb);
        w.WriteString("status", p.Status);
        w.WriteString("type", p.Type);
        w.WriteEndObject();
    }
}
