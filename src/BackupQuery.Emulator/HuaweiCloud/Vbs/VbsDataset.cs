using System.Globalization;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// VBS backups: the seed summary page's two (unnamed) backups first, then generated ones; all dated back from the
/// data anchor. Names repeat per volume so that the <c>name</c> filter matches several records.
/// </summary>
public sealed class VbsDataset : BackupDataset<VbsBackup>
{
    public static readonly string[] Statuses = ["available", "error", "restoring", "creating", "deleting", "error_restoring"];
    private static readonly string[] SeedIds = ["1d1139d8-8989-49d3-8aa1-83eb691e6db2", "b3cf7a16-decc-4beb-8077-682737d94a58"];

    private readonly int _seed;
    private readonly string _tenantId;
    private readonly DataTimeline _timeline;

    public VbsDataset(int seed, int count, DateTimeOffset anchor, string tenantId) : this(seed, count, anchor, tenantId, [])
    {
    }

    // Seeds are built by the same generator (only id and name fixed), so they need the generator's state first.
    private VbsDataset(int seed, int count, DateTimeOffset anchor, string tenantId, List<VbsBackup> seeds) : base(count, seeds)
    {
        _seed = seed;
        _tenantId = tenantId;
        Codec = new IdCodec(seed, "vbs");
        _timeline = new DataTimeline(anchor, count);
        string[] zones = ["cn-north-4a", "cn-north-4b", "cn-north-4c"];
        Volumes = Enumerable.Range(0, 20).Select(i =>
        {
            var r = new SeededRandom(seed, "vbs-volume", i);
            return new VbsVolume(r.Uuid(), $"volume-{i + 1:0000}", zones[i % zones.Length], r.Pick([10, 40, 100, 200, 500, 1000]));
        }).ToArray();
        for (var i = 0; i < SeedIds.Length; i++) seeds.Add(Build(i, SeedIds[i], unnamed: true));
    }

    public IReadOnlyList<VbsVolume> Volumes { get; }

    private protected override IdCodec Codec { get; }

    private protected override string IdOf(VbsBackup record) => record.Id;

    private protected override VbsBackup Generate(int index, int generatedIndex) => Build(index, null, unnamed: false);

    private VbsBackup Build(int index, string? fixedId, bool unnamed)
    {
        var r = new SeededRandom(_seed, "vbs", index);
        var id = Codec.Uuid(index, ref r);
        var volume = r.Pick(Volumes);
        var created = _timeline.At(index, ref r, TimeSpan.FromSeconds(1)).UtcDateTime;
        var status = r.Weighted(Statuses, [85, 5, 3, 3, 2, 2]);
        var incremental = r.Chance(0.6);
        var roll = r.Next(100);
        var name = unnamed || roll < 15 ? null : roll < 75 ? $"vbs-{volume.Name}-daily" : $"manual-{r.Hex(6)}";
        var descRoll = r.Next(10);
        var description = descRoll switch
        {
            0 => null,
            < 4 => $"{{\"DESC\": \"backup of {volume.Name}\", \"INC\": {(incremental ? 1 : 0)}}}", // JSON inside the string, as VBS writes it.
            < 7 => "",
            _ => $"daily backup of {volume.Name}",
        };
        var snapshot = r.Uuid();
        var usedMb = r.Next(volume.SizeGb * 1024 / 4 + 1);
        var metadata = string.Create(CultureInfo.InvariantCulture,
            $"{{\"progress\": \"{(status == "creating" ? r.Next(1, 99) : 100)}\", \"Type\": {(incremental ? 1 : 0)}, \"CS\": {usedMb}, " +
            $"\"AT\": {Math.Round(r.NextDouble() * 200, 2)}, \"SS\": {volume.SizeGb * 1024}, \"BT\": \"{(incremental ? "INC" : "FULL")}\", " +
            $"\"VT\": \"{r.Pick(["SATA", "SAS", "SSD"])}\", \"backupurl\": \"{r.Uuid()}\", \"snap_id\": \"{snapshot}\", \"BackupSize\": \"{usedMb}\"}}");
        return new VbsBackup(
            fixedId ?? id, name, description, status, volume.AvailabilityZone, volume.Id, snapshot,
            status is "error" or "error_restoring" ? "backup service internal error" : null,
            volume.SizeGb, usedMb / 64, $"vbs-{volume.AvailabilityZone}-{r.Hex(8)}",
            created, created.AddSeconds(r.Next(60, 1800)), created, _tenantId, !incremental && r.Chance(0.5), incremental, metadata);
    }
}
