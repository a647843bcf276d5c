using System.Text.Json;

namespace BackupQuery.Emulator.ZStack;

/// <summary>Writes a DatabaseBackupInventory the way the management node's Gson does: nulls omitted, dates in Java's format.</summary>
internal static class ZStackBackupJson
{
    public static void Write(Utf8JsonWriter w, ZStackDatabaseBackup b, IReadOnlySet<string>? fields, TimeZoneInfo zone)
    {
        bool Wanted(string name) => fields is null || fields.Contains(name);

        w.WriteStartObject();
        if (Wanted("uuid")) w.WriteString("uuid", b.Uuid);
        if (Wanted("name")) w.WriteString("name", b.Name);
        if (Wanted("description")) w.StringIfNotNull("description", b.Description);
        if (Wanted("state")) w.StringIfNotNull("state", b.State);
        if (Wanted("status")) w.StringIfNotNull("status", b.Status);
        if (Wanted("size") && b.Size is { } size)
        {
            w.WritePropertyName("size");
            if (b.SizeAsJavaDouble) w.WriteRawValue(ZStackNumbers.JavaDouble(size), skipInputValidation: true);
            else w.WriteNumberValue(size);
        }
        if (Wanted("metadata")) w.StringIfNotNull("metadata", b.Metadata);
        if (Wanted("createDate")) WriteDate(w, "createDate", b.CreateDate, zone);
        if (Wanted("lastOpDate")) WriteDate(w, "lastOpDate", b.LastOpDate, zone);
        if (Wanted(ZStackBackupFields.RefsField) && b.BackupStorageRefs is { } refs)
        {
            w.WriteStartArray(ZStackBackupFields.RefsField);
            foreach (var r in refs)
            {
                w.WriteStartObject();
                w.WriteString("databaseBackupUuid", r.DatabaseBackupUuid);
                w.WriteString("backupStorageUuid", r.BackupStorageUuid);
                w.WriteString("installPath", r.InstallPath);
                w.StringIfNotNull("exportUrl", r.ExportUrl);
                w.WriteString("status", r.Status);
                WriteDate(w, "createDate", r.CreateDate, zone);
                WriteDate(w, "lastOpDate", r.LastOpDate, zone);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    public static void WriteDate(Utf8JsonWriter w, string name, DateTimeOffset? date, TimeZoneInfo zone)
    {
        if (date is { } d) w.WriteString(name, ZStackDates.FormatJava(d, zone));
    }
}
