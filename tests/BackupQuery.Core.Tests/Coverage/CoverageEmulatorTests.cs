using BackupQuery.Connections;
using BackupQuery.Core.Tests.HuaweiCloud;
using BackupQuery.Coverage;
using BackupQuery.Emulator.Coverage;
using BackupQuery.HuaweiCloud;
using BackupQuery.Records;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.Coverage;

/// <summary>
/// One coverage run against the emulator, across a ZStack and a Huawei Cloud connection: the exact Status, LastSuccessAt,
/// LastAttemptAt, BackupCount and ProtectedBy of every named fixture resource of every service, the management database
/// from the emulator's own backups, and what the run cost in requests.
/// </summary>
public sealed class CoverageEmulatorTests : IAsyncLifetime
{
    private HuaweiCloudEmulator _emulator = null!;
    private HuaweiCloudConnection _huawei = null!;
    private ZStackConnection _zstack = null!;

    public async Task InitializeAsync()
    {
        _emulator = await HuaweiCloudEmulator.StartAsync(o => o.ZStackCount = 40);
        _huawei = await _emulator.ConnectAsync();
        var options = _emulator.Options;
        _zstack = await ZStackConnection.ConnectAsync(new ZStackConnectOptions
        {
            Server = _emulator.Server.ZStackUrl.ToString(),
            Credential = new ZStackCredential.Account(options.ZStackAccountName, SensitiveString.FromPlainText(options.ZStackPassword)),
            ServerTimeZone = options.ZStackTimeZone,
            Name = "zstack",
        }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _huawei.Dispose();
        _zstack.Dispose();
        await _emulator.DisposeAsync();
    }

    private DateTimeOffset StartedAt => _emulator.Server.StartedAt;

    private async Task<(List<BackupCoverage> Records, List<CoverageFailure> Failures)> RunAsync(TimeSpan maxAge, params CoverageService[] services)
    {
        var failures = new List<CoverageFailure>();
        var query = new CoverageQuery { MaxAge = maxAge, At = StartedAt, Services = services };
        var records = await HuaweiCloudEmulator.ToListAsync(CoverageRun.StreamAsync([_zstack, _huawei], query, failures.Add, CancellationToken.None));
        return (records, failures);
    }

    private static CoverageService ServiceOf(CoverageFixture fixture) => fixture.Service switch
    {
        CoverageFixtures.GeminiDb => CoverageService.GeminiDB,
        CoverageFixtures.Rds => CoverageService.RDS,
        CoverageFixtures.Cbr => CoverageService.CBR,
        _ => CoverageService.ZStackVolume,
    };

    /// <summary>What the client shows for a fixture's protection: the emulator names the CBR vault alone.</summary>
    private static string? ProtectedByOf(CoverageFixture fixture) =>
        fixture.ProtectedBy is { } text && fixture.Service == CoverageFixtures.Cbr ? "vault " + text : fixture.ProtectedBy;

    public static TheoryData<string> FixtureNames()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in CoverageFixtures.All) data.Add(fixture.ResourceName);
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task Every_fixture_gets_its_status_last_success_last_attempt_and_protection(string name)
    {
        var fixture = CoverageFixtures.Named(name);
        var (records, failures) = await RunAsync(TimeSpan.FromDays(1), ServiceOf(fixture));
        Assert.Empty(failures);
        var record = Assert.Single(records, r => r.ResourceId == fixture.ResourceId);

        Assert.Equal(fixture.ExpectedStatus(TimeSpan.FromDays(1)), record.Status.ToString());
        Assert.Equal(fixture.LastSuccessAt(StartedAt), record.LastSuccessAt);
        Assert.Equal(fixture.LastAttemptAt(StartedAt), record.LastAttemptAt);
        Assert.Equal(fixture.BackupCount, record.BackupCount);
        Assert.Equal(ProtectedByOf(fixture), record.ProtectedBy);
        Assert.Equal(fixture.ResourceName, record.ResourceName);
        Assert.Equal(ServiceOf(fixture), record.Service);
        Assert.Equal(fixture.LastSuccessAt(StartedAt) is { } success ? StartedAt - success : null, record.SuccessAge);
        Assert.Equal(StartedAt, record.EvaluatedAt);
    }

    [Fact]
    public async Task Each_service_has_a_fixture_in_each_of_the_four_statuses_and_max_age_moves_the_in_progress_one()
    {
        var (day, _) = await RunAsync(TimeSpan.FromDays(1));
        var (twoDays, _) = await RunAsync(TimeSpan.FromDays(2));
        foreach (var service in new[] { CoverageFixtures.GeminiDb, CoverageFixtures.Rds, CoverageFixtures.Cbr, CoverageFixtures.ZStackVolume })
        {
            var ids = CoverageFixtures.For(service).Select(f => f.ResourceId).ToHashSet();
            Assert.Equal(Enum.GetValues<CoverageStatus>(), day.Where(r => ids.Contains(r.ResourceId)).Select(r => r.Status).Distinct().Order());
        }
        var inProgress = CoverageFixtures.All.Where(f => f.Scenario == CoverageScenario.InProgress).Select(f => f.ResourceId).ToHashSet();
        Assert.All(day.Where(r => inProgress.Contains(r.ResourceId)), r => Assert.Equal(CoverageStatus.Stale, r.Status));
        Assert.All(twoDays.Where(r => inProgress.Contains(r.ResourceId)), r => Assert.Equal(CoverageStatus.Protected, r.Status));
        Assert.Equal(inProgress.Count, twoDays.Count(r => inProgress.Contains(r.ResourceId)));
    }

    [Fact]
    public async Task The_management_database_is_one_resource_judged_from_the_emulators_database_backups()
    {
        var (records, failures) = await RunAsync(TimeSpan.FromDays(1), CoverageService.ZStackDatabase);
        Assert.Empty(failures);
        var record = Assert.Single(records);
        var backups = _emulator.Server.ZStack.Backups.ToList();
        var ready = backups.Where(b => b.Status == "Ready" && b.CreateDate is not null).Select(b => b.CreateDate!.Value).ToList();
        DateTimeOffset? lastSuccess = ready.Count > 0 ? ready.Max() : null;

        Assert.Equal((CoverageService.ZStackDatabase, "zstack", backups.Count), (record.Service, record.Connection, record.BackupCount));
        Assert.Equal(lastSuccess, record.LastSuccessAt);
        Assert.Null(record.ProtectedBy);
        var expected = lastSuccess >= StartedAt.AddDays(-1) ? CoverageStatus.Protected : lastSuccess is null ? CoverageStatus.Unprotected : CoverageStatus.Stale;
        Assert.Equal(expected, record.Status);
    }

    [Fact]
    public async Task Every_resource_of_every_inventory_gets_one_record_stamped_with_its_source()
    {
        var (records, failures) = await RunAsync(TimeSpan.FromDays(1));
        Assert.Empty(failures);
        var huawei = _emulator.Server.HuaweiCloud;
        var cbr = huawei.Cbr.Inventory;
        Assert.Equal(huawei.GeminiDb.Inventory.Select(i => i.Id).Order(), records.Where(r => r.Service == CoverageService.GeminiDB).Select(r => r.ResourceId).Order());
        Assert.Equal(huawei.Rds.Inventory.Select(i => i.Id).Order(), records.Where(r => r.Service == CoverageService.RDS).Select(r => r.ResourceId).Order());
        Assert.Equal(_emulator.Server.ZStack.Volumes.Volumes.Select(v => v.Uuid).Order(), records.Where(r => r.Service == CoverageService.ZStackVolume).Select(r => r.ResourceId).Order());
        var cbrIds = cbr.ProtectableServers.Concat(cbr.ProtectableDisks).Select(p => p.Id)
            .Concat(cbr.AllVaults.SelectMany(v => cbr.ResourcesOf(v.Id)).Select(p => p.Id)).Distinct();
        Assert.Equal(cbrIds.Order(), records.Where(r => r.Service == CoverageService.CBR).Select(r => r.ResourceId).Order());
        Assert.All(records.Where(r => r.Provider == "HuaweiCloud"), r => Assert.Equal((_huawei.Name, _huawei.Region, _huawei.ProjectId), (r.Connection, r.Region, r.ProjectId)));
        Assert.All(records.Where(r => r.Provider == "ZStack"), r => Assert.Equal(("zstack", null, null), (r.Connection, r.Region, r.ProjectId)));
    }

    [Fact]
    public async Task One_run_costs_one_listing_per_api_plus_one_backup_listing_per_rds_instance()
    {
        var journal = _emulator.Server.Requests;
        journal.Clear();
        var (records, failures) = await RunAsync(TimeSpan.FromDays(1));
        Assert.Empty(failures);
        var entries = journal.Entries;
        var run = entries.GroupBy(e => Api(e.Path)).ToDictionary(g => g.Key, g => g.Count());
        var rdsInstancesAsked = entries.Where(e => Api(e.Path) == "rds/backups").Select(e => e.RawQuery.TrimStart('?').Split('&').Single(p => p.StartsWith("instance_id="))).Distinct().Count();

        // The same listings one at a time, each on its own: the run may not ask for more than they do together.
        var alone = new Dictionary<string, int>();
        async Task Alone<T>(string api, IAsyncEnumerable<T> listing)
        {
            journal.Clear();
            await HuaweiCloudEmulator.ToListAsync(listing);
            alone[api] = alone.GetValueOrDefault(api) + journal.Entries.Count;
        }
        var all = HuaweiCloudEmulator.AllPages;
        var none = CancellationToken.None;
        await Alone("gaussdb-nosql/instances", _huawei.GetGeminiDbInstancesAsync(new(), all, none));
        await Alone("gaussdb-nosql/backups", _huawei.GetGeminiDbBackupsAsync(new(), all, none));
        await Alone("rds/instances", _huawei.GetRdsInstancesAsync(new(), all, none));
        foreach (var instance in _emulator.Server.HuaweiCloud.Rds.Inventory) await Alone("rds/backups", _huawei.GetRdsBackupsAsync(new() { InstanceId = instance.Id }, all, none));
        await Alone("cbr/protectables/server", _huawei.GetCbrProtectablesAsync(new() { Type = CbrProtectableType.Server }, all, none));
        await Alone("cbr/protectables/disk", _huawei.GetCbrProtectablesAsync(new() { Type = CbrProtectableType.Disk }, all, none));
        await Alone("cbr/vaults", _huawei.GetCbrVaultsAsync(new(), all, none));
        await Alone("cbr/backups", _huawei.GetCbrBackupsAsync(new(), all, none));
        await Alone("zstack/volumes", _zstack.GetVolumesAsync(new(), all, none));
        await Alone("zstack/volume-backups", _zstack.GetVolumeBackupsAsync(new(), all, none));
        await Alone("zstack/scheduler", _zstack.GetSchedulerJobsAsync(all, none));
        await Alone("zstack/database-backups", _zstack.GetDatabaseBackupsAsync(new(), all, none));

        Assert.Equal(alone.OrderBy(p => p.Key), run.OrderBy(p => p.Key));
        Assert.Equal(_emulator.Server.HuaweiCloud.Rds.Inventory.Count, rdsInstancesAsked);
        Assert.True(records.Count > alone.Values.Sum(), $"{records.Count} records from {alone.Values.Sum()} requests: coverage must not cost a request per resource");
    }

    /// <summary>Which API a request path is: the service and the resource it lists.</summary>
    private static string Api(string path)
    {
        var parts = path.Trim('/').Split('/');
        if (parts[0] == "zstack") return "zstack/" + parts[2];
        var resource = parts[3];
        return resource == "protectables" ? $"{parts[0]}/protectables/{parts[4]}" : $"{parts[0]}/{resource}";
    }
}
