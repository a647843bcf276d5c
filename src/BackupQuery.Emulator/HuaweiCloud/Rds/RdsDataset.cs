using BackupQuery.Emulator.Coverage;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// RDS backups (no seed page): the coverage fixtures' backups first (dated back from the start), then generated ones,
/// every other one belonging to <see cref="BusiestInstance"/> so that one instance has more than 100 backups (one
/// page) at the default count; the rest spread over the other instances. <see cref="Inventory"/> is what ListInstances serves.
/// </summary>
public sealed class RdsDataset : BackupDataset<RdsBackup>
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private static readonly (string Type, string Version, string Name)[] Kinds =
    [
        ("MySQL", "8.0", "rds-mysql-prod"), ("PostgreSQL", "14", "rds-pg-billing"), ("SQLServer", "2019_SE", "rds-sqlserver-erp"),
        ("MariaDB", "10.5", "rds-mariadb-cms"), ("MySQL", "5.7", "rds-mysql-legacy"),
    ];

    private readonly int _seed;
    private readonly DataTimeline _timeline;

    /// <param name="fixturesFrom">The emulator's start: adds the coverage fixtures dated back from it; null adds none.</param>
    public RdsDataset(int seed, int count, DateTimeOffset anchor, int instanceCount = 5, DateTimeOffset? fixturesFrom = null)
        : base(count, [.. FixtureBackups(fixturesFrom).OrderByDescending(b => b.BeginTime)])
    {
        _seed = seed;
        Codec = new IdCodec(seed, "rds");
        _timeline = new DataTimeline(anchor, Math.Max(0, count - HeadCount));
        Instances = Enumerable.Range(0, Math.Max(2, instanceCount)).Select(i =>
        {
            var k = Kinds[i % Kinds.Length];
            var r = new SeededRandom(seed, "rds-instance", i);
            // Every fourth instance has automated backup off (never the busiest one).
            return new RdsInstance(r.Hex(32) + "in01", i < Kinds.Length ? k.Name : $"{k.Name}-{i / Kinds.Length + 1}", k.Type, k.Version)
            {
                KeepDays = i % 4 == 3 ? 0 : 7,
                Type = k.Type == "SQLServer" ? "Single" : "Ha",
                Created = anchor.AddDays(-400 - i),
            };
        }).ToArray();
        Inventory = [.. FixtureInstances(fixturesFrom), .. Instances];
    }

    /// <summary>The instances generated records belong to.</summary>
    public IReadOnlyList<RdsInstance> Instances { get; }

    /// <summary>Every instance ListInstances lists: the coverage fixtures, then <see cref="Instances"/>.</summary>
    public IReadOnlyList<RdsInstance> Inventory { get; }

    /// <summary>The instance holding half of all records (more than one 100-record page at the default count).</summary>
    public RdsInstance BusiestInstance => Instances[0];

    public IReadOnlyList<string> InstanceIds => Instances.Select(i => i.Id).ToArray();

    public RdsInstance InstanceOf(int index) => Instances[index % 2 == 0 ? 0 : 1 + index / 2 % (Instances.Count - 1)];

    private protected override IdCodec Codec { get; }

    private protected override string IdOf(RdsBackup record) => record.Id;

    private static IEnumerable<RdsInstance> FixtureInstances(DateTimeOffset? startedAt) =>
        startedAt is not { } start ? [] : CoverageFixtures.For(CoverageFixtures.Rds).Select(f =>
            new RdsInstance(f.ResourceId, f.ResourceName, "MySQL", "8.0")
            {
                KeepDays = f.ProtectionOn ? CoverageFixtures.KeepDays : 0,
                BackupWindow = CoverageFixtures.BackupWindow,
                Created = start.AddDays(-60),
            });

    private static IEnumerable<RdsBackup> FixtureBackups(DateTimeOffset? startedAt) =>
        startedAt is not { } start ? [] : CoverageFixtures.Backups(CoverageFixtures.For(CoverageFixtures.Rds), start, (f, k, time) =>
        {
            var begin = time.ToOffset(ChinaStandardTime);
            return new RdsBackup(CoverageFixtures.BackupId(f, k), f.ResourceId, $"cov-{CoverageFixtures.Index(f)}-{begin:yyyyMMddHHmmssfff}", [],
                begin, begin.AddMinutes(5), GeminiDbDataset.Status(f.Attempts[k].Outcome), "auto", 2_048_000, "MySQL", "8.0", false, 40);
        });

    private protected override RdsBackup Generate(int index, int generatedIndex)
    {
        var r = new SeededRandom(_seed, "rds", index);
        var id = Codec.Hex32(index, "br01", ref r);
        var instance = InstanceOf(index);
        var begin = _timeline.At(generatedIndex, ref r, TimeSpan.FromSeconds(1)).ToOffset(ChinaStandardTime);
        var end = begin.AddSeconds(r.Next(20, 3600));
        var type = r.Weighted(["auto", "manual", "incremental", "fragment"], [70, 15, 10, 5]);
        var status = r.Weighted(["COMPLETED", "FAILED", "BUILDING", "DELETING"], [85, 5, 5, 5]);
        string[] databases = instance.DatastoreType == "SQLServer" || type == "manual"
            ? Enumerable.Range(1, r.Next(1, 4)).Select(d => $"db_{instance.Name.Split('-')[^1]}_{d}").ToArray()
            : [];
        var name = type == "manual" ? $"{instance.Name}-manual-{generatedIndex}" : $"{instance.Name}-{begin:yyyyMMddHHmmssfff}";
        return new RdsBackup(id, instance.Id, name, databases, begin, end, status, type, r.NextLong(80_000_000) + 10_000,
            instance.DatastoreType, instance.DatastoreVersion, instance.DatastoreType == "MySQL" && r.Chance(0.05), r.Pick([40, 100, 200]));
    }
}
