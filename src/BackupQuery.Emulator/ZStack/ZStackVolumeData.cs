using System.Collections;
using System.Globalization;
using BackupQuery.Emulator.Coverage;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator.ZStack;

/// <summary>
/// Volumes, their backups and the scheduler jobs that back them up (QueryVolume, QueryVolumeBackup, QuerySchedulerJob).
/// Coverage fixtures come first in each list. Generated VM k has volumes 5k (root), 5k+1 and 5k+2; volumes 5k+3 and
/// 5k+4 are detached; every seventh volume never gets a backup. Volume backups are generated on demand from (seed,
/// index), newest first, so a hundred thousand cost nothing until read.
/// </summary>
public sealed class ZStackVolumeData
{
    private const int SaltVolume = 200, SaltVm = 201, SaltSize = 202, SaltBackup = 203, SaltStatus = 204, SaltJitter = 205, SaltJob = 206, SaltImage = 207;
    private static readonly long[] DataSizesGb = [20, 50, 100, 500];
    private const long GiB = 1L << 30;

    private readonly int _seed;
    private readonly Dictionary<string, ZStackVolume> _volumesByUuid;

    public ZStackVolumeData(EmulatorOptions options, DateTimeOffset startedAt, IReadOnlyList<string> backupStorages)
    {
        _seed = options.Seed;
        IReadOnlyList<CoverageFixture> fixtures = options.CoverageFixtures ? CoverageFixtures.For(CoverageFixtures.ZStackVolume) : [];
        var generated = Enumerable.Range(0, Math.Max(1, options.ZStackVolumeCount)).Select(i => Volume(i, options.DataAnchor)).ToArray();
        Volumes = [.. fixtures.Select(f => FixtureVolume(f, startedAt)), .. generated];
        _volumesByUuid = Volumes.ToDictionary(v => v.Uuid, StringComparer.Ordinal);
        var backedUp = generated.Where((_, i) => i % 7 != 6).ToArray();
        Backups = new VolumeBackupList(this, options.ZStackVolumeBackupCount, [.. FixtureBackups(fixtures, startedAt, backupStorages).OrderByDescending(b => b.CreateDate)], backedUp, backupStorages, options.DataAnchor);
        Jobs = [.. FixtureJobs(fixtures, startedAt), .. GeneratedJobs(generated, options.DataAnchor)];
    }

    /// <summary>Every volume, in listing order.</summary>
    public IReadOnlyList<ZStackVolume> Volumes { get; }

    /// <summary>Every volume backup, in listing order (newest first).</summary>
    public IReadOnlyList<ZStackVolumeBackup> Backups { get; }

    public IReadOnlyList<ZStackSchedulerJob> Jobs { get; }

    public ZStackVolume? FindVolume(string uuid) => _volumesByUuid.GetValueOrDefault(uuid);

    public ZStackSchedulerJob? FindJob(string uuid) => Jobs.FirstOrDefault(j => j.Uuid == uuid);

    /// <summary>The backup with this uuid in O(1): generated uuids end in their index (8 hex digits).</summary>
    public ZStackVolumeBackup? FindBackup(string uuid) => ((VolumeBackupList)Backups).Find(uuid);

    private string VmUuid(int vm) => StableHash.Hex(_seed, vm, SaltVm, 32);

    private ZStackVolume Volume(int i, DateTimeOffset anchor)
    {
        var vm = i / 5;
        var position = i % 5;
        var root = position == 0;
        var created = anchor.AddDays(-(400 + i % 300));
        var size = (root ? 40 : DataSizesGb[StableHash.Below(_seed, i, SaltSize, DataSizesGb.Length)]) * GiB;
        var uuid = StableHash.Hex(_seed, i, SaltVolume, 32);
        return new ZStackVolume(uuid, root ? $"ROOT-for-vm-{vm + 1:000}" : $"data-{i + 1:0000}", root ? "Root" : "Data", position <= 2 ? VmUuid(vm) : null, size, created)
        {
            PrimaryStorageUuid = StableHash.Hex(_seed, 0, SaltVolume + 10, 32),
            RootImageUuid = root ? StableHash.Hex(_seed, vm % 4, SaltImage, 32) : null,
            InstallPath = $"/zstack_ps/dataVolumes/acct-36c27e8f/vol-{uuid}/{uuid}.qcow2",
            ActualSize = size / 4,
            DeviceId = position <= 2 ? position : null,
            LastOpDate = created.AddMinutes(1),
        };
    }

    private static ZStackVolume FixtureVolume(CoverageFixture f, DateTimeOffset start)
    {
        var root = f.Scenario == CoverageScenario.NeverBackedUp;
        return new ZStackVolume(f.ResourceId, f.ResourceName, root ? "Root" : "Data", root ? CoverageFixtures.ZStackVmUuid : null, 40 * GiB, start.AddDays(-60))
        {
            InstallPath = $"/zstack_ps/dataVolumes/acct-36c27e8f/vol-{f.ResourceId}/{f.ResourceId}.qcow2",
            ActualSize = 10 * GiB,
            DeviceId = root ? 0 : null,
            LastOpDate = start.AddDays(-60),
        };
    }

    private static IEnumerable<ZStackVolumeBackup> FixtureBackups(IEnumerable<CoverageFixture> fixtures, DateTimeOffset start, IReadOnlyList<string> storages) =>
        CoverageFixtures.Backups(fixtures, start, (f, k, created) =>
        {
            var outcome = f.Attempts[k].Outcome;
            var uuid = CoverageFixtures.BackupId(f, k);
            return new ZStackVolumeBackup(uuid, $"{f.ResourceName}-{k}", f.ResourceId, null,
                outcome switch { FixtureOutcome.Success => "Ready", FixtureOutcome.Failed => "Failed", _ => "Creating" }, created)
            {
                Size = outcome == FixtureOutcome.Success ? 5 * GiB : null,
                LastOpDate = outcome == FixtureOutcome.InProgress ? created : created.AddMinutes(5),
                BackupStorageRefs = outcome == FixtureOutcome.Success ? [new(uuid, storages[0], $"zstore://zsbak/{uuid}", "Ready", created, created.AddMinutes(5))] : [],
            };
        });

    private static IEnumerable<ZStackSchedulerJob> FixtureJobs(IEnumerable<CoverageFixture> fixtures, DateTimeOffset start)
    {
        foreach (var f in fixtures)
        {
            var (target, jobClass, state) = f.Scenario switch
            {
                CoverageScenario.OldSuccess => (null, "", ""),
                CoverageScenario.NeverBackedUp => (CoverageFixtures.ZStackVmUuid, CoverageFixtures.VmBackupJobClass, "Enabled"),
                CoverageScenario.Unprotected => (f.ResourceId, CoverageFixtures.VolumeBackupJobClass, "Disabled"),
                _ => (f.ResourceId, CoverageFixtures.VolumeBackupJobClass, "Enabled"),
            };
            if (target is null) continue;
            yield return new ZStackSchedulerJob(CoverageFixtures.JobUuid(f.Scenario), CoverageFixtures.JobName(f.Scenario), target, jobClass, state, start.AddDays(-60))
            {
                Description = state == "Disabled" ? "paused backup job" : "daily backup",
                JobData = $$"""{"targetResourceUuid":"{{target}}","retentionDays":7}""",
            };
        }
    }

    /// <summary>A volume backup job on every third backed-up volume (every 21st Disabled), a VM backup job on every fourth VM, a stop job on the next.</summary>
    private IEnumerable<ZStackSchedulerJob> GeneratedJobs(IReadOnlyList<ZStackVolume> volumes, DateTimeOffset anchor)
    {
        for (var i = 0; i < volumes.Count; i++)
        {
            if (i % 7 == 6 || i % 3 != 0) continue;
            var v = volumes[i];
            yield return new ZStackSchedulerJob(StableHash.Hex(_seed, i, SaltJob, 32), $"backup-{v.Name}", v.Uuid, CoverageFixtures.VolumeBackupJobClass,
                i % 21 == 0 ? "Disabled" : "Enabled", anchor.AddDays(-300));
        }
        var vms = (volumes.Count + 4) / 5;
        for (var k = 0; k < vms; k++)
        {
            if (k % 4 > 1) continue;
            var backup = k % 4 == 0;
            yield return new ZStackSchedulerJob(StableHash.Hex(_seed, k, SaltJob + 1, 32), backup ? $"backup-vm-{k + 1:000}" : $"stop-vm-{k + 1:000}", VmUuid(k),
                backup ? CoverageFixtures.VmBackupJobClass : "org.zstack.header.vm.StopVmInstanceJob", "Enabled", anchor.AddDays(-300));
        }
    }

    /// <summary>The volume backup listing: fixtures, then generated records (index-addressed, regenerated on every read).</summary>
    private sealed class VolumeBackupList(ZStackVolumeData owner, int count, ZStackVolumeBackup[] head, ZStackVolume[] volumes,
        IReadOnlyList<string> storages, DateTimeOffset anchor) : IReadOnlyList<ZStackVolumeBackup>
    {
        private readonly TimeSpan _spacing = TimeSpan.FromSeconds(Math.Clamp(730L * 86400 / Math.Max(1, count), 60, 3600));

        public int Count { get; } = Math.Max(0, count);

        public ZStackVolumeBackup this[int index] =>
            (uint)index >= (uint)Count ? throw new ArgumentOutOfRangeException(nameof(index))
            : index < head.Length ? head[index] : Generate(index);

        public ZStackVolumeBackup? Find(string uuid)
        {
            foreach (var b in head.AsSpan(0, Math.Min(head.Length, Count)))
                if (b.Uuid == uuid) return b;
            if (uuid.Length != 32 || !int.TryParse(uuid.AsSpan(24), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var index)) return null;
            return index >= head.Length && index < Count && Generate(index) is var b2 && b2.Uuid == uuid ? b2 : null;
        }

        private ZStackVolumeBackup Generate(int index)
        {
            var seed = owner._seed;
            var g = index - head.Length;
            var volume = volumes[g % volumes.Length];
            var uuid = StableHash.Hex(seed, index, SaltBackup, 24) + index.ToString("x8", CultureInfo.InvariantCulture);
            var created = anchor - _spacing * (g + 1) - TimeSpan.FromSeconds(StableHash.Below(seed, index, SaltJitter, (long)_spacing.TotalSeconds / 2 + 1));
            created = new DateTimeOffset(created.UtcTicks - created.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            var roll = StableHash.Below(seed, index, SaltStatus, 100);
            var status = roll < 4 ? "Failed" : roll < 7 ? "Creating" : "Ready";
            var ready = status == "Ready";
            var lastOp = status == "Creating" ? created : created.AddMinutes(3 + roll % 20);
            return new ZStackVolumeBackup(uuid, $"{volume.Name}-backup-{g}", volume.Uuid, volume.VmInstanceUuid, status, created)
            {
                Type = g % 7 == 0 ? "Full" : "Incremental",
                Size = ready ? volume.Size / (2 + roll % 8) : null,
                LastOpDate = lastOp,
                BackupStorageRefs = ready ? [new(uuid, storages[index % storages.Count], $"zstore://zsbak/{uuid}", "Ready", created, lastOp)] : [],
            };
        }

        public IEnumerator<ZStackVolumeBackup> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
