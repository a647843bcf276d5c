namespace BackupQuery.Emulator.ZStack;

/// <summary>The fields of DatabaseBackupInventory (spec §6).</summary>
internal static class ZStackBackupFields
{
    public const string RefsField = "backupStorageRefs";

    // Only the values seen in the documentation: anything else fails conversion, as an unknown Java enum name would.
    private static readonly string[] States = ["Enabled", "Disabled"];
    private static readonly string[] Statuses = ["Creating", "Ready"];

    private static IEnumerable<object?>? Refs(ZStackDatabaseBackup b, Func<ZStackBackupStorageRef, object?> of) => b.BackupStorageRefs?.Select(of);

    public static ZStackInventory<ZStackDatabaseBackup> Inventory { get; } = new("DatabaseBackupInventory",
    [
        new("uuid", FieldKind.Text, b => b.Uuid),
        new("name", FieldKind.Text, b => b.Name),
        new("description", FieldKind.Text, b => b.Description),
        new("state", FieldKind.Enum, b => b.State, EnumNames: States),
        new("status", FieldKind.Enum, b => b.Status, EnumNames: Statuses),
        new("size", FieldKind.Long, b => b.Size),
        new("metadata", FieldKind.Text, b => b.Metadata),
        new("createDate", FieldKind.Timestamp, b => b.CreateDate),
        new("lastOpDate", FieldKind.Timestamp, b => b.LastOpDate),
    ],
    [
        new($"{RefsField}.databaseBackupUuid", FieldKind.Text, null, b => Refs(b, r => r.DatabaseBackupUuid)),
        new($"{RefsField}.backupStorageUuid", FieldKind.Text, null, b => Refs(b, r => r.BackupStorageUuid)),
        new($"{RefsField}.installPath", FieldKind.Text, null, b => Refs(b, r => r.InstallPath)),
        new($"{RefsField}.exportUrl", FieldKind.Text, null, b => Refs(b, r => r.ExportUrl)),
        new($"{RefsField}.status", FieldKind.Enum, null, b => Refs(b, r => r.Status), Statuses),
        new($"{RefsField}.createDate", FieldKind.Timestamp, null, b => Refs(b, r => r.CreateDate)),
        new($"{RefsField}.lastOpDate", FieldKind.Timestamp, null, b => Refs(b, r => r.LastOpDate)),
    ],
    [RefsField]);
}
