namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>GeminiDB backups: generated ones dated before the data anchor, then the two seed-page examples (…br01, …br02) with their own 2019 dates.</summary>
public sealed class GeminiDbDataset : BackupDataset<GeminiDbBackup>
{
    public static readonly string[] DatastoreTypes = ["cassandra", "mongodb", "redis", "influxdb"];

    private static readonly GeminiDbDatabaseTable[] SeedTables =
    [
        new("DATABASE_X", ["TABLE_A", "TABLE_B", "TABLE_C"]),
        new("DATABASE_Y", null),
    ];

    private static readonly DateTimeOffset SeedBegin = new(2019, 5, 27, 3, 38, 51, TimeSpan.Zero);

    private static GeminiDbBackup[] Seeds =>
    [
        new("43e4feaab48f11e89039fa163ebaa7e4br01", "backup-test", "backup description", "43e4feaab48f11e89039fa163ebaa7e4br01",
            "cluster-test", "cassandra", "3.4", "Auto", SeedBegin, SeedBegin.AddMinutes(1), "COMPLETED", 2803, "DatabaseTable", SeedTables),
        new("43e4feaab48f11e89039fa163ebaa7e4br02", "backup-test-2", "backup description", "43e4feaab48f11e89039fa163ebaa7e4br02",
            "cluster-test", "cassandra", "3.4", "Manual", SeedBegin, SeedBegin.AddMinutes(1), "COMPLETED", 2803, "DatabaseTable", SeedTables),
    ];

    private readonly int _seed;
    private readonly DataTimeline _timeline;

    public GeminiDbDataset(int seed, int count, DateTimeOffset anchor) : base(count, Seeds, seedsLast: true)
    {
        _seed = seed;
        Codec = new IdCodec(seed, "geminidb");
        _timeline = new DataTimeline(anchor, Math.Max(0, count - SeedCount));
        (string Type, string Version, string Suffix)[] kinds =
        [
            ("cassandra", "3.11", "in06"), ("cassandra", "3.11", "in06"), ("mongodb", "4.0", "in02"), ("mongodb", "4.2", "in02"),
            ("mongodb", "4.0", "in02"), ("redis", "5.0", "in12"), ("redis", "6.2", "in12"), ("influxdb", "1.8", "in13"),
        ];
        Instances = kinds.Select((k, i) =>
        {
            var r = new SeededRandom(seed, "geminidb-instance", i);
            return new GeminiDbInstance(r.Hex(32) + k.Suffix, $"nosql-{k.Type}-{i + 1:00}", k.Type, k.Version);
        }).ToArray();
    }

    /// <summary>The instances generated records belong to (the seed records use the seed page's own instance ids).</summary>
    public IReadOnlyList<GeminiDbInstance> Instances { get; }

    private protected override IdCodec Codec { get; }

    private protected override string IdOf(GeminiDbBackup record) => record.Id;

    private protected override GeminiDbBackup Generate(int index, int generatedIndex)
    {
        var r = new SeededRandom(_seed, "geminidb", index);
        var id = Codec.Hex32(index, "br02", ref r);
        var instance = r.Pick(Instances);
        var begin = _timeline.At(generatedIndex, ref r, TimeSpan.FromSeconds(1));
        if (r.Chance(0.1)) begin = begin.ToOffset(TimeSpan.FromHours(8)); // Some replies carry a non-UTC offset.
        var end = begin.AddSeconds(r.Next(30, 2400));
        var type = r.Chance(0.8) ? "Auto" : "Manual";
        var status = r.Weighted(["COMPLETED", "FAILED", "BUILDING"], [90, 5, 5]);
        double size = r.Next(500, 50_000_000);
        if (r.Chance(0.25)) size += 0.5;
        var tableLevel = instance.DatastoreType == "cassandra" && r.Chance(0.3);
        IReadOnlyList<GeminiDbDatabaseTable>? tables = null;
        if (tableLevel)
        {
            var list = new List<GeminiDbDatabaseTable>();
            for (var d = 0; d < r.Next(1, 3); d++)
                list.Add(new($"keyspace_{d + 1}", r.Chance(0.3) ? null : Enumerable.Range(1, r.Next(1, 4)).Select(t => $"table_{t}").ToArray()));
            tables = list;
        }
        var name = type == "Auto" ? $"{instance.Name}-{begin.UtcDateTime:yyyyMMddHHmmss}" : $"manual-{instance.Name}-{generatedIndex}";
        var description = type == "Auto" ? "" : "manual backup before maintenance";
        return new GeminiDbBackup(id, name, description, instance.Id, instance.Name, instance.DatastoreType, instance.DatastoreVersion,
            type, begin, end, status, size, tableLevel ? "DatabaseTable" : "Instance", tables);
    }
}
