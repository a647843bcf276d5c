using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary><c>GET /cbr/v3/{project_id}/backups</c> (ListBackups): every documented filter, sort, offset or marker, limit ≤ 1000.</summary>
internal sealed class CbrBackupsEndpoint(EmulatorOptions options, ServiceAuthenticator auth, CbrDataset data)
    : BackupListEndpoint(options, auth)
{
    /// <summary>Invalid parameter (our choice; the spec only says BackupService.xxxx).</summary>
    public const string ParameterError = "BackupService.6001";
    /// <summary>Unknown project id.</summary>
    public const string ProjectNotFound = "BackupService.6004";

    private static readonly Dictionary<string, Func<CbrBackup, IComparable?>> SortKeys = new()
    {
        ["created_at"] = b => b.CreatedAt,
        ["updated_at"] = b => b.UpdatedAt,
        ["name"] = b => b.Name,
        ["status"] = b => b.Status,
        ["protected_at"] = b => b.ProtectedAt,
        ["id"] = b => b.Id,
    };

    protected override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        HuaweiErrors.Flat(context, status, status == StatusCodes.Status404NotFound ? ProjectNotFound : ParameterError, message);

    protected override Task ListAsync(HttpContext context, string projectId, QueryReader query, bool hasData)
    {
        var limit = query.Int("limit", 1000, 1, 1000);
        var offset = query.Int("offset", 0, 0, int.MaxValue);
        var marker = query.String("marker");
        var order = ReadSort(query.String("sort"));
        var statuses = query.All("status");
        foreach (var s in statuses)
            if (!CbrDataset.Statuses.Contains(s)) throw new InvalidParameterException($"Invalid parameter status: '{s}'.");
        var resourceType = query.OneOf("resource_type", CbrDataset.ResourceTypes);
        var resourceId = query.String("resource_id");
        var resourceName = query.String("resource_name");
        var resourceAz = query.String("resource_az");
        var vaultId = query.String("vault_id");
        var checkpointId = query.String("checkpoint_id");
        var parentId = query.String("parent_id");
        var name = query.String("name");
        if (name is { Length: > 255 }) throw new InvalidParameterException("Invalid parameter name: longer than 255 characters.");
        var imageType = query.OneOf("image_type", ["backup", "replication"]);
        var ownType = query.OneOf("own_type", ["private", "shared", "all_granted"]) ?? "private";
        var memberStatus = query.OneOf("member_status", ["pending", "accepted", "rejected"]);
        var enterpriseProject = query.String("enterprise_project_id");
        var start = query.UtcTime("start_time");
        var end = query.UtcTime("end_time");
        var incremental = query.Bool("incremental");
        // Accepted and validated; no emulated backup is shared, dedicated-cloud or hidden by replication display.
        query.Bool("show_replication");
        query.Bool("dec");

        // Nothing is shared with this project, so shared listings and member states match nothing.
        var sharedOnly = ownType == "shared" || memberStatus is not null;
        var anyFilter = statuses.Count > 0 || resourceType is not null || resourceId is not null || resourceName is not null ||
                        resourceAz is not null || vaultId is not null || checkpointId is not null || name is not null ||
                        imageType is not null || sharedOnly || (enterpriseProject is not null && enterpriseProject != "all_granted_eps") ||
                        start is not null || end is not null || incremental is not null;
        Func<CbrBackup, bool>? filter = !anyFilter ? null : b =>
            !sharedOnly && (statuses.Count == 0 || statuses.Contains(b.Status)) && (resourceType is null || b.ResourceType == resourceType) &&
            (resourceId is null || b.ResourceId == resourceId) && (resourceName is null || b.ResourceName == resourceName) &&
            (resourceAz is null || b.ResourceAz == resourceAz) && (vaultId is null || b.VaultId == vaultId) &&
            (checkpointId is null || b.CheckpointId == checkpointId) && (name is null || b.Name == name) &&
            (imageType is null || b.ImageType == imageType) &&
            (enterpriseProject is null or "all_granted_eps" || (b.EnterpriseProjectId ?? "0") == enterpriseProject) &&
            (start is null || b.CreatedAt >= start) && (end is null || b.CreatedAt <= end) &&
            (incremental is null || (b.Incremental ?? false) == incremental);

        // parent_id lists the per-disk children of that backup.
        IBackupSource<CbrBackup> source = !hasData ? ListSource<CbrBackup>.Empty
            : parentId is null ? Options.HeadInserts.Over(data.Count, i => data[i], n => data[0] with { Id = $"inserted-cbr-{n:D6}", Name = $"inserted-{n}", Children = [] })
            : data.IndexOf(parentId) is var p and >= 0 ? new ListSource<CbrBackup>(data[p].Children) : ListSource<CbrBackup>.Empty;

        int? markerIndex = null;
        if (marker is not null)
        {
            var index = source is CbrDataset ? data.IndexOf(marker) : FindIn(source, marker);
            if (index < 0) throw new InvalidParameterException($"Invalid parameter marker: backup {marker} not found.");
            markerIndex = index;
        }

        var page = Pager.Run(source, filter, order, markerIndex, offset, limit);
        return WriteListAsync(context, page.Items, Write, tail: w => w.WriteNumber("count", page.Total));
    }

    private static int FindIn(IBackupSource<CbrBackup> source, string id)
    {
        for (var i = 0; i < source.Count; i++)
            if (source[i].Id == id) return i;
        return -1;
    }

    /// <summary><c>key[:asc|desc],...</c>; a key without direction sorts descending. created_at alone keeps the O(limit) path.</summary>
    private static SortOrder<CbrBackup> ReadSort(string? sort)
    {
        if (sort is null) return SortOrder<CbrBackup>.Default;
        if (sort.Length > 255) throw new InvalidParameterException("Invalid parameter sort: longer than 255 characters.");
        var keys = new List<SortKey<CbrBackup>>();
        var createdAtOnly = true;
        var descending = true;
        foreach (var part in sort.Split(','))
        {
            var pieces = part.Split(':');
            if (pieces.Length > 2 || !SortKeys.TryGetValue(pieces[0], out var value))
                throw new InvalidParameterException($"Invalid parameter sort: '{sort}'. Keys: {string.Join(", ", SortKeys.Keys)}.");
            var dir = pieces.Length == 2 ? pieces[1] : "desc";
            if (dir is not ("asc" or "desc")) throw new InvalidParameterException($"Invalid parameter sort: direction '{dir}'.");
            keys.Add(new SortKey<CbrBackup>(value, dir == "desc"));
            createdAtOnly &= pieces[0] == "created_at";
            descending = dir == "desc";
        }
        if (createdAtOnly) return descending ? SortOrder<CbrBackup>.Default : SortOrder<CbrBackup>.Oldest;
        return SortOrder<CbrBackup>.By(keys);
    }

    private static void Write(Utf8JsonWriter w, CbrBackup b)
    {
        w.WriteStartObject();
        w.WriteStartArray("children");
        foreach (var child in b.Children) Write(w, child);
        w.WriteEndArray();
        w.WriteString("checkpoint_id", b.CheckpointId);
        w.WriteString("created_at", HuaweiJson.ZonelessTime(b.CreatedAt));
        w.WriteStringOrNull("description", b.Description);
        w.WriteStringOrNull("expired_at", b.ExpiredAt is { } e ? HuaweiJson.ZonelessTime(e) : null);
        WriteExtendInfo(w, b.ExtendInfo);
        w.WriteString("id", b.Id);
        w.WriteString("image_type", b.ImageType);
        if (b.Incremental is { } inc) w.WriteBoolean("incremental", inc);
        w.WriteString("name", b.Name);
        w.WriteStringOrNull("parent_id", b.ParentId);
        w.WriteString("project_id", b.ProjectId);
        w.WriteStringOrNull("protected_at", b.ProtectedAt is { } p ? HuaweiJson.ZonelessTime(p) : null);
        w.WriteString("provider_id", b.ProviderId);
        w.WriteString("resource_az", b.ResourceAz);
        w.WriteString("resource_id", b.ResourceId);
        w.WriteString("resource_name", b.ResourceName);
        w.WriteNumber("resource_size", b.ResourceSize);
        w.WriteString("resource_type", b.ResourceType);
        w.WriteString("status", b.Status);
        w.WriteString("updated_at", HuaweiJson.ZonelessTime(b.UpdatedAt));
        w.WriteString("vault_id", b.VaultId);
        if (b.Version is { } v) w.WriteNumber("version", v);
        if (b.EnterpriseProjectId is { } ep) w.WriteString("enterprise_project_id", ep);
        w.WriteStartArray("replication_records");
        foreach (var r in b.ReplicationRecords) WriteReplication(w, r);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteExtendInfo(Utf8JsonWriter w, CbrExtendInfo x)
    {
        w.WriteStartObject("extend_info");
        if (x.AppConsistency is { } a)
        {
            w.WriteStartObject("app_consistency");
            w.WriteString("app_consistency", a.AppConsistency);
            w.WriteString("app_consistency_status", a.Status);
            w.WriteString("app_consistency_error_code", a.ErrorCode);
            w.WriteString("app_consistency_error_message", a.ErrorMessage);
            w.WriteEndObject();
        }
        w.WriteBoolean("auto_trigger", x.AutoTrigger);
        w.WriteBoolOrNull("bootable", x.Bootable);
        if (x.OsImageIds is null) w.WriteNull("os_images_data");
        else
        {
            w.WriteStartArray("os_images_data");
            foreach (var image in x.OsImageIds)
            {
                w.WriteStartObject();
                w.WriteString("image_id", image);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (x.Progress is { } progress) w.WriteNumber("progress", progress);
        else w.WriteNull("progress");
        w.WriteStringOrNull("snapshot_id", x.SnapshotId);
        w.WriteBoolean("support_lld", x.SupportLld);
        w.WriteStringOrNull("supported_restore_mode", x.SupportedRestoreMode);
        w.WriteBoolean("system_disk", x.SystemDisk);
        w.WriteBoolean("contain_system_disk", x.ContainSystemDisk);
        if (x.Architecture is not null) w.WriteString("architecture", x.Architecture);
        if (x.Encrypted is { } encrypted) w.WriteBoolean("encrypted", encrypted);
        if (x.IsMultiAz is { } multiAz) w.WriteBoolean("is_multi_az", multiAz);
        w.WriteEndObject();
    }

    private static void WriteReplication(Utf8JsonWriter w, CbrReplicationRecord r)
    {
        w.WriteStartObject();
        w.WriteString("created_at", HuaweiJson.ZonelessTime(r.CreatedAt));
        w.WriteStringOrNull("destination_backup_id", r.DestinationBackupId);
        w.WriteStringOrNull("destination_checkpoint_id", r.DestinationCheckpointId);
        w.WriteString("destination_project_id", r.DestinationProjectId);
        w.WriteString("destination_region", r.DestinationRegion);
        w.WriteString("destination_vault_id", r.DestinationVaultId);
        w.WriteStartObject("extra_info");
        w.WriteNumber("progress", r.Progress);
        w.WriteStringOrNull("fail_code", r.FailCode);
        w.WriteStringOrNull("fail_reason", r.FailReason);
        w.WriteBoolean("auto_trigger", r.AutoTrigger);
        w.WriteString("destinatio_vault_id", r.DestinationVaultId); // Sic: the API's own spelling.
        w.WriteEndObject();
        w.WriteString("id", r.Id);
        w.WriteString("source_backup_id", r.SourceBackupId);
        w.WriteString("source_checkpoint_id", r.SourceCheckpointId);
        w.WriteString("source_project_id", r.SourceProjectId);
        w.WriteString("source_region", r.SourceRegion);
        w.WriteString("status", r.Status);
        w.WriteString("vault_id", r.VaultId);
        w.WriteEndObject();
    }
}
