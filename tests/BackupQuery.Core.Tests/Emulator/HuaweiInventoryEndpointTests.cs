using System.Net;
using BackupQuery.Emulator.Coverage;
using BackupQuery.Emulator.HuaweiCloud;

namespace BackupQuery.Core.Tests.Emulator;

/// <summary>GeminiDB and RDS ListInstances on the wire: paging, totals, filters, fixtures, errors.</summary>
public sealed class HuaweiInventoryEndpointTests
{
    [Fact]
    public async Task GeminiDb_instances_page_by_offset_with_the_total_and_hold_every_backups_instance()
    {
        await using var emulator = await InventoryHttp.StartAsync(o => { o.GeminiDbInstanceCount = 230; o.GeminiDbCount = 2000; });
        var expected = emulator.Server.HuaweiCloud.GeminiDb.Inventory;
        var ids = new List<string>();
        for (var offset = 0; offset < expected.Count; offset += 100)
        {
            var page = await emulator.HuaweiAsync("gaussdb-nosql", $"v3/{emulator.ProjectId}/instances?offset={offset}&limit=100");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(expected.Count, page.Json.GetProperty("total_count").GetInt32());
            ids.AddRange(page.Strings("instances", "id"));
        }
        Assert.Equal(expected.Select(i => i.Id), ids);
        Assert.Equal(230 + 2 + 6, ids.Count);
        // Every backup names a listed instance.
        Assert.Subset(ids.ToHashSet(), emulator.Server.HuaweiCloud.GeminiDb.Backups.Select(b => b.InstanceId).ToHashSet());
    }

    [Fact]
    public async Task GeminiDb_fixture_instances_carry_their_automated_backup_setting()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        var reply = await emulator.HuaweiAsync("gaussdb-nosql", $"v3/{emulator.ProjectId}/instances?name=*cov-geminidb-");
        var instances = reply.Json.GetProperty("instances").EnumerateArray().ToList();
        var fixtures = CoverageFixtures.For(CoverageFixtures.GeminiDb);
        Assert.Equal(fixtures.Select(f => (f.ResourceId, f.ResourceName, f.ProtectionOn ? 7 : 0)),
            instances.Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("name").GetString()!, i.GetProperty("backup_strategy").GetProperty("keep_days").GetInt32())));
        Assert.All(instances, i => Assert.Equal("02:00-03:00", i.GetProperty("backup_strategy").GetProperty("start_time").GetString()));
        Assert.Equal(6, reply.Json.GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task GeminiDb_instance_filters_match_exactly_or_by_star_prefix()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        var inventory = emulator.Server.HuaweiCloud.GeminiDb.Inventory;
        var exact = await emulator.HuaweiAsync("gaussdb-nosql", $"v3/{emulator.ProjectId}/instances?name=cov-geminidb-unprotected");
        Assert.Equal([CoverageFixtures.Named("cov-geminidb-unprotected").ResourceId], exact.Strings("instances", "id"));
        var partial = await emulator.HuaweiAsync("gaussdb-nosql", $"v3/{emulator.ProjectId}/instances?name=cov-geminidb");
        Assert.Empty(partial.Strings("instances", "id"));
        var redis = await emulator.HuaweiAsync("gaussdb-nosql", $"v3/{emulator.ProjectId}/instances?datastore_type=redis&mode=Cluster");
        Assert.Equal(inventory.Where(i => i.DatastoreType == "redis").Select(i => i.Id), redis.Strings("instances", "id"));
        Assert.NotEmpty(redis.Strings("instances", "id"));
    }

    [Fact]
    public async Task Database_instance_listings_refuse_bad_parameters_and_missing_auth_and_list_nothing_elsewhere()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        var tooMany = await emulator.HuaweiAsync("gaussdb-nosql", $"v3/{emulator.ProjectId}/instances?limit=101");
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.200001"), (tooMany.Status, tooMany.Json.GetProperty("error_code").GetString()));
        var rdsBad = await emulator.HuaweiAsync("rds", $"v3/{emulator.ProjectId}/instances?type=Cluster");
        Assert.Equal((HttpStatusCode.BadRequest, "DBS.280001"), (rdsBad.Status, rdsBad.Json.GetProperty("error_code").GetString()));
        var anonymous = await emulator.HuaweiAsync("rds", $"v3/{emulator.ProjectId}/instances", authenticated: false);
        Assert.Equal((HttpStatusCode.Unauthorized, "APIGW.0301"), (anonymous.Status, anonymous.Json.GetProperty("error_code").GetString()));
        var other = await emulator.HuaweiAsync("rds", $"v3/{emulator.OtherProjectId}/instances", projectId: emulator.OtherProjectId);
        Assert.Equal((HttpStatusCode.OK, 0), (other.Status, other.Json.GetProperty("total_count").GetInt32()));
        Assert.Empty(other.Strings("instances", "id"));
    }

    [Fact]
    public async Task Rds_instances_list_fixtures_then_generated_with_filters_and_backup_strategy()
    {
        await using var emulator = await InventoryHttp.StartAsync(o => o.RdsInstanceCount = 12);
        var rds = emulator.Server.HuaweiCloud.Rds;
        var all = await emulator.HuaweiAsync("rds", $"v3/{emulator.ProjectId}/instances?offset=3&limit=100");
        Assert.Equal(rds.Inventory.Skip(3).Select(i => i.Id), all.Strings("instances", "id"));
        Assert.Equal(6 + 12, all.Json.GetProperty("total_count").GetInt32());
        var first = (await emulator.HuaweiAsync("rds", $"v3/{emulator.ProjectId}/instances?limit=1")).Json.GetProperty("instances")[0];
        Assert.Equal(CoverageFixtures.For(CoverageFixtures.Rds)[0].ResourceId, first.GetProperty("id").GetString());
        Assert.Equal(7, first.GetProperty("backup_strategy").GetProperty("keep_days").GetInt32());

        var single = await emulator.HuaweiAsync("rds", $"v3/{emulator.ProjectId}/instances?type=Single&datastore_type=SQLServer");
        Assert.Equal(rds.Inventory.Where(i => i.Type == "Single" && i.DatastoreType == "SQLServer").Select(i => i.Id), single.Strings("instances", "id"));
        Assert.NotEmpty(single.Strings("instances", "id"));
        var off = rds.Inventory.Where(i => i.KeepDays == 0).Select(i => i.Id).ToList();
        Assert.Contains(CoverageFixtures.Named("cov-rds-unprotected").ResourceId, off);
        Assert.Contains(rds.Instances[3].Id, off);
        var tagged = await emulator.HuaweiAsync("rds", $"v3/{emulator.ProjectId}/instances?tags=env%3Dprod");
        Assert.Equal(0, tagged.Json.GetProperty("total_count").GetInt32());
        // Every RDS backup names a listed instance.
        Assert.Subset(rds.Inventory.Select(i => i.Id).ToHashSet(), rds.Backups.Select(b => b.InstanceId).ToHashSet());
    }

    [Theory]
    [InlineData("gaussdb-nosql", "v3.1/{0}/backups?instance_id={1}", "cov-geminidb-", "begin_time")]
    [InlineData("rds", "v3/{0}/backups?instance_id={1}", "cov-rds-", "begin_time")]
    public async Task Fixture_database_backups_are_dated_back_from_the_start_with_their_outcomes(string service, string path, string prefix, string dateField)
    {
        await using var emulator = await InventoryHttp.StartAsync();
        foreach (var fixture in CoverageFixtures.All.Where(f => f.ResourceName.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var reply = await emulator.HuaweiAsync(service, string.Format(System.Globalization.CultureInfo.InvariantCulture, path, emulator.ProjectId, fixture.ResourceId));
            var backups = reply.Json.GetProperty("backups").EnumerateArray().ToList();
            var expected = fixture.Attempts.Select(a => (emulator.Server.StartedAt - a.Age, a.Outcome switch
            {
                FixtureOutcome.Success => "COMPLETED",
                FixtureOutcome.Failed => "FAILED",
                _ => "BUILDING",
            }));
            Assert.Equal(expected, backups.Select(b => (Offset(b.GetProperty(dateField).GetString()!), b.GetProperty("status").GetString()!)));
        }
    }

    [Fact]
    public async Task Fixture_dates_follow_the_emulators_clock_at_start_in_whole_seconds()
    {
        var now = new DateTimeOffset(2031, 5, 17, 10, 20, 30, 789, TimeSpan.Zero);
        await using var emulator = await InventoryHttp.StartAsync(o => o.Clock = new FixedClock(now));
        Assert.Equal(now.AddMilliseconds(-789), emulator.Server.StartedAt);
        var fixture = CoverageFixtures.Named("cov-geminidb-recent-success");
        var reply = await emulator.HuaweiAsync("gaussdb-nosql", $"v3.1/{emulator.ProjectId}/backups?instance_id={fixture.ResourceId}");
        Assert.Equal(["2031-05-17T08:20:30+0000", "2031-05-16T08:20:30+0000"], reply.Strings("backups", "begin_time"));
    }

    [Fact]
    public async Task Without_fixtures_the_inventories_hold_only_generated_and_seed_resources()
    {
        await using var emulator = await InventoryHttp.StartAsync(o => o.CoverageFixtures = false);
        var gemini = await emulator.HuaweiAsync("gaussdb-nosql", $"v3/{emulator.ProjectId}/instances?name=*cov-");
        Assert.Equal(0, gemini.Json.GetProperty("total_count").GetInt32());
        // The spec's example backup is still served (at the tail, where the seed examples now stand).
        Assert.Contains(emulator.Server.HuaweiCloud.GeminiDb.Backups, b => b.Id == "43e4feaab48f11e89039fa163ebaa7e4br01");
    }

    /// <summary>GeminiDB/RDS time: <c>2019-05-27T03:38:51+0800</c>.</summary>
    private static DateTimeOffset Offset(string text) =>
        DateTimeOffset.ParseExact(text[..^2] + ":" + text[^2..], "yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
