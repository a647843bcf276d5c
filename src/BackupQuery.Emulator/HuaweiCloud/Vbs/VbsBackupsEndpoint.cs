using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// <c>GET /vbs/v2/{project_id}/backups[/detail]</c>: Cinder-style marker paging with a 1000-record page cap and a
/// <c>next</c> link on an internal host that drops <c>/v2</c> (clients must take only its marker).
/// </summary>
internal sealed class VbsBackupsEndpoint(EmulatorOptions options, ServiceAuthenticator auth, VbsDataset data, bool detail)
    : BackupListEndpoint(options, auth)
{
    public const string ErrorCode = "VolumeBackup.0036";
    public const int PageCap = 1000;
    public const string InternalHost = "http://192.168.82.222:8776";

    private static readonly Dictionary<string, Func<VbsBackup, IComparable?>> SortKeys = new()
    {
        ["name"] = b => b.Name,
        ["status"] = b => b.Status,
        ["container_format"] = _ => null, // Image attributes a backup does not have: accepted, every value equal.
        ["disk_format"] = _ => null,
        ["size"] = b => b.Size,
        ["id"] = b => b.Id,
        ["created_at"] = b => b.CreatedAt,
        ["updated_at"] = b => b.UpdatedAt,
    };

    protected override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        HuaweiErrors.Nested(context, status, ErrorCode, message);

    protected override Task ListAsync(HttpContext context, string projectId, QueryReader query, bool hasData)
    {
        var name = query.String("name");
        var status = query.OneOf("status", VbsDataset.Statuses);
        var volumeId = query.String("volume_id");
        var limit = query.String("limit") is null ? PageCap : Math.Min(query.Int("limit", PageCap, 1, int.MaxValue), PageCap);
        var offset = query.Int("offset", 0, 0, int.MaxValue);
        var marker = query.String("marker");
        var order = detail ? ReadSort(query) : SortOrder<VbsBackup>.Default;

        int? markerIndex = null;
        if (marker is not null)
        {
            var index = hasData ? data.IndexOf(marker) : -1;
            if (index < 0) throw new InvalidParameterException($"Marker {marker} could not be found.");
            markerIndex = index;
        }

        Func<VbsBackup, bool>? filter = name is null && status is null && volumeId is null
            ? null
            : b => (name is null || b.Name == name) && (status is null || b.Status == status) && (volumeId is null || b.VolumeId == volumeId);
        IBackupSource<VbsBackup> source = hasData ? data : ListSource<VbsBackup>.Empty;
        var page = Pager.Run(source, filter, order, markerIndex, offset, limit);

        return WriteListAsync(context, page.Items, (w, b) => Write(w, b, projectId), tail: w =>
        {
            if (!page.MoreAfter || page.Items.Count == 0) return;
            w.WriteStartArray("backups_links");
            w.WriteStartObject();
            w.WriteString("href", NextHref(context, projectId, limit, page.Items[^1].Id));
            w.WriteString("rel", "next");
            w.WriteEndObject();
            w.WriteEndArray();
        });
    }

    private static SortOrder<VbsBackup> ReadSort(QueryReader query)
    {
        var key = query.OneOf("sort_key", SortKeys.Keys.ToArray()) ?? "created_at";
        var descending = (query.OneOf("sort_dir", ["asc", "desc"]) ?? "desc") == "desc";
        if (key == "created_at") return descending ? SortOrder<VbsBackup>.Default : SortOrder<VbsBackup>.Oldest;
        return SortOrder<VbsBackup>.By([new SortKey<VbsBackup>(SortKeys[key], descending)]);
    }

    /// <summary>Like the real service: the filters and limit kept, the marker moved on, an internal host and no /v2.</summary>
    private string NextHref(HttpContext context, string projectId, int limit, string lastId)
    {
        var parts = new List<string> { $"limit={limit}" };
        foreach (var keep in new[] { "name", "status", "volume_id", "sort_key", "sort_dir" })
            if (context.Request.Query[keep].LastOrDefault() is { } value) parts.Add($"{keep}={Uri.EscapeDataString(value)}");
        parts.Add($"marker={lastId}");
        return $"{InternalHost}/{projectId}/backups{(detail ? "/detail" : "")}?{string.Join('&', parts)}";
    }

    private void Write(Utf8JsonWriter w, VbsBackup b, string projectId)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteStartArray("links");
        WriteLink(w, $"{InternalHost}/v2/{projectId}/backups/{b.Id}", "self");
        WriteLink(w, $"{InternalHost}/{projectId}/backups/{b.Id}", "bookmark");
        w.WriteEndArray();
        w.WriteStringOrNull("name", b.Name);
        if (detail)
        {
            w.WriteStringOrNull("description", b.Description);
            w.WriteString("status", b.Status);
            w.WriteString("availability_zone", b.AvailabilityZone);
            w.WriteString("volume_id", b.VolumeId);
            w.WriteStringOrNull("snapshot_id", b.SnapshotId);
            w.WriteStringOrNull("fail_reason", b.FailReason);
            w.WriteNumber("size", b.Size);
            w.WriteNumber("object_count", b.ObjectCount);
            w.WriteString("container", b.Container);
            w.WriteString("created_at", HuaweiJson.ZonelessTime(b.CreatedAt));
            w.WriteString("updated_at", HuaweiJson.ZonelessTime(b.UpdatedAt));
            w.WriteString("data_timestamp", HuaweiJson.ZonelessTime(b.DataTimestamp));
            w.WriteString("os-bak-tenant-attr:tenant_id", b.TenantId);
            w.WriteBoolean("has_dependent_backups", b.HasDependentBackups);
            w.WriteBoolean("is_incremental", b.IsIncremental);
            w.WriteString("service_metadata", b.ServiceMetadata);
        }
        w.WriteEndObject();
    }

    private static void WriteLink(Utf8JsonWriter w, string href, string rel)
    {
        w.WriteStartObject();
        w.WriteString("href", href);
        w.WriteString("rel", rel);
        w.WriteEndObject();
    }
}
