using System.Collections;
using System.Globalization;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator.ZStack;

/// <summary>
/// The QueryDatabaseBackup dataset: record 0 is the seed page's example verbatim, records 1..Count-1 are generated on
/// demand from (Seed, index) — nothing is held in memory, so a million records cost nothing until they are read.
/// Tests enumerate it (LINQ) to compute expected results independently of the query code.
/// </summary>
public sealed class ZStackDatabaseBackupData(EmulatorOptions options) : IReadOnlyList<ZStackDatabaseBackup>
{
    /// <summary>The seed page's example record.</summary>
    public const string SeedUuid = "742a7c7d4a4f3a01b206632a40ac414f";

    private static readonly string[] Descriptions = ["daily backup", "weekly full backup", "backup before upgrade", "manual backup by admin"];
    private static readonly string[] Versions = ["4.4.24", "4.6.21", "4.7.0", "4.8.0"];

    // Salts: one per generated property, so properties are independent of each other.
    private const int SaltUuid = 1, SaltIndexMask = 2, SaltDescription = 3, SaltState = 4, SaltStatus = 5, SaltSize = 6,
        SaltSizeBits = 7, SaltJitter = 8, SaltDuration = 9, SaltVersion = 10, SaltType = 11, SaltMd5 = 12, SaltStorage = 13,
        SaltMirror = 14, SaltImageId = 15, SaltExport = 16, SaltStorageUuids = 100;

    public int Count => Math.Max(0, options.ZStackCount);

    /// <summary>The ImageStore backup storages the records live on (a few, so <c>backupStorageRefs.backupStorageUuid</c> filters matter).</summary>
    public IReadOnlyList<string> BackupStorageUuids
    {
        get
        {
            // Cached per seed: every generated record needs them.
            var cached = _storages;
            if (cached.Seed == options.Seed && cached.Uuids.Length > 0) return cached.Uuids;
            string[] uuids = [.. Enumerable.Range(0, 3).Select(i => StableHash.Hex(options.Seed, i, SaltStorageUuids, 32))];
            _storages = (options.Seed, uuids);
            return uuids;
        }
    }

    private (int Seed, string[] Uuids) _storages = (0, []);

    public ZStackDatabaseBackup this[int index] =>
        (uint)index < (uint)Count ? Generate(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<ZStackDatabaseBackup> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return Generate(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The record with this uuid, in O(1): generated uuids carry their (masked) index in hex digits 16..23.</summary>
    public ZStackDatabaseBackup? FindByUuid(string uuid)
    {
        if (Count > 0 && uuid == SeedUuid) return Generate(0);
        if (uuid.Length != 32 || !uint.TryParse(uuid.AsSpan(16, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var masked))
            return null;
        var index = (long)unchecked((masked ^ IndexMask) * IndexScrambleInverse);
        if (index < 1 || index >= Count) return null;
        var backup = Generate((int)index);
        return backup.Uuid == uuid ? backup : null;
    }

    private uint IndexMask => (uint)StableHash.Of(options.Seed, -1, SaltIndexMask);

    // Odd multiplier (invertible mod 2^32) so neighbouring records do not share visibly sequential uuid digits.
    private const uint IndexScramble = 0x9E3779B1;
    private static readonly uint IndexScrambleInverse = ModularInverse(IndexScramble);

    private static uint ModularInverse(uint odd)
    {
        // Newton's iteration: each step doubles the number of correct low bits.
        var x = odd;
        for (var i = 0; i < 5; i++) x = unchecked(x * (2 - odd * x));
        return x;
    }

    private ZStackDatabaseBackup Generate(int index)
    {
        var zone = options.ZStackTimeZone;
        if (index == 0) return new ZStackDatabaseBackup(0, SeedUuid, "db-backup", zone) { Description = "db-backup", Size = 13107 };

        var seed = options.Seed;
        var uuid = StableHash.Hex(seed, index, SaltUuid, 16) + (unchecked((uint)index * IndexScramble) ^ IndexMask).ToString("x8") + StableHash.Hex(seed, index, SaltUuid + 1, 8);
        var name = $"db-backup-{index:D5}";

        // Oldest first, evenly spread over at most ten years before the anchor, one hour apart when the dataset is small.
        var spacing = TimeSpan.FromSeconds(Math.Max(1, Math.Min(3600, 10L * 365 * 86400 / Math.Max(1, Count))));
        var created = options.DataAnchor - spacing * (Count - index) + TimeSpan.FromSeconds(StableHash.Below(seed, index, SaltJitter, (long)spacing.TotalSeconds / 2 + 1));
        created = new DateTimeOffset(created.UtcDateTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var creating = StableHash.Chance(seed, index, SaltStatus, 3);
        var lastOp = creating ? created : created + TimeSpan.FromSeconds(30 + StableHash.Below(seed, index, SaltDuration, (long)spacing.TotalSeconds / 4 + 1));
        var status = creating ? "Creating" : "Ready";

        // Sizes from 64 KiB to ~64 GiB: small ones print as 13107.0, large ones as 1.268224E7 in the Java-double style.
        var bits = 16 + (int)StableHash.Below(seed, index, SaltSizeBits, 20);
        var size = (1L << bits) + StableHash.Below(seed, index, SaltSize, 1L << bits);

        var storages = BackupStorageUuids;
        var primary = (int)StableHash.Below(seed, index, SaltStorage, storages.Count);
        var imageId = StableHash.Hex(seed, index, SaltImageId, 16);
        var refCount = StableHash.Chance(seed, index, SaltMirror, 15) ? 2 : 1;
        var refs = new ZStackBackupStorageRef[refCount];
        for (var r = 0; r < refCount; r++)
        {
            var storage = (primary + r) % storages.Count;
            var exportUrl = r == 0 && StableHash.Chance(seed, index, SaltExport, 20) ? $"http://172.20.0.{10 + storage}:8001/zsbak/{imageId}/export" : null;
            refs[r] = new ZStackBackupStorageRef(uuid, storages[storage], $"zstore://zsbak/{imageId}", exportUrl, status, created, lastOp);
        }

        return new ZStackDatabaseBackup(index, uuid, name, zone)
        {
            Description = StableHash.Chance(seed, index, SaltDescription, 12) ? null : Descriptions[StableHash.Below(seed, index, SaltDescription + 1, Descriptions.Length)],
            State = StableHash.Chance(seed, index, SaltState, 8) ? "Disabled" : "Enabled",
            Status = status,
            Size = size,
            CreateDate = created,
            LastOpDate = lastOp,
            BackupStorageRefs = refs,
            MetadataVersion = Versions[StableHash.Below(seed, index, SaltVersion, Versions.Length)],
            MetadataType = StableHash.Chance(seed, index, SaltType, 30) ? "multiDatabase" : "singleDatabase",
            MetadataMd5 = StableHash.Hex(seed, index, SaltMd5, 32),
        };
    }
}
