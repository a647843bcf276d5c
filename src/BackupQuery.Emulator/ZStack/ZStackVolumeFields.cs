using System.Text.Json;

namespace BackupQuery.Emulator.ZStack;

/// <summary>
/// The fields of VolumeInventory, VolumeBackupInventory and SchedulerJobInventory (docs/api_facts.md), and their replies:
/// the top-level fields written by kind (Gson style: nulls omitted, dates in Java's format), then the reply-only ones.
/// </summary>
internal static class ZStackVolumeFields
{
    public const string RefsField = "backupStorageRefs";

    private static readonly string[] States = ["Enabled", "Disabled"];
    private static readonly string[] VolumeStatuses = ["Creating", "Ready", "NotInstantiated", "Deleted", "Migrating"];
    private static readonly string[] BackupStatuses = ["Creating", "Ready", "Failed"];

    public static ZStackInventory<ZStackVolume> Volume { get; } = new("VolumeInventory",
    [
        new("uuid", FieldKind.Text, v => v.Uuid),
        new("name", FieldKind.Text, v => v.Name),
        new("description", FieldKind.Text, v => v.Description),
        new("primaryStorageUuid", FieldKind.Text, v => v.PrimaryStorageUuid),
        new("vmInstanceUuid", FieldKind.Text, v => v.VmInstanceUuid),
        new("rootImageUuid", FieldKind.Text, v => v.RootImageUuid),
        new("installPath", FieldKind.Text, v => v.InstallPath),
        new("type", FieldKind.Enum, v => v.Type, EnumNames: ["Root", "Data", "Memory"]),
        new("format", FieldKind.Text, v => v.Format),
        new("size", FieldKind.Long, v => v.Size),
        new("actualSize", FieldKind.Long, v => v.ActualSize),
        new("deviceId", FieldKind.Long, v => v.DeviceId),
        new("state", FieldKind.Enum, v => v.State, EnumNames: States),
        new("status", FieldKind.Enum, v => v.Status, EnumNames: VolumeStatuses),
        new("createDate", FieldKind.Timestamp, v => v.CreateDate),
        new("lastOpDate", FieldKind.Timestamp, v => v.LastOpDate),
    ], [], ["isShareable"]);

    private static IEnumerable<object?> Refs(ZStackVolumeBackup b, Func<ZStackVolumeBackupRef, object?> of) => b.BackupStorageRefs.Select(of);

    public static ZStackInventory<ZStackVolumeBackup> VolumeBackup { get; } = new("VolumeBackupInventory",
    [
        new("uuid", FieldKind.Text, b => b.Uuid),
        new("name", FieldKind.Text, b => b.Name),
        new("description", FieldKind.Text, b => b.Description),
        new("volumeUuid", FieldKind.Text, b => b.VolumeUuid),
        new("vmInstanceUuid", FieldKind.Text, b => b.VmInstanceUuid),
        new("type", FieldKind.Text, b => b.Type),
        new("state", FieldKind.Enum, b => b.State, EnumNames: States),
        new("status", FieldKind.Enum, b => b.Status, EnumNames: BackupStatuses),
        new("size", FieldKind.Long, b => b.Size),
        new("hypervisorType", FieldKind.Text, b => b.HypervisorType),
        new("metadata", FieldKind.Text, b => b.Metadata),
        new("groupUuid", FieldKind.Text, b => b.GroupUuid),
        new("mode", FieldKind.Text, b => b.Mode),
        new("createDate", FieldKind.Timestamp, b => b.CreateDate),
        new("lastOpDate", FieldKind.Timestamp, b => b.LastOpDate),
    ],
    [
        new($"{RefsField}.volumeBackupUuid", FieldKind.Text, null, b => Refs(b, r => r.VolumeBackupUuid)),
        new($"{RefsField}.backupStorageUuid", FieldKind.Text, null, b => Refs(b, r => r.BackupStorageUuid)),
        new($"{RefsField}.installPath", FieldKind.Text, null, b => Refs(b, r => r.InstallPath)),
        new($"{RefsField}.status", FieldKind.Enum, null, b => Refs(b, r => r.Status), BackupStatuses),
        new($"{RefsField}.createDate", FieldKind.Timestamp, null, b => Refs(b, r => r.CreateDate)),
        new($"{RefsField}.lastOpDate", FieldKind.Timestamp, null, b => Refs(b, r => r.LastOpDate)),
    ],
    [RefsField]);

    public static ZStackInventory<ZStackSchedulerJob> SchedulerJob { get; } = new("SchedulerJobInventory",
    [
        new("uuid", FieldKind.Text, j => j.Uuid),
        new("targetResourceUuid", FieldKind.Text, j => j.TargetResourceUuid),
        new("name", FieldKind.Text, j => j.Name),
        new("description", FieldKind.Text, j => j.Description),
        new("state", FieldKind.Enum, j => j.State, EnumNames: States),
        new("createDate", FieldKind.Timestamp, j => j.CreateDate),
        new("lastOpDate", FieldKind.Timestamp, j => j.CreateDate),
        new("jobClassName", FieldKind.Text, j => j.JobClassName),
        new("jobData", FieldKind.Text, j => j.JobData),
    ], [], ["triggersUuid"]);

    public static void Write(Utf8JsonWriter w, ZStackVolume v, IReadOnlySet<string>? fields, TimeZoneInfo zone) =>
        WriteRecord(w, Volume, v, fields, zone, () =>
        {
            if (fields is null || fields.Contains("isShareable")) w.WriteBoolean("isShareable", v.IsShareable);
        });

    public static void Write(Utf8JsonWriter w, ZStackVolumeBackup b, IReadOnlySet<string>? fields, TimeZoneInfo zone) =>
        WriteRecord(w, VolumeBackup, b, fields, zone, () =>
        {
            if (fields is not null && !fields.Contains(RefsField)) return;
            w.WriteStartArray(RefsField);
            foreach (var r in b.BackupStorageRefs)
            {
                w.WriteStartObject();
                w.WriteString("volumeBackupUuid", r.VolumeBackupUuid);
                w.WriteString("backupStorageUuid", r.BackupStorageUuid);
                w.WriteString("installPath", r.InstallPath);
                w.WriteString("status", r.Status);
                ZStackBackupJson.WriteDate(w, "createDate", r.CreateDate, zone);
                ZStackBackupJson.WriteDate(w, "lastOpDate", r.LastOpDate, zone);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

    public static void Write(Utf8JsonWriter w, ZStackSchedulerJob j, IReadOnlySet<string>? fields, TimeZoneInfo zone) =>
        WriteRecord(w, SchedulerJob, j, fields, zone, () =>
        {
            if (fields is not null && !fields.Contains("triggersUuid")) return;
            w.WriteStartArray("triggersUuid");
            foreach (var t in j.TriggersUuid) w.WriteStringValue(t);
            w.WriteEndArray();
        });

    private static void WriteRecord<T>(Utf8JsonWriter w, ZStackInventory<T> inventory, T record, IReadOnlySet<string>? fields, TimeZoneInfo zone, Action writeRest)
    {
        w.WriteStartObject();
        foreach (var field in inventory.TopLevel)
        {
            if (fields is not null && !fields.Contains(field.Name)) continue;
            switch (field.Of!(record))
            {
                case null:
                    break;
                case long number:
                    w.WriteNumber(field.Name, number);
                    break;
                case DateTimeOffset date:
                    ZStackBackupJson.WriteDate(w, field.Name, date, zone);
                    break;
                case var value:
                    w.WriteString(field.Name, (string)value);
                    break;
            }
        }
        writeRest();
        w.WriteEndObject();
    }
}
