using BackupQuery.Coverage;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.ZStack;

/// <summary>
/// Coverage of one ZStack management node: its volumes (volumes + volume backups + scheduler jobs, one listing each, at
/// once) and its own management database (one resource, from the database backups).
/// </summary>
internal sealed class ZStackCoverage(ZStackConnection zstack)
{
    /// <summary>The id the management database is shown under (it has no uuid of its own: ZStack backs up its own database).</summary>
    public const string ManagementDatabaseId = "management-database";

    private static readonly PagingOptions Everything = new();

    public IEnumerable<CoverageSource> Sources(CoverageQuery query)
    {
        if (query.Wants(CoverageService.ZStackVolume)) yield return new(zstack.Name, CoverageService.ZStackVolume, ct => VolumesAsync(query, ct));
        if (query.Wants(CoverageService.ZStackDatabase)) yield return new(zstack.Name, CoverageService.ZStackDatabase, ct => DatabaseAsync(query, ct));
    }

    private CoverageSheet Sheet(CoverageService service) => new(service, ZStackProtocol.ProviderName, zstack.Name);

    private async Task<IReadOnlyList<BackupCoverage>> VolumesAsync(CoverageQuery query, CancellationToken cancellationToken)
    {
        var volumes = Listings.ToListAsync(zstack.GetVolumesAsync(new(), Everything, cancellationToken), cancellationToken);
        var jobs = Listings.ToListAsync(zstack.GetSchedulerJobsAsync(Everything, cancellationToken), cancellationToken);
        var tallies = new BackupTallies();
        var backups = Listings.ForEachAsync(zstack.GetVolumeBackupsAsync(new(), Everything, cancellationToken),
            b => tallies.Add(b.VolumeUuid, b.CreatedAt, BackupOutcomes.ZStack.Of(b.Status), b.Status), cancellationToken);
        await Task.WhenAll(volumes, jobs, backups).ConfigureAwait(false);
        var schedules = BackupSchedules(jobs.Result);
        return Sheet(CoverageService.ZStackVolume).Evaluate(volumes.Result.Select(v => new CoverageResource(v.Id, v.Name, v.Type, ScheduleOf(v, schedules))), tallies, query);
    }

    private async Task<IReadOnlyList<BackupCoverage>> DatabaseAsync(CoverageQuery query, CancellationToken cancellationToken)
    {
        var tally = new BackupTally();
        await Listings.ForEachAsync(zstack.GetDatabaseBackupsAsync(new(), Everything, cancellationToken),
            b => tally.Add(b.CreatedAt, BackupOutcomes.ZStack.Of(b.Status), b.Status), cancellationToken).ConfigureAwait(false);
        var resource = new CoverageResource(ManagementDatabaseId, $"management database ({zstack.BaseAddress.Host})", "ManagementDatabase", null);
        return [Sheet(CoverageService.ZStackDatabase).Evaluate(resource, tally, query)];
    }

    /// <summary>Enabled scheduler jobs that make backups, by the uuid they target (a volume or a VM).</summary>
    internal static Dictionary<string, ZStackSchedulerJob> BackupSchedules(IEnumerable<ZStackSchedulerJob> jobs)
    {
        var byTarget = new Dictionary<string, ZStackSchedulerJob>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            var makesBackups = job.JobClassName?.IndexOf("Backup", StringComparison.OrdinalIgnoreCase) >= 0;
            var disabled = string.Equals(job.State, "Disabled", StringComparison.OrdinalIgnoreCase);
            if (makesBackups && !disabled && job.TargetResourceUuid is { Length: > 0 } target && !byTarget.ContainsKey(target)) byTarget[target] = job;
        }
        return byTarget;
    }

    /// <summary>The scheduler job that backs the volume up, directly or through its VM, as text; null when none.</summary>
    internal static string? ScheduleOf(ZStackVolume volume, IReadOnlyDictionary<string, ZStackSchedulerJob> schedules)
    {
        if (schedules.TryGetValue(volume.Id, out var job) || (volume.VmInstanceUuid is { } vm && schedules.TryGetValue(vm, out job)))
        {
            return $"scheduler job {job.Name ?? job.Id}";
        }
        return null;
    }
}
