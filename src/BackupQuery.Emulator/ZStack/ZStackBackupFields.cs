namespace BackupQuery.Emulator.ZStack;

/// <summary>How a condition value is converted before comparing (the server's <c>doNormalizeValue</c>).</summary>
internal enum FieldKind { Text, Enum, Long, Timestamp }

/// <summary>A queryable DatabaseBackupInventory field. Top-level fields read the record; <c>backupStorageRefs.*</c> read
/// each ref, and a condition on them holds when any ref satisfies it (the server's nested-field subquery).</summary>
internal sealed record BackupField(
    string Name,
    FieldKind Kind,
    Func<ZStackDatabaseBackup, object?>? OfBackup,
    Func<ZStackBackupStorageRef, object?>? OfRef = null,
    string[]? EnumNames = null)
{
    public bool IsNested => OfRef is not null;
}

internal static class ZStackBackupFields
{
    public const string RefsField = "backupStorageRefs";

    // Only the values seen in the documentation: anything else fails conversion, as an unknown Java enum name would.
    private static readonly string[] States = ["Enabled", "Disabled"];
    private static readonly string[] Statuses = ["Creating", "Ready"];

    /// <summary>Top-level fields in reply order (also the names <c>fields=</c> accepts, with <see cref="RefsField"/>).</summary>
    public static readonly BackupField[] TopLevel =
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
    ];

    private static readonly BackupField[] Nested =
    [
        new($"{RefsField}.databaseBackupUuid", FieldKind.Text, null, r => r.DatabaseBackupUuid),
        new($"{RefsField}.backupStorageUuid", FieldKind.Text, null, r => r.BackupStorageUuid),
        new($"{RefsField}.installPath", FieldKind.Text, null, r => r.InstallPath),
        new($"{RefsField}.exportUrl", FieldKind.Text, null, r => r.ExportUrl),
        new($"{RefsField}.status", FieldKind.Enum, null, r => r.Status, Statuses),
        new($"{RefsField}.createDate", FieldKind.Timestamp, null, r => r.CreateDate),
        new($"{RefsField}.lastOpDate", FieldKind.Timestamp, null, r => r.LastOpDate),
    ];

    private static readonly Dictionary<string, BackupField> ByName = TopLevel.Concat(Nested).ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static BackupField? Find(string name) => ByName.GetValueOrDefault(name);

    public static bool IsReplyField(string name) => name == RefsField || TopLevel.Any(f => f.Name == name);

    /// <summary>SQL order: NULL first, strings by code point (the emulator's strings are ASCII), others by value.</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => ((IComparable)a).CompareTo(b),
    };
}
