using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary><c>GET /rds/v3/{project_id}/backups</c> (ListBackups): <c>instance_id</c> mandatory, offset/limit ≤ 100.</summary>
internal sealed class RdsBackupsEndpoint(EmulatorOptions options, ServiceAuthenticator auth, RdsDataset data)
    : BackupListEndpoint(options, auth)
{
    /// <summary>Parameter errors, including a missing instance_id (our choice of code).</summary>
    public const string ParameterError = "DBS.280001";
    public const string ProjectNotFound = "DBS.280002";

    protected override Task WriteErrorAsync(HttpContext context, int status, string message) =>
        HuaweiErrors.Flat(context, status, status == StatusCodes.Status404NotFound ? ProjectNotFound : ParameterError, message);

    protected override Task ListAsync(HttpContext context, string projectId, QueryReader query, bool hasData)
    {
        var instanceId = query.String("instance_id");
        if (string.IsNullOrEmpty(instanceId)) throw new InvalidParameterException("The parameter instance_id is mandatory.");
        var backupId = query.String("backup_id");
        var backupType = query.OneOf("backup_type", ["auto", "manual", "fragment", "incremental"]);
        var status = query.OneOf("status", ["BUILDING", "COMPLETED", "FAILED", "DELETING"]);
        var limit = query.Int("limit", 100, 1, 100);
        var offset = query.Int("offset", 0, 0, int.MaxValue);
        var range = query.OffsetTimeRange("begin_time", "end_time");

        // An unknown instance simply has no backups.
        Func<RdsBackup, bool> filter = b => b.InstanceId == instanceId && (backupType is null || b.Type == backupType) &&
                                            (status is null || b.Status == status) &&
                                            (range is not { } t || (b.BeginTime >= t.Begin && b.BeginTime <= t.End));
        IBackupSource<RdsBackup> source = !hasData ? ListSource<RdsBackup>.Empty
            : backupId is null ? data
            : data.IndexOf(backupId) is var i and >= 0 ? new ListSource<RdsBackup>([data[i]]) : ListSource<RdsBackup>.Empty;
        var page = Pager.Run(source, filter, SortOrder<RdsBackup>.Default, null, offset, limit);
        return WriteListAsync(context, page.Items, Write, tail: w => w.WriteNumber("total_count", page.Total));
    }

    private static void Write(Utf8JsonWriter w, RdsBackup b)
    {
        w.WriteStartObject();
        w.WriteString("id", b.Id);
        w.WriteString("instance_id", b.InstanceId);
        w.WriteString("name", b.Name);
        w.WriteStartArray("databases");
        foreach (var d in b.Databases)
        {
            w.WriteStartObject();
            w.WriteString("name", d);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("begin_time", HuaweiJson.OffsetTime(b.BeginTime));
        w.WriteString("end_time", HuaweiJson.OffsetTime(b.EndTime));
        w.WriteString("status", b.Status);
        w.WriteString("type", b.Type);
        w.WriteNumber("size", b.Size);
        w.WriteStartObject("datastore");
        w.WriteString("type", b.DatastoreType);
        w.WriteString("version", b.DatastoreVersion);
        w.WriteEndObject();
        w.WriteBoolean("associated_with_ddm", b.AssociatedWithDdm);
        w.WriteNumber("min_data_volume_capacity_for_restore", b.MinDataVolumeCapacityForRestore);
        w.WriteEndObject();
    }
}
