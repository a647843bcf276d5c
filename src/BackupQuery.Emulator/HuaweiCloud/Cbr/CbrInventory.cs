using BackupQuery.Emulator.Coverage;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// What CBR protects: vaults and the servers and disks that can be put in them (ListVaults, ListProtectable). The
/// generated backups belong to these servers and disks. Coverage fixtures, when asked for, come first.
/// </summary>
public sealed class CbrInventory
{
    /// <summary>The seed page's server (its backups are the seed records).</summary>
    public static readonly CbrProtectable SeedServer = new("d6bf7592-ca52-43a2-9979-e418d64b29bb", "xzl_ecs-0003-0001", "OS::Nova::Server", "br-iaas-odin1a", 40, SeedVaultId);

    private const string SeedVaultId = "1572bd27-e221-4f28-94ca-9777d232fcd7";
    private static readonly string[] Zones = ["cn-north-4a", "cn-north-4b", "cn-north-4c"];

    public CbrInventory(int seed, int serverCount, int diskCount, DateTimeOffset? fixturesFrom)
    {
        var r = new SeededRandom(seed, "cbr-pools", 0);
        var created = new DateTime(2020, 1, 6, 0, 0, 0, DateTimeKind.Utc);
        Vaults =
        [
            new(SeedVaultId, "vault-servers", "OS::Nova::Server") { CreatedAt = created },
            new(r.Uuid(), "vault-servers-dr", "OS::Nova::Server") { CreatedAt = created },
            new(r.Uuid(), "vault-disks", "OS::Cinder::Volume") { ObjectType = "disk", ProviderId = CbrDataset.EvsProvider, CreatedAt = created },
            new(r.Uuid(), "vault-sfs-turbo", "OS::Sfs::Turbo") { ObjectType = "turbo", ProviderId = CbrDataset.SfsTurboProvider, CreatedAt = created },
            new(r.Uuid(), "vault-desktops", "OS::Workspace::DesktopV2") { ObjectType = "workspace", CreatedAt = created },
        ];
        EnterpriseProjectIds = [r.Uuid(), r.Uuid()];

        // Every tenth server and every eighth disk is in no vault; servers alternate between the two server vaults.
        Servers = Enumerable.Range(0, Math.Max(1, serverCount)).Select(i =>
        {
            var g = new SeededRandom(seed, "cbr-server", i);
            return new CbrProtectable(g.Uuid(), $"ecs-{i + 1:0000}", "OS::Nova::Server", Zones[i % 3], 40, i % 10 == 9 ? null : Vaults[i % 2].Id);
        }).ToArray();
        Disks = Enumerable.Range(0, Math.Max(1, diskCount)).Select(i =>
        {
            var g = new SeededRandom(seed, "cbr-disk", i);
            return new CbrProtectable(g.Uuid(), $"evs-{i + 1:0000}", "OS::Cinder::Volume", Zones[i % 3], g.Pick([10, 40, 100, 500, 2000]), i % 8 == 7 ? null : Vaults[2].Id)
            {
                ServerId = i % 2 == 0 ? Servers[i / 2 % Servers.Count].Id : null,
            };
        }).ToArray();

        IReadOnlyList<CoverageFixture> fixtures = fixturesFrom is null ? [] : CoverageFixtures.For(CoverageFixtures.Cbr);
        var fixtureCreated = fixturesFrom?.UtcDateTime.AddDays(-60) ?? default;
        CbrVault[] fixtureVaults = fixturesFrom is null ? [] :
        [
            new(CoverageFixtures.CbrServerVaultId, CoverageFixtures.CbrServerVaultName, "OS::Nova::Server") { PolicyId = CoverageFixtures.CbrPolicyId, SizeGb = 200, CreatedAt = fixtureCreated },
            new(CoverageFixtures.CbrDiskVaultId, CoverageFixtures.CbrDiskVaultName, "OS::Cinder::Volume")
            {
                ObjectType = "disk", ProviderId = CbrDataset.EvsProvider, PolicyId = CoverageFixtures.CbrPolicyId, SizeGb = 200, CreatedAt = fixtureCreated,
            },
        ];
        AllVaults = [.. fixtureVaults, .. Vaults];
        ProtectableServers = [.. Fixtures(fixtures, CoverageFixtures.CbrServerType, CoverageFixtures.CbrServerVaultId), SeedServer, .. Servers];
        ProtectableDisks = [.. Fixtures(fixtures, CoverageFixtures.CbrDiskType, CoverageFixtures.CbrDiskVaultId), .. Disks];
        _byVault = ProtectableServers.Concat(ProtectableDisks).Where(p => p.VaultId is not null).ToLookup(p => p.VaultId!);
        _byServer = ProtectableDisks.Where(d => d.ServerId is not null).ToLookup(d => d.ServerId!);
        _serverIndex = Index(ProtectableServers);
        _diskIndex = Index(ProtectableDisks);
    }

    private readonly ILookup<string, CbrProtectable> _byVault;
    private readonly ILookup<string, CbrProtectable> _byServer;
    private readonly Dictionary<string, int> _serverIndex;
    private readonly Dictionary<string, int> _diskIndex;

    /// <summary>The vaults generated backups are in (the first is the seed page's).</summary>
    public IReadOnlyList<CbrVault> Vaults { get; }

    /// <summary>Every vault ListVaults lists: the coverage fixtures' two, then <see cref="Vaults"/>.</summary>
    public IReadOnlyList<CbrVault> AllVaults { get; }

    /// <summary>Non-default enterprise project ids some backups carry (the rest carry "0").</summary>
    public IReadOnlyList<string> EnterpriseProjectIds { get; }

    /// <summary>The servers and disks generated backups belong to.</summary>
    public IReadOnlyList<CbrProtectable> Servers { get; }
    public IReadOnlyList<CbrProtectable> Disks { get; }

    /// <summary>What <c>protectables/server/instances</c> lists: fixtures, the seed page's server, <see cref="Servers"/>.</summary>
    public IReadOnlyList<CbrProtectable> ProtectableServers { get; }

    /// <summary>What <c>protectables/disk/instances</c> lists: fixtures, then <see cref="Disks"/>.</summary>
    public IReadOnlyList<CbrProtectable> ProtectableDisks { get; }

    public CbrVault? FindVault(string? id) => id is null ? null : AllVaults.FirstOrDefault(v => v.Id == id);

    /// <summary>The servers and disks in a vault (its <c>resources</c>).</summary>
    public IEnumerable<CbrProtectable> ResourcesOf(string vaultId) => _byVault[vaultId];

    /// <summary>The disks attached to a server (its <c>children</c>, and the <c>server_id</c> filter).</summary>
    public IEnumerable<CbrProtectable> DisksOf(string serverId) => _byServer[serverId];

    /// <summary>Position of a server (<paramref name="disk"/> false) or disk in its protectable listing, or -1.</summary>
    public int IndexOf(bool disk, string id) => (disk ? _diskIndex : _serverIndex).GetValueOrDefault(id, -1);

    private static Dictionary<string, int> Index(IReadOnlyList<CbrProtectable> items)
    {
        var index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++) index.TryAdd(items[i].Id, i);
        return index;
    }

    private static IEnumerable<CbrProtectable> Fixtures(IEnumerable<CoverageFixture> fixtures, string type, string vaultId) =>
        fixtures.Where(f => f.ResourceType == type).Select(f =>
            new CbrProtectable(f.ResourceId, f.ResourceName, type, "cn-north-4a", 40, f.ProtectionOn ? vaultId : null));
}
