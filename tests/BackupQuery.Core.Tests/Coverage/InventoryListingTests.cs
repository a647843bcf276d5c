using BackupQuery.Connections;
using BackupQuery.Core.Tests.HuaweiCloud;
using BackupQuery.HuaweiCloud;
using BackupQuery.ZStack;
using static BackupQuery.Core.Tests.HuaweiCloud.HuaweiCloudEmulator;

namespace BackupQuery.Core.Tests.Coverage;

/// <summary>The inventory listings read exactly what the emulator holds: ids, backup settings, vault capacity in bytes, vault membership.</summary>
public sealed class InventoryListingTests : IAsyncLifetime
{
    private HuaweiCloudEmulator _emulator = null!;
    private HuaweiCloudConnection _huawei = null!;
    private ZStackConnection _zstack = null!;

    public async Task InitializeAsync()
    {
        _emulator = await StartAsync(o => o.ZStackVolumeCount = 120);
        _huawei = await _emulator.ConnectAsync();
        var options = _emulator.Options;
        _zstack = await ZStackConnection.ConnectAsync(new ZStackConnectOptions
        {
            Server = _emulator.Server.ZStackUrl.ToString(),
            Credential = new ZStackCredential.Account(options.ZStackAccountName, SensitiveString.FromPlainText(options.ZStackPassword)),
            ServerTimeZone = options.ZStackTimeZone,
        }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _huawei.Dispose();
        _zstack.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task GeminiDb_and_rds_instances_carry_their_automated_backup_setting()
    {
        var data = _emulator.Server.HuaweiCloud;
        var gemini = await ToListAsync(_huawei.GetGeminiDbInstancesAsync(new(), AllPages, CancellationToken.None));
        Assert.Equal(data.GeminiDb.Inventory.Select(i => (i.Id, i.Name, (int?)i.KeepDays, i.BackupWindow, i.DatastoreType)),
            gemini.Select(i => (i.Id, i.Name!, i.BackupKeepDays, i.BackupWindow!, i.DatastoreType!)));
        Assert.All(gemini, i => Assert.Equal(("GeminiDB", i.BackupKeepDays > 0), (i.Service, i.AutomatedBackup)));

        var rds = await ToListAsync(_huawei.GetRdsInstancesAsync(new() { DatastoreType = "MySQL" }, AllPages, CancellationToken.None));
        Assert.Equal(data.Rds.Inventory.Where(i => i.DatastoreType == "MySQL").Select(i => (i.Id, (int?)i.KeepDays, i.Type)),
            rds.Select(i => (i.Id, i.BackupKeepDays, i.Mode!)));
        Assert.Contains(_emulator.Requests("/rds/").Select(r => r.RawQuery), q => q.Contains("datastore_type=MySQL"));
    }

    [Fact]
    public async Task Vaults_give_used_and_allocated_bytes_from_billing_units_and_their_resources()
    {
        var inventory = _emulator.Server.HuaweiCloud.Cbr.Inventory;
        var perResource = _emulator.Server.HuaweiCloud.Cbr.PerResource;
        var vaults = await ToListAsync(_huawei.GetCbrVaultsAsync(new(), AllPages, CancellationToken.None));
        Assert.Equal(inventory.AllVaults.Select(v => v.Id), vaults.Select(v => v.Id));
        foreach (var vault in vaults)
        {
            var resources = inventory.ResourcesOf(vault.Id).ToList();
            var usedMb = resources.Sum(r => perResource.GetValueOrDefault(r.Id)?.StoredMb ?? 0);
            Assert.Equal(usedMb * 1024 * 1024, vault.UsedBytes);                        // used: MB
            Assert.Equal(resources.Sum(r => (long)r.SizeGb) * 1024 * 1024 * 1024, vault.AllocatedBytes); // allocated: GB
            Assert.Equal(resources.Select(r => r.Id), vault.Resources.Select(r => r.Id!));
        }
    }

    [Fact]
    public async Task Protectables_page_by_fifty_without_a_total_and_name_their_vault()
    {
        var inventory = _emulator.Server.HuaweiCloud.Cbr.Inventory;
        var disks = await ToListAsync(_huawei.GetCbrProtectablesAsync(new() { Type = CbrProtectableType.Disk }, AllPages, CancellationToken.None));
        Assert.Equal(inventory.ProtectableDisks.Select(d => (d.Id, d.VaultId)), disks.Select(d => (d.Id, d.VaultId)));
        var requests = _emulator.Requests("/cbr/v3/" + _emulator.DataProjectId + "/protectables/disk/instances");
        Assert.Equal(inventory.ProtectableDisks.Count / 50 + 1, requests.Count);
    }

    [Fact]
    public async Task Zstack_volumes_and_volume_backups_send_their_conditions()
    {
        var data = _emulator.Server.ZStack.Volumes;
        var volumes = await ToListAsync(_zstack.GetVolumesAsync(new() { Type = ["Data"] }, AllPages, CancellationToken.None));
        Assert.Equal(data.Volumes.Where(v => v.Type == "Data").Select(v => v.Uuid).Order(), volumes.Select(v => v.Id).Order());

        var volume = data.Backups.First().VolumeUuid;
        var backups = await ToListAsync(_zstack.GetVolumeBackupsAsync(new() { VolumeUuid = [volume] }, AllPages, CancellationToken.None));
        Assert.Equal(data.Backups.Where(b => b.VolumeUuid == volume).Select(b => b.Uuid).Order(), backups.Select(b => b.Id).Order());
        Assert.All(backups, b => Assert.Equal(("VolumeBackup", volume), (b.Service, b.VolumeUuid)));
    }

    [Fact]
    public async Task Every_inventory_record_is_stamped_with_its_connection_region_and_project()
    {
        var huawei = new List<Records.HuaweiCloudInventoryRecord>();
        huawei.AddRange(await ToListAsync(_huawei.GetGeminiDbInstancesAsync(new(), AllPages, CancellationToken.None)));
        huawei.AddRange(await ToListAsync(_huawei.GetRdsInstancesAsync(new(), AllPages, CancellationToken.None)));
        huawei.AddRange(await ToListAsync(_huawei.GetCbrVaultsAsync(new(), AllPages, CancellationToken.None)));
        huawei.AddRange(await ToListAsync(_huawei.GetCbrProtectablesAsync(new() { Type = CbrProtectableType.Server }, AllPages, CancellationToken.None)));
        Assert.Equal(3, huawei.Select(r => r.GetType()).Distinct().Count()); // DatabaseInstance (GeminiDB and RDS), CbrVault, CbrProtectable
        Assert.All(huawei, r => Assert.Equal(("HuaweiCloud", _huawei.Name, _huawei.Region, _emulator.DataProjectId), (r.Provider, r.Connection, r.Region, r.ProjectId)));

        var zstack = new List<Records.InventoryRecord>();
        zstack.AddRange(await ToListAsync(_zstack.GetVolumesAsync(new(), AllPages, CancellationToken.None)));
        zstack.AddRange(await ToListAsync(_zstack.GetSchedulerJobsAsync(AllPages, CancellationToken.None)));
        Assert.Equal(2, zstack.Select(r => r.GetType()).Distinct().Count());
        Assert.All(zstack, r => Assert.Equal(("ZStack", _zstack.Name), (r.Provider, r.Connection)));
    }
}
