using System.Buffers;
using System.Text;
using System.Text.Json;

namespace BackupQuery.Emulator.ZStack;

/// <summary>One DatabaseBackupInventory as the emulator serves it (spec §6). Null members are absent from the JSON reply.</summary>
public sealed class ZStackDatabaseBackup
{
    private readonly TimeZoneInfo _zone;
    private string? _metadata;

    internal ZStackDatabaseBackup(int index, string uuid, string name, TimeZoneInfo zone)
    {
        Index = index;
        Uuid = uuid;
        Name = name;
        _zone = zone;
    }

    /// <summary>Position in the unsorted listing (0 = the seed page's example).</summary>
    public int Index { get; }
    public string Uuid { get; }
    public string Name { get; }
    public string? Description { get; init; }
    public string? State { get; init; }
    public string? Status { get; init; }
    public long? Size { get; init; }
    public DateTimeOffset? CreateDate { get; init; }
    public DateTimeOffset? LastOpDate { get; init; }
    public IReadOnlyList<ZStackBackupStorageRef>? BackupStorageRefs { get; init; }

    internal string? MetadataVersion { get; init; }
    internal string? MetadataType { get; init; }
    internal string? MetadataMd5 { get; init; }

    /// <summary>The <c>metadata</c> string: JSON text inside a string, built on first use (filters rarely need it).</summary>
    public string? Metadata => _metadata ??= MetadataType is null ? null : BuildMetadata();

    /// <summary>True when <c>size</c> is rendered the way Java prints a double (<c>13107.0</c>, <c>1.268224E7</c>).</summary>
    public bool SizeAsJavaDouble => Index % 3 != 2;

    private string BuildMetadata()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, ZStackJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("name", Name);
            w.StringIfNotNull("description", Description);
            w.WriteString("version", MetadataVersion);
            w.WriteString("type", MetadataType);
            if (CreateDate is { } created) w.WriteString("createdTime", ZStackDates.FormatJava(created, _zone));
            w.WriteString("md5", MetadataMd5);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>One element of <c>backupStorageRefs</c>: where a database backup is stored.</summary>
public sealed record ZStackBackupStorageRef(
    string DatabaseBackupUuid,
    string BackupStorageUuid,
    string InstallPath,
    string? ExportUrl,
    string Status,
    DateTimeOffset CreateDate,
    DateTimeOffset LastOpDate);
