using System.Globalization;
using System.Text.Json;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator.ZStack;

/// <summary>
/// One database-backup image on the ImageStore backup server. The server reads these raw records (the seed page's
/// <c>infos</c> shape) and answers with DatabaseBackupStruct (<c>backups</c>); the emulator can serve either view.
/// </summary>
public sealed record ImageStoreImage(
    string Id,
    string? Parent,
    string? Blobsum,
    DateTimeOffset Created,
    string Author,
    string Arch,
    string? Desc,
    long Size,
    long VirtualSize,
    string Name,
    string BackupName,
    string Version,
    string Type,
    string Md5)
{
    /// <summary>DatabaseBackupStruct.installPath.</summary>
    public string InstallPath => $"zstore://{Name}/{Id}";

    /// <summary>DatabaseBackupStruct.size: the image size, or its virtual size when the size is 0.</summary>
    public long BackupSize => Size != 0 ? Size : VirtualSize;
}

/// <summary>What the last image-store scan asked for, minus the password (which is never kept).</summary>
public sealed record ImageStoreScanRequest(string User, string Host, int Port, string Path, int RegistryPort, bool PasswordMatched);

/// <summary>GetDatabaseBackupFromImageStore: checks the SSH credential of the url, then lists the images.</summary>
public sealed class ImageStoreScan(EmulatorOptions options)
{
    private const int SaltId = 201, SaltName = 202, SaltBlob = 203, SaltParent = 204, SaltSize = 205, SaltAge = 206, SaltType = 207, SaltMd5 = 208;

    private volatile ImageStoreScanRequest? _last;

    /// <summary>The last scan request as decoded (user, host, port, path, registry port); null before the first.</summary>
    public ImageStoreScanRequest? LastRequest => _last;

    public bool LastPasswordMatched => _last?.PasswordMatched == true;

    /// <summary>The images the backup server holds: the seed page's example first, then generated ones.</summary>
    public IReadOnlyList<ImageStoreImage> Images => [.. Enumerable.Range(0, Math.Max(0, options.ImageStoreCount)).Select(Generate)];

    internal void Scan(string? url, string? registryPortText)
    {
        var registryPort = 8000;
        if (registryPortText is not null && !int.TryParse(registryPortText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out registryPort))
            throw ZStackFailure.PlainText(400, $"Invalid value for the parameter[registryPort]: {registryPortText} is not a number");
        if (registryPort is < 1 or > 65535)
            throw ZStackFailure.InvalidArgument($"the parameter[registryPort] must be in range [1, 65535], but got {registryPort}");

        var parsed = ImageStoreUrl.Parse(url);
        var matched = parsed.User == options.ImageStoreSshUser && parsed.Password == options.ImageStoreSshPassword;
        _last = new ImageStoreScanRequest(parsed.User, parsed.Host, parsed.Port, parsed.Path, registryPort, matched);
        if (!matched)
            throw ZStackFailure.Envelope("SYS.1006", "An operation failed",
                $"failed to ssh to the image store backup server[{parsed.Host}:{parsed.Port}] as user[{parsed.User}]: authentication failed");
    }

    internal void WriteReply(Utf8JsonWriter w)
    {
        var zone = options.ZStackTimeZone;
        w.WriteStartObject();
        w.WriteStartArray(options.SeedDocMode ? "infos" : "backups");
        foreach (var image in Images)
        {
            if (options.SeedDocMode) WriteInfo(w, image, zone);
            else WriteBackup(w, image, zone);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteBackup(Utf8JsonWriter w, ImageStoreImage image, TimeZoneInfo zone)
    {
        w.WriteStartObject();
        w.WriteString("name", image.BackupName);
        w.WriteString("version", image.Version);
        w.WriteString("installPath", image.InstallPath);
        w.WriteString("type", image.Type);
        w.WriteNumber("size", image.BackupSize);
        w.WriteString("md5", image.Md5);
        ZStackBackupJson.WriteDate(w, "createdTime", image.Created, zone);
        w.WriteEndObject();
    }

    // The seed page's shape and number style (7995392.0, 1.268224E7); its example has no parent, blobsum or desc.
    private static void WriteInfo(Utf8JsonWriter w, ImageStoreImage image, TimeZoneInfo zone)
    {
        w.WriteStartObject();
        w.WriteString("id", image.Id);
        w.StringIfNotNull("parent", image.Parent);
        w.StringIfNotNull("blobsum", image.Blobsum);
        ZStackBackupJson.WriteDate(w, "created", image.Created, zone);
        w.WriteString("author", image.Author);
        w.WriteString("arch", image.Arch);
        w.StringIfNotNull("desc", image.Desc);
        w.WritePropertyName("size");
        w.WriteRawValue(ZStackNumbers.JavaDouble(image.Size), skipInputValidation: true);
        w.WritePropertyName("virtualsize");
        w.WriteRawValue(ZStackNumbers.JavaDouble(image.VirtualSize), skipInputValidation: true);
        w.WriteString("name", image.Name);
        w.WriteEndObject();
    }

    private ImageStoreImage Generate(int index)
    {
        var seed = options.Seed;
        var zone = options.ZStackTimeZone;
        var md5 = StableHash.Hex(seed, index, SaltMd5, 32);
        if (index == 0)
        {
            // The seed page's example; its created text is a wall clock of the management node's zone.
            var created = ZStackDates.FromWallClock(new DateTime(2017, 11, 14, 22, 20, 57), zone);
            return new ImageStoreImage("270c67e3699f72ba", null, null, created, "zstack", "amd64", null, 7995392, 12682240,
                "78b6afbc9da73932a000fb9a75947962", "db-backup", "2.2.0", "singleDatabase", md5);
        }

        var age = TimeSpan.FromSeconds(3600 + StableHash.Below(seed, index, SaltAge, 365L * 86400));
        var createdAt = new DateTimeOffset((options.DataAnchor - age).UtcDateTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var virtualSize = (1L << 20) + StableHash.Below(seed, index, SaltSize, 1L << 32);
        // Every fourth image reports size 0: the struct then falls back to the virtual size.
        var size = index % 4 == 3 ? 0 : virtualSize * 2 / 3;
        return new ImageStoreImage(
            StableHash.Hex(seed, index, SaltId, 16),
            index % 2 == 0 ? StableHash.Hex(seed, index, SaltParent, 16) : null,
            "sha256:" + StableHash.Hex(seed, index, SaltBlob, 64),
            createdAt, "zstack", "amd64", "zstack database backup",
            size, virtualSize,
            StableHash.Hex(seed, index, SaltName, 32),
            $"mn-db-backup-{index:D3}", "4.7.0",
            StableHash.Chance(seed, index, SaltType, 30) ? "multiDatabase" : "singleDatabase",
            md5);
    }
}
