using BackupQuery.Coverage;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.HuaweiCloud;

/// <summary>
/// Coverage of one Huawei Cloud project: GeminiDB (instances + one backup listing), RDS (instances + each instance's
/// backups, all at once under the connection's limit) and CBR (servers, disks and vaults + one backup listing).
/// </summary>
internal sealed class HuaweiCloudCoverage(HuaweiCloudConnection huawei)
{
    private static readonly PagingOptions Everything = new();

    public IEnumerable<CoverageSource> Sources(CoverageQuery query)
    {
        if (query.Wants(CoverageService.GeminiDB)) yield return new(huawei.Name, CoverageService.GeminiDB, ct => GeminiDbAsync(query, ct));
        if (query.Wants(CoverageService.RDS)) yield return new(huawei.Name, CoverageService.RDS, ct => RdsAsync(query, ct));
        if (query.Wants(CoverageService.CBR)) yield return new(huawei.Name, CoverageService.CBR, ct => CbrAsync(query, ct));
    }

    private CoverageSheet Sheet(CoverageService service) => new(service, HuaweiCloudProtocol.ProviderName, huawei.Name, huawei.Region, huawei.ProjectId);

    private async Task<IReadOnlyList<BackupCoverage>> GeminiDbAsync(CoverageQuery query, CancellationToken cancellationToken)
    {
        var instances = Listings.ToListAsync(huawei.GetGeminiDbInstancesAsync(new(), Everything, cancellationToken), cancellationToken);
        var tallies = new BackupTallies();
        var backups = Listings.ForEachAsync(huawei.GetGeminiDbBackupsAsync(new(), Everything, cancellationToken),
            b => tallies.Add(b.InstanceId, b.CreatedAt, BackupOutcomes.Database.Of(b.Status), b.Status), cancellationToken);
        await Task.WhenAll(instances, backups).ConfigureAwait(false);
        return Sheet(CoverageService.GeminiDB).Evaluate(instances.Result.Select(Resource), tallies, query);
    }

    private async Task<IReadOnlyList<BackupCoverage>> RdsAsync(CoverageQuery query, CancellationToken cancellationToken)
    {
        var instances = await Listings.ToListAsync(huawei.GetRdsInstancesAsync(new(), Everything, cancellationToken), cancellationToken).ConfigureAwait(false);
        // The API lists backups per instance only: every instance's listing goes out at once, the connection's limit paces them.
        var tallies = await Task.WhenAll(instances.Select(i => RdsTallyAsync(i.Id, cancellationToken))).ConfigureAwait(false);
        var sheet = Sheet(CoverageService.RDS);
        return instances.Select((instance, i) => sheet.Evaluate(Resource(instance), tallies[i], query)).ToList();
    }

    private async Task<BackupTally> RdsTallyAsync(string instanceId, CancellationToken cancellationToken)
    {
        var tally = new BackupTally();
        await Listings.ForEachAsync(huawei.GetRdsBackupsAsync(new() { InstanceId = instanceId }, Everything, cancellationToken),
            b => tally.Add(b.CreatedAt, BackupOutcomes.Database.Of(b.Status), b.Status), cancellationToken).ConfigureAwait(false);
        return tally;
    }

    private async Task<IReadOnlyList<BackupCoverage>> CbrAsync(CoverageQuery query, CancellationToken cancellationToken)
    {
        var servers = Listings.ToListAsync(huawei.GetCbrProtectablesAsync(new() { Type = CbrProtectableType.Server }, Everything, cancellationToken), cancellationToken);
        var disks = Listings.ToListAsync(huawei.GetCbrProtectablesAsync(new() { Type = CbrProtectableType.Disk }, Everything, cancellationToken), cancellationToken);
        var vaults = Listings.ToListAsync(huawei.GetCbrVaultsAsync(new(), Everything, cancellationToken), cancellationToken);
        var tallies = new BackupTallies();
        var backups = Listings.ForEachAsync(huawei.GetCbrBackupsAsync(new(), Everything, cancellationToken),
            b => tallies.Add(b.ResourceId, b.CreatedAt, BackupOutcomes.Cbr.Of(b.Status), b.Status), cancellationToken);
        await Task.WhenAll(servers, disks, vaults, backups).ConfigureAwait(false);
        return Sheet(CoverageService.CBR).Evaluate(CbrResources(servers.Result.Concat(disks.Result), vaults.Result), tallies, query);
    }

    /// <summary>The protectable servers and disks, then any resource a vault holds that they did not list; each with the vault that protects it.</summary>
    internal static IEnumerable<CoverageResource> CbrResources(IEnumerable<CbrProtectable> protectables, IReadOnlyList<CbrVault> vaults)
    {
        var vaultOf = new Dictionary<string, CbrVault>(StringComparer.Ordinal);
        foreach (var vault in vaults)
        {
            foreach (var resource in vault.Resources)
            {
                if (resource.Id is { Length: > 0 } id && !vaultOf.ContainsKey(id)) vaultOf[id] = vault;
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in protectables)
        {
            if (!seen.Add(p.Id)) continue;
            var protectedBy = vaultOf.TryGetValue(p.Id, out var vault) ? Protection(vault) : p.VaultId is null ? null : $"vault {p.VaultName ?? p.VaultId}";
            yield return new CoverageResource(p.Id, p.Name, p.ResourceType, protectedBy);
        }
        foreach (var vault in vaults)
        {
            foreach (var resource in vault.Resources)
            {
                if (resource.Id is { Length: > 0 } id && seen.Add(id)) yield return new CoverageResource(id, resource.Name, resource.Type, Protection(vaultOf[id]));
            }
        }
    }

    private static string Protection(CbrVault vault) => $"vault {vault.Name ?? vault.Id}";

    private static CoverageResource Resource(DatabaseInstance instance) =>
        new(instance.Id, instance.Name, instance.DatastoreType, AutomatedBackup(instance));

    /// <summary>The automated-backup setting as text, e.g. <c>automated backup, 7 days</c> (kept); null when off (keep days 0).</summary>
    internal static string? AutomatedBackup(DatabaseInstance instance) => instance.AutomatedBackup ? $"automated backup, {instance.BackupKeepDays} days" : null;
}
