using System.Net;
using BackupQuery.Emulator.Coverage;
using BackupQuery.Emulator.ZStack;

namespace BackupQuery.Core.Tests.Emulator;

/// <summary>QueryVolume, QueryVolumeBackup and QuerySchedulerJob on the wire: conditions, paging, totals, fields, errors.</summary>
public sealed class ZStackInventoryEndpointTests
{
    [Fact]
    public async Task Volumes_page_by_start_and_limit_with_the_total()
    {
        await using var emulator = await InventoryHttp.StartAsync(o => o.ZStackVolumeCount = 120);
        var volumes = emulator.Server.ZStack.Volumes.Volumes;
        var uuids = new List<string>();
        for (var start = 0; start < volumes.Count; start += 50)
        {
            var page = await emulator.ZStackAsync($"volumes?start={start}&limit=50&replyWithCount=true");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(126, page.Json.GetProperty("total").GetInt32());
            uuids.AddRange(page.Strings("inventories", "uuid"));
        }
        Assert.Equal(volumes.Select(v => v.Uuid), uuids);
        var count = await emulator.ZStackAsync("volumes?count=true&q=type=Root");
        Assert.Equal(volumes.Count(v => v.Type == "Root"), count.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Volume_conditions_and_fields_select_the_fixture_on_the_backup_vm()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        var reply = await emulator.ZStackAsync($"volumes?q=vmInstanceUuid={CoverageFixtures.ZStackVmUuid}&fields=uuid,name,isShareable");
        var volume = Assert.Single(reply.Json.GetProperty("inventories").EnumerateArray());
        Assert.Equal(CoverageFixtures.Named("cov-zstack-never-backed-up").ResourceId, volume.GetProperty("uuid").GetString());
        Assert.Equal(["uuid", "name", "isShareable"], volume.EnumerateObject().Select(p => p.Name));
        var like = await emulator.ZStackAsync("volumes?q=name~=cov-zstack-%25&sort=-name");
        Assert.Equal(CoverageFixtures.For(CoverageFixtures.ZStackVolume).Select(f => f.ResourceName).OrderByDescending(n => n, StringComparer.Ordinal), like.Strings("inventories", "name"));
        var pinned = await emulator.ZStackAsync($"volumes/{CoverageFixtures.Named("cov-zstack-old-success").ResourceId}");
        Assert.Equal(["cov-zstack-old-success"], pinned.Strings("inventories", "name"));
    }

    [Fact]
    public async Task Volume_backups_of_a_fixture_carry_their_outcomes_and_dates_in_the_nodes_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        await using var emulator = await InventoryHttp.StartAsync(o => o.ZStackTimeZone = zone);
        foreach (var fixture in CoverageFixtures.For(CoverageFixtures.ZStackVolume))
        {
            var reply = await emulator.ZStackAsync($"volume-backups?q=volumeUuid={fixture.ResourceId}");
            var expected = fixture.Attempts.Select(a => (ZStackDates.FormatJava(emulator.Server.StartedAt - a.Age, zone), a.Outcome switch
            {
                FixtureOutcome.Success => "Ready",
                FixtureOutcome.Failed => "Failed",
                _ => "Creating",
            }));
            Assert.Equal(expected, reply.Json.GetProperty("inventories").EnumerateArray().Select(b => (b.GetProperty("createDate").GetString()!, b.GetProperty("status").GetString()!)));
        }
    }

    [Fact]
    public async Task Volume_backups_scale_page_and_name_listed_volumes()
    {
        await using var emulator = await InventoryHttp.StartAsync(o => { o.ZStackVolumeCount = 200; o.ZStackVolumeBackupCount = 5000; });
        var data = emulator.Server.ZStack.Volumes;
        var deep = await emulator.ZStackAsync("volume-backups?start=4990&limit=100&replyWithCount=true");
        Assert.Equal(data.Backups.Skip(4990).Select(b => b.Uuid), deep.Strings("inventories", "uuid"));
        Assert.Equal(5000, deep.Json.GetProperty("total").GetInt32());
        var failed = await emulator.ZStackAsync("volume-backups?q=status=Failed&count=true");
        Assert.Equal(data.Backups.Count(b => b.Status == "Failed"), failed.Json.GetProperty("total").GetInt32());
        var volumeUuids = data.Volumes.Select(v => v.Uuid).ToHashSet();
        Assert.Subset(volumeUuids, data.Backups.Select(b => b.VolumeUuid).ToHashSet());
        // Every seventh generated volume has no backup at all.
        Assert.DoesNotContain(data.Volumes[6 + 6].Uuid, data.Backups.Select(b => b.VolumeUuid));
        var one = data.Backups[4321];
        var pinned = await emulator.ZStackAsync($"volume-backups/{one.Uuid}");
        Assert.Equal([one.Uuid], pinned.Strings("inventories", "uuid"));
        var byRef = await emulator.ZStackAsync($"volume-backups?q=backupStorageRefs.volumeBackupUuid={one.Uuid}");
        Assert.Equal(one.BackupStorageRefs.Count, byRef.Strings("inventories", "uuid").Count);
    }

    [Fact]
    public async Task Scheduler_jobs_show_which_fixture_volumes_are_on_a_backup_schedule()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        var reply = await emulator.ZStackAsync("scheduler/jobs?q=name~=cov-job-%25&replyWithCount=true");
        var jobs = reply.Json.GetProperty("inventories").EnumerateArray()
            .ToDictionary(j => j.GetProperty("name").GetString()!, j => (Target: j.GetProperty("targetResourceUuid").GetString(), Class: j.GetProperty("jobClassName").GetString(), State: j.GetProperty("state").GetString()));
        Assert.Equal(5, reply.Json.GetProperty("total").GetInt32());
        foreach (var f in CoverageFixtures.For(CoverageFixtures.ZStackVolume))
        {
            var name = CoverageFixtures.JobName(f.Scenario);
            switch (f.Scenario)
            {
                case CoverageScenario.OldSuccess:
                    Assert.False(jobs.ContainsKey(name));
                    break;
                case CoverageScenario.NeverBackedUp:
                    Assert.Equal((CoverageFixtures.ZStackVmUuid, CoverageFixtures.VmBackupJobClass, "Enabled"), jobs[name]);
                    break;
                case CoverageScenario.Unprotected:
                    Assert.Equal((f.ResourceId, CoverageFixtures.VolumeBackupJobClass, "Disabled"), jobs[name]);
                    break;
                default:
                    Assert.Equal((f.ResourceId, CoverageFixtures.VolumeBackupJobClass, "Enabled"), jobs[name]);
                    break;
            }
            Assert.Equal(f.ProtectionOn, f.ProtectedBy == $"scheduler job {name}");
        }
        var stop = await emulator.ZStackAsync("scheduler/jobs?q=jobClassName=org.zstack.header.vm.StopVmInstanceJob&count=true");
        Assert.Equal(emulator.Server.ZStack.Volumes.Jobs.Count(j => j.JobClassName.EndsWith("StopVmInstanceJob", StringComparison.Ordinal)), stop.Json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Inventory_queries_fail_like_the_other_query_apis()
    {
        await using var emulator = await InventoryHttp.StartAsync();
        var anonymous = await emulator.ZStackAsync("volumes", authenticated: false);
        Assert.Equal((HttpStatusCode.BadRequest, "missing header 'Authorization'"), (anonymous.Status, anonymous.Body));
        var field = await emulator.ZStackAsync("volume-backups?q=volume=x");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, field.Status);
        Assert.Equal("SYS.1007", field.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("VolumeBackupInventory", field.Json.GetProperty("error").GetProperty("details").GetString());
        var status = await emulator.ZStackAsync("scheduler/jobs?q=state=Paused");
        Assert.Equal("SYS.1007", status.Json.GetProperty("error").GetProperty("code").GetString());
        var sort = await emulator.ZStackAsync("volumes?sort=%2BbackupStorageRefs");
        Assert.Contains("VolumeInventory", sort.Json.GetProperty("error").GetProperty("details").GetString());
    }
}
