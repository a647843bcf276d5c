using BackupQuery.Emulator.Coverage;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// GeminiDB backups: the coverage fixtures' backups (dated back from the start), generated ones dated before the data
/// anchor, then the two seed-page examples (…br01, …br02) with their own 2019 dates. <see cref="Inventory"/> is what
/// ListInstances serves.
/// </summary>
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

    private static readonly (string Type, string Version, string Suffix)[] Kinds =
    [
        ("cassandra", "3.11", "in06"), ("cassandra", "3.11", "in06"), ("mongodb", "4.0", "in02"), ("mongodb", "4.2", "in02"),
        ("mongodb", "4.0", "in02"), ("redis", "5.0", "in12"), ("redis", "6.2", "in12"), ("influxdb", "1.8", "in13"),
    ];

    private readonly int _seed;
    private readonly DataTimeline _timeline;

    /// <param name="fixturesFrom">The emulator's start: adds the coverage fixtures dated back from it; null adds none.</param>
    public GeminiDbDataset(int seed, int count, DateTimeOffset anchor, int instanceCount, DateTimeOffset? fixturesFrom)
        : base(count, [.. FixtureBackups(fixturesFrom).OrderByDescending(b => b.BeginTime)], Seeds)
    {
        _seed = seed;
        Codec = new IdCodec(seed, "geminidb");
        _timeline = new DataTimeline(anchor, GeneratedCount);
        Instances = Enumerable.Range(0, Math.Max(1, instanceCount)).Select(i =>
        {
            var k = Kinds[i % Kinds.Length];
            var r = new SeededRandom(seed, "geminidb-instance", i);
            // Every fifth instance has automated backup off.
            return new GeminiDbInstance(r.Hex(32) + k.Suffix, $"nosql-{k.Type}-{i + 1:00}", k.Type, k.Version)
            {
                KeepDays = i % 5 == 4 ? 0 : 7,
                Created = SeedBegin.AddDays(-30 - i),
            };
        }).ToArray();
        var seedInstances = Seeds.Select(b => new GeminiDbInstance(b.InstanceId, b.InstanceName, b.DatastoreType, b.DatastoreVersion) { Created = SeedBegin.AddDays(-1) });
        Inventory = [.. FixtureInstances(fixturesFrom), .. seedInstances, .. Instances];
    }

    /// <summary>The instances generated records belong to (the seed records use the seed page's own instance ids).</summary>
    public IReadOnlyList<GeminiDbInstance> Instances { get; }

    /// <summary>Every instance ListInstances lists, newest first: coverage fixtures, the seed records' instances, <see cref="Instances"/>.</summary>
    public IReadOnlyList<GeminiDbInstance> Inventory { get; }

    private protected override IdCodec Codec { get; }

    private protected override string IdOf(GeminiDbBackup record) => record.Id;

    private static IEnumerable<GeminiDbInstance> FixtureInstances(DateTimeOffset? startedAt) =>
        startedAt is not { } start ? [] : CoverageFixtures.For(CoverageFixtures.GeminiDb).Select(f =>
            new GeminiDbInstance(f.ResourceId, f.ResourceName, "mongodb", "4.0")
            {
                KeepDays = f.ProtectionOn ? CoverageFixtures.KeepDays : 0,
                BackupWindow = CoverageFixtures.BackupWindow,
                Created = start.AddDays(-60),
            });

    private static IEnumerable<GeminiDbBackup> FixtureBackups(DateTimeOffset? startedAt) =>
        startedAt is not { } start ? [] : CoverageFixtures.Backups(CoverageFixtures.For(CoverageFixtures.GeminiDb), start, (f, k, begin) =>
            new GeminiDbBackup(CoverageFixtures.BackupId(f, k), $"cov-{CoverageFixtures.Index(f)}-{begin.UtcDateTime:yyyyMMddHHmmss}", "",
                f.ResourceId, f.ResourceName, "mongodb", "4.0", "Auto", begin, begin.AddMinutes(5), Status(f.Attempts[k].Outcome), 1024 * 1024, "Instance", null));

    /// <summary>The GeminiDB and RDS backup status of a fixture outcome.</summary>
    internal static string Status(FixtureOutcome outcome) => outcome switch
    {
        FixtureOutcome.Success => "COMPLETED",
        FixtureOutcome.Failed => "FAILED",
        _ => "BUILDING",
    };

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
