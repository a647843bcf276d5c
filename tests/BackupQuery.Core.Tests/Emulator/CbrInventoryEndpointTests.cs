using System.Net;
using System.Text.Json;
using BackupQuery.Emulator.Coverage;

namespace BackupQuery.Core.Tests.Emulator;

/// <summary>CBR ListVault and ListProtectable on the wire: paging, filters, units, the fixtures' vaults, errors.</summary>
public sealed class CbrInventoryEndpointTests
{
    [Fact]
    public async Task Vaults_list_the_fixture_vaults_first_with_count_and_resources_whose_sizes_add_up()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        var data = emulator.Server.HuaweiCloud.Cbr;
        var reply = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/vaults");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(data.Inventory.AllVaults.Select(v => v.Id), reply.Strings("vaults", "id"));
        Assert.Equal(7, reply.Json.GetProperty("count").GetInt32());

        var servers = reply.Json.GetProperty("vaults")[0];
        Assert.Equal(CoverageFixtures.CbrServerVaultName, servers.GetProperty("name").GetString());
        var protectedServers = CoverageFixtures.CbrOfType(CoverageFixtures.CbrServerType).Where(f => f.ProtectionOn).ToList();
        var resources = servers.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(protectedServers.Select(f => f.ResourceId), resources.Select(r => r.GetProperty("id").GetString()));
        // backup_count: the resource's available backups in the backup listing.
        Assert.Equal(protectedServers.Select(f => f.Attempts.Count(a => a.Outcome == FixtureOutcome.Success)), resources.Select(r => r.GetProperty("backup_count").GetInt32()));
        var billing = servers.GetProperty("billing");
        Assert.Equal(resources.Sum(r => r.GetProperty("size").GetInt32()), billing.GetProperty("allocated").GetInt32()); // GB
        Assert.Equal(resources.Sum(r => r.GetProperty("backup_size").GetInt64()), billing.GetProperty("used").GetInt64()); // MB
        Assert.Equal(3 * 40 * 1024, billing.GetProperty("used").GetInt64()); // recent-success 2 and in-progress 1 full 40 GB backups
        Assert.Equal(200, billing.GetProperty("size").GetInt32());
        Assert.False(servers.TryGetProperty("policy_id", out _));
    }

    [Fact]
    public async Task Vault_filters_select_by_policy_object_type_and_resource_and_offset_pages()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        var vaults = emulator.Server.HuaweiCloud.Cbr.Inventory.AllVaults;
        var policy = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/vaults?policy_id={CoverageFixtures.CbrPolicyId}");
        Assert.Equal([CoverageFixtures.CbrServerVaultId, CoverageFixtures.CbrDiskVaultId], policy.Strings("vaults", "id"));
        var disks = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/vaults?object_type=disk");
        Assert.Equal(vaults.Where(v => v.ObjectType == "disk").Select(v => v.Id), disks.Strings("vaults", "id"));
        var disk = CoverageFixtures.Named("cov-cbr-disk-recent-success").ResourceId;
        var byResource = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/vaults?resource_ids=x,{disk}");
        Assert.Equal([CoverageFixtures.CbrDiskVaultId], byResource.Strings("vaults", "id"));
        var page = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/vaults?offset=5&limit=1");
        Assert.Equal([vaults[5].Id], page.Strings("vaults", "id"));
        Assert.Equal((7, 1, 5), (page.Json.GetProperty("count").GetInt32(), page.Json.GetProperty("limit").GetInt32(), page.Json.GetProperty("offset").GetInt32()));
        var bad = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/vaults?limit=1001");
        Assert.Equal((HttpStatusCode.BadRequest, "BackupService.6001"), (bad.Status, bad.Json.GetProperty("error_code").GetString()));
    }

    [Fact]
    public async Task Protectable_servers_page_by_marker_and_by_offset_without_a_total()
    {
        await using var emulator = await InventoryHttp.StartAsync(o => o.CbrServerCount = 120);
        var expected = emulator.Server.HuaweiCloud.Cbr.Inventory.ProtectableServers;
        var byMarker = new List<string>();
        string? marker = null;
        while (true)
        {
            var reply = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/protectables/server/instances?limit=50" + (marker is null ? "" : $"&marker={marker}"));
            Assert.False(reply.Json.TryGetProperty("count", out _));
            var ids = reply.Strings("instances", "id");
            byMarker.AddRange(ids);
            if (ids.Count < 50) break;
            marker = ids[^1];
        }
        Assert.Equal(expected.Select(p => p.Id), byMarker);
        Assert.Equal(6 + 1 + 120, byMarker.Count);
        var byOffset = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/protectables/server/instances?offset=100&limit=50");
        Assert.Equal(expected.Skip(100).Select(p => p.Id), byOffset.Strings("instances", "id"));
        // Every top-level server or disk backup names a protectable.
        var protectables = expected.Concat(emulator.Server.HuaweiCloud.Cbr.Inventory.ProtectableDisks).Select(p => p.Id).ToHashSet();
        Assert.Subset(protectables, emulator.Server.HuaweiCloud.Cbr.Backups.Where(b => b.ResourceType is "OS::Nova::Server" or "OS::Cinder::Volume").Select(b => b.ResourceId).ToHashSet());
    }

    [Fact]
    public async Task Protectables_name_their_vault_or_none_in_both_documented_ways()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        var servers = (await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/protectables/server/instances?limit=6")).Json.GetProperty("instances").EnumerateArray().ToList();
        var disks = (await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/protectables/disk/instances?limit=6")).Json.GetProperty("instances").EnumerateArray().ToList();
        foreach (var (items, vaultId) in new[] { (servers, CoverageFixtures.CbrServerVaultId), (disks, CoverageFixtures.CbrDiskVaultId) })
        {
            foreach (var item in items)
            {
                var fixture = CoverageFixtures.All.Single(f => f.ResourceId == item.GetProperty("id").GetString());
                var protectable = item.GetProperty("protectable");
                Assert.True(protectable.GetProperty("result").GetBoolean());
                if (fixture.ProtectionOn) Assert.Equal(vaultId, protectable.GetProperty("vault").GetProperty("id").GetString());
                else if (vaultId == CoverageFixtures.CbrServerVaultId) Assert.Equal(JsonValueKind.Null, protectable.GetProperty("vault").ValueKind);
                else Assert.False(protectable.TryGetProperty("vault", out _));
            }
        }
        Assert.Equal(6, servers.Count);
        Assert.Equal(6, disks.Count);
    }

    [Fact]
    public async Task Protectable_disks_filter_by_server_and_the_listing_refuses_bad_parameters()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        var inventory = emulator.Server.HuaweiCloud.Cbr.Inventory;
        var server = inventory.Servers[1];
        var attached = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/protectables/disk/instances?server_id={server.Id}");
        Assert.Equal(inventory.Disks.Where(d => d.ServerId == server.Id).Select(d => d.Id), attached.Strings("instances", "id"));
        Assert.NotEmpty(attached.Strings("instances", "id"));

        var overLimit = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/protectables/server/instances?limit=51");
        Assert.Equal((HttpStatusCode.BadRequest, "BackupService.6001"), (overLimit.Status, overLimit.Json.GetProperty("error_code").GetString()));
        var badType = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/protectables/turbo/instances");
        Assert.Equal(HttpStatusCode.BadRequest, badType.Status);
        var badMarker = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/protectables/server/instances?marker=nope");
        Assert.Equal(HttpStatusCode.BadRequest, badMarker.Status);
        var anonymous = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/protectables/server/instances", authenticated: false);
        Assert.Equal((HttpStatusCode.Unauthorized, "APIGW.0301"), (anonymous.Status, anonymous.Json.GetProperty("error_code").GetString()));
    }

    [Fact]
    public async Task Fixture_cbr_backups_are_listed_per_resource_with_their_outcomes()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        foreach (var fixture in CoverageFixtures.For(CoverageFixtures.Cbr))
        {
            var reply = await emulator.HuaweiAsync("cbr", $"v3/{emulator.ProjectId}/backups?resource_id={fixture.ResourceId}");
            var expected = fixture.Attempts.Select(a => ((emulator.Server.StartedAt - a.Age).UtcDateTime, a.Outcome switch
            {
                FixtureOutcome.Success => "available",
                FixtureOutcome.Failed => "error",
                _ => "protecting",
            }));
            Assert.Equal(expected, reply.Json.GetProperty("backups").EnumerateArray().Select(b =>
                (DateTime.SpecifyKind(DateTime.Parse(b.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), b.GetProperty("status").GetString()!)));
        }
    }
}
