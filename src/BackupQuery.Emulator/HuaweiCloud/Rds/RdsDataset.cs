namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// RDS backups (no seed page): every other record belongs to <see cref="BusiestInstance"/> so that one instance
/// has more than 100 backups (one page) at the default count; the rest spread over four more instances.
/// </summary>
public sealed class RdsDataset : BackupDataset<RdsBackup>
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
    private readonly int _seed;
    private readonly DataTimeline _timeline;

    public RdsDataset(int seed, int count, DateTimeOffset anchor) : base(count, [])
    {
        _seed = seed;
        Codec = new IdCodec(seed, "rds");
        _timeline = new DataTimeline(anchor, count);
        (string Type, string Version, string Name)[] kinds =
        [
            ("MySQL", "8.0", "rds-mysql-prod"), ("PostgreSQL", "14", "rds-pg-billing"), ("SQLServer", "2019_SE", "rds-sqlserver-erp"),
            ("MariaDB", "10.5", "rds-mariadb-cms"), ("MySQL", "5.7", "rds-mysql-legacy"),
        ];
        Instances = kinds.Select((k, i) =>
        {
            var r = new SeededRandom(seed, "rds-instance", i);
            return new RdsInstance(r.Hex(32) + "in01", k.Name, k.Type, k.Version);
        }).ToArray();
    }

    public IReadOnlyList<RdsInstance> Instances { get; }

    /// <summary>The instance holding half of all records (more than one 100-record page at the default count).</summary>
    public RdsInstance BusiestInstance => Instances[0];

    public IReadOnlyList<string> InstanceIds => Instances.Select(i => i.Id).ToArray();

    public RdsInstance InstanceOf(int index) => Instances[index % 2 == 0 ? 0 : 1 + index / 2 % (Instances.Count - 1)];

    private protected override IdCodec Codec { get; }

    private protected override string IdOf(RdsBackup record) => record.Id;

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
