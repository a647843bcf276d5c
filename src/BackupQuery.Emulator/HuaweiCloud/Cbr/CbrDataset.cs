using System.Globalization;
using BackupQuery.Emulator.Coverage;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// CBR backups: the coverage fixtures' backups (dated back from the start), generated ones dated before the data anchor,
/// of the servers and disks of <see cref="Inventory"/>, then the seed page's two server backups (c892ed58…, then
/// 62617971…, i.e. created_at descending) with their own 2020 dates. Server backups carry per-disk children; some backups carry a replication record.
/// </summary>
public sealed class CbrDataset : BackupDataset<CbrBackup>
{
    public const string EcsProvider = "0daac4c5-6707-4851-97ba-169e36266b66";
    public const string EvsProvider = "d1603440-187d-4516-af25-121250c7cc97";
    public const string SfsTurboProvider = "3f3c3220-245c-4805-b811-758870015881";

    public static readonly string[] Statuses =
        ["available", "protecting", "deleting", "restoring", "error", "waiting_protect", "waiting_delete", "waiting_restore"];

    /// <summary>The three documented filter values plus the types responses may carry.</summary>
    public static readonly string[] ResourceTypes =
        ["OS::Nova::Server", "OS::Cinder::Volume", "OS::Workspace::DesktopV2", "OS::Ironic::BareMetalServer", "OS::Native::Server", "OS::Sfs::Turbo"];

    private readonly int _seed;
    private readonly string _projectId;
    private readonly string _replicaProjectId;
    private readonly DataTimeline _timeline;
    private readonly Lazy<IReadOnlyDictionary<string, CbrResourceBackups>> _perResource;

    /// <param name="fixturesFrom">The emulator's start: adds the coverage fixtures' backups dated back from it; null adds none.</param>
    public CbrDataset(int seed, int count, DateTimeOffset anchor, string projectId, string replicaProjectId, CbrInventory inventory, DateTimeOffset? fixturesFrom = null)
        : base(count, [.. FixtureBackups(fixturesFrom, projectId).OrderByDescending(b => b.CreatedAt)], Seeds())
    {
        _seed = seed;
        _projectId = projectId;
        _replicaProjectId = replicaProjectId;
        Inventory = inventory;
        Codec = new IdCodec(seed, "cbr");
        _timeline = new DataTimeline(anchor, GeneratedCount);
        _perResource = new(CountPerResource, LazyThreadSafetyMode.ExecutionAndPublication);
        // A large dataset takes seconds to count: start at once, so the first vault listing does not wait for all of it.
        if (count >= WarmUpCount) _ = Task.Run(() => _perResource.Value);
    }

    private const int WarmUpCount = 20_000;

    /// <summary>The vaults, servers and disks the backups belong to.</summary>
    public CbrInventory Inventory { get; }

    public IReadOnlyList<CbrVault> Vaults => Inventory.Vaults;

    /// <summary>Non-default enterprise project ids some backups carry (the rest carry "0").</summary>
    public IReadOnlyList<string> EnterpriseProjectIds => Inventory.EnterpriseProjectIds;

    /// <summary>Available backups and their stored MB per resource id (one pass over the dataset: at start when large, else on first use).</summary>
    public IReadOnlyDictionary<string, CbrResourceBackups> PerResource => _perResource.Value;

    private protected override IdCodec Codec { get; }

    private protected override string IdOf(CbrBackup record) => record.Id;

    private static DateTime Utc(string text) => DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static CbrBackup[] Seeds()
    {
        var seedInfo = new CbrExtendInfo(new CbrAppConsistency("0", "0", "0", ""), true, null, null, null, null, false, "backup", false, true, "x86_64");
        CbrBackup Seed(string id, string checkpoint, string name, string created, string protectedAt, string updated) => new()
        {
            Id = id,
            Name = name,
            CheckpointId = checkpoint,
            ProjectId = "0605767b5780d5762fc5c0118072a564",
            VaultId = "1572bd27-e221-4f28-94ca-9777d232fcd7",
            ProviderId = EcsProvider,
            ResourceId = "d6bf7592-ca52-43a2-9979-e418d64b29bb",
            ResourceName = "xzl_ecs-0003-0001",
            ResourceAz = "br-iaas-odin1a",
            ResourceType = "OS::Nova::Server",
            ResourceSize = 40,
            Status = "available",
            ImageType = "backup",
            CreatedAt = Utc(created),
            UpdatedAt = Utc(updated),
            ProtectedAt = Utc(protectedAt),
            ExtendInfo = seedInfo,
        };
        return
        [
            Seed("c892ed58-3a18-47c2-9e31-a1d543dc490a", "e328d05e-4b28-4898-b8c1-2bfe6621ec03", "autobk_7234_0003",
                "2020-08-18T07:00:46.932061", "2020-08-18T07:01:12.675112", "2020-08-18T07:06:47.518054"),
            Seed("62617971-839d-4d23-8dfd-4ca65c039bdf", "e6aec7a9-7b03-4c1d-8a07-5983b53c53f3", "autobk_cf91_0003",
                "2020-08-18T06:00:45.375070", "2020-08-18T06:01:10.432117", "2020-08-18T06:06:44.928325"),
        ];
    }

    private static IEnumerable<CbrBackup> FixtureBackups(DateTimeOffset? startedAt, string projectId) =>
        startedAt is not { } start ? [] : CoverageFixtures.Backups(CoverageFixtures.For(CoverageFixtures.Cbr), start, (f, k, time) =>
        {
            var server = f.ResourceType == CoverageFixtures.CbrServerType;
            var outcome = f.Attempts[k].Outcome;
            var created = time.UtcDateTime;
            return new CbrBackup
            {
                Id = CoverageFixtures.BackupId(f, k),
                Name = $"autobk_cov{CoverageFixtures.Index(f)}{(server ? 's' : 'd')}_{k:0000}",
                CheckpointId = CoverageFixtures.BackupId(f, k),
                ProjectId = projectId,
                // A fixture in no vault left it after its backups were made there.
                VaultId = server ? CoverageFixtures.CbrServerVaultId : CoverageFixtures.CbrDiskVaultId,
                ProviderId = server ? EcsProvider : EvsProvider,
                ResourceId = f.ResourceId,
                ResourceName = f.ResourceName,
                ResourceAz = "cn-north-4a",
                ResourceType = f.ResourceType,
                ResourceSize = 40,
                Status = outcome switch { FixtureOutcome.Success => "available", FixtureOutcome.Failed => "error", _ => "protecting" },
                ImageType = "backup",
                Incremental = false,
                Version = 2,
                EnterpriseProjectId = "0",
                CreatedAt = created,
                UpdatedAt = created.AddMinutes(5),
                ProtectedAt = outcome == FixtureOutcome.Success ? created.AddMinutes(1) : null,
                ExtendInfo = new CbrExtendInfo(null, true, null, null, outcome == FixtureOutcome.InProgress ? 40 : null, null, false, "backup", false, server, null, false, false),
            };
        });

    private IReadOnlyDictionary<string, CbrResourceBackups> CountPerResource()
    {
        var result = new Dictionary<string, CbrResourceBackups>(StringComparer.Ordinal);
        foreach (var b in Backups)
        {
            if (b.Status != "available") continue;
            var stored = b.ResourceSize * 1024L / (b.Incremental == true ? 10 : 1); // An incremental backup stores about a tenth.
            result[b.ResourceId] = result.TryGetValue(b.ResourceId, out var seen) ? new(seen.Count + 1, seen.StoredMb + stored) : new(1, stored);
        }
        return result;
    }

    private protected override CbrBackup Generate(int index, int generatedIndex)
    {
        var r = new SeededRandom(_seed, "cbr", index);
        var id = Codec.Uuid(index, ref r);
        var created = _timeline.At(generatedIndex, ref r, TimeSpan.FromTicks(10)).UtcDateTime;
        var kind = r.Weighted(["OS::Nova::Server", "OS::Cinder::Volume", "OS::Sfs::Turbo", "OS::Workspace::DesktopV2"], [50, 38, 6, 6]);
        var status = r.Weighted(Statuses, [85, 3, 2, 2, 4, 2, 1, 1]);
        var auto = r.Chance(0.8);
        var name = auto ? $"autobk_{r.Hex(4)}_{generatedIndex % 10000:0000}" : $"manualbk_{r.Hex(4)}";
        var checkpoint = r.Uuid();
        var incremental = r.Chance(0.7);
        var done = status is not ("protecting" or "waiting_protect" or "error");
        var protectedAt = done ? created.AddTicks(r.NextLong(TimeSpan.FromSeconds(60).Ticks) / 10 * 10) : (DateTime?)null;
        var updated = created.AddTicks(r.NextLong(TimeSpan.FromMinutes(10).Ticks) / 10 * 10);
        var ep = r.Chance(0.8) ? "0" : r.Pick(EnterpriseProjectIds);

        string resourceId, resourceName, az, provider, vault;
        int size;
        IReadOnlyList<CbrBackup> children = [];
        CbrExtendInfo info;
        switch (kind)
        {
            case "OS::Nova::Server":
                {
                    var server = r.Pick(Inventory.Servers);
                    // A server in no vault was taken out of one: its backups stay where they were made.
                    var drawn = Vaults[r.Next(2)].Id;
                    (resourceId, resourceName, az, provider, vault) = (server.Id, server.Name, server.Az, EcsProvider, server.VaultId ?? drawn);
                    children = Disks(ref r, id, name, checkpoint, server, created, updated, protectedAt, status, incremental, ep, vault);
                    size = children.Sum(c => c.ResourceSize);
                    info = new CbrExtendInfo(new CbrAppConsistency("0", "0", "0", ""), auto, null,
                        r.Chance(0.2) ? [r.Uuid()] : null, done ? null : r.Next(1, 99), null, r.Chance(0.3), "backup", false, true,
                        r.Chance(0.85) ? "x86_64" : "arm", false, false);
                    break;
                }
            case "OS::Cinder::Volume":
                {
                    var volume = r.Pick(Inventory.Disks);
                    (resourceId, resourceName, az, provider, vault, size) = (volume.Id, volume.Name, volume.Az, EvsProvider, Vaults[2].Id, volume.SizeGb);
                    info = new CbrExtendInfo(null, auto, r.Chance(0.3), null, done ? null : r.Next(1, 99), r.Uuid(), r.Chance(0.3),
                        r.Pick(["backup", "snapshot", "na"]), false, false, null, r.Chance(0.2), false);
                    break;
                }
            case "OS::Sfs::Turbo":
                (resourceId, resourceName, az, provider, vault, size) = (r.Uuid(), $"sfs-turbo-{r.Next(1, 4)}", "cn-north-4b", SfsTurboProvider, Vaults[3].Id, r.Next(500, 10000));
                info = new CbrExtendInfo(null, auto, null, null, done ? null : r.Next(1, 99), null, false, null, false, false, null, false, false);
                break;
            default:
                (resourceId, resourceName, az, provider, vault, size) = (r.Uuid(), $"desktop-{r.Next(1, 50):000}", "cn-north-4a", EcsProvider, Vaults[4].Id, 80); // Desktops: provider id assumed (the spec lists none).
                info = new CbrExtendInfo(null, auto, null, null, done ? null : r.Next(1, 99), null, false, "backup", false, true, "x86_64", false, true);
                break;
        }

        var replication = status == "available" && r.Chance(0.1)
            ? new[] { Replica(ref r, id, checkpoint, created, vault, auto) }
            : [];
        return new CbrBackup
        {
            Id = id,
            Name = name,
            Description = r.Chance(0.3) ? "daily backup" : null,
            CheckpointId = checkpoint,
            ProjectId = _projectId,
            VaultId = vault,
            ProviderId = provider,
            ResourceId = resourceId,
            ResourceName = resourceName,
            ResourceAz = az,
            ResourceType = kind,
            ResourceSize = size,
            Status = status,
            ImageType = r.Chance(0.07) ? "replication" : "backup",
            Incremental = incremental,
            Version = 2,
            EnterpriseProjectId = ep,
            CreatedAt = created,
            UpdatedAt = updated,
            ExpiredAt = r.Chance(0.2) ? created.AddDays(30) : null,
            ProtectedAt = protectedAt,
            Children = children,
            ExtendInfo = info,
            ReplicationRecords = replication,
        };
    }

    /// <summary>Per-disk backups of a server backup: the system disk first.</summary>
    private CbrBackup[] Disks(ref SeededRandom r, string parentId, string name, string checkpoint, CbrProtectable server,
        DateTime created, DateTime updated, DateTime? protectedAt, string status, bool incremental, string ep, string vault)
    {
        var disks = new CbrBackup[r.Next(1, 4)];
        for (var k = 0; k < disks.Length; k++)
        {
            var system = k == 0;
            disks[k] = new CbrBackup
            {
                Id = r.Uuid(),
                Name = name,
                CheckpointId = checkpoint,
                ParentId = parentId,
                ProjectId = _projectId,
                VaultId = vault,
                ProviderId = EvsProvider,
                ResourceId = r.Uuid(),
                ResourceName = $"{server.Name}-volume-{k:0000}",
                ResourceAz = server.Az,
                ResourceType = "OS::Cinder::Volume",
                ResourceSize = system ? 40 : r.Pick([10, 100, 500]),
                Status = status,
                ImageType = "backup",
                Incremental = incremental,
                Version = 2,
                EnterpriseProjectId = ep,
                CreatedAt = created,
                UpdatedAt = updated,
                ProtectedAt = protectedAt,
                ExtendInfo = new CbrExtendInfo(null, false, system, null, null, r.Uuid(), false, "backup", system, system, null, false, false),
            };
        }
        return disks;
    }

    private CbrReplicationRecord Replica(ref SeededRandom r, string backupId, string checkpoint, DateTime created, string vault, bool auto)
    {
        var status = r.Weighted(["success", "replicating", "fail", "skip", "waiting_replicate"], [80, 5, 5, 5, 5]);
        var success = status == "success";
        return new CbrReplicationRecord(r.Uuid(), status, created.AddMinutes(10), backupId, checkpoint, _projectId, "cn-north-4",
            success ? r.Uuid() : null, success ? r.Uuid() : null, _replicaProjectId, "cn-east-3", Vaults[1].Id, vault,
            success ? 100 : status == "replicating" ? r.Next(1, 99) : 0, status == "fail" ? "BackupService.6602" : null,
            status == "fail" ? "replication network timeout" : null, auto);
    }
}
