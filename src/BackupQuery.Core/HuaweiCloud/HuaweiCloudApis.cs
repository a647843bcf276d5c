using BackupQuery.Paging;
using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>The Huawei Cloud listing APIs this module reads, each declared once (spec §6-§9).</summary>
internal static class HuaweiCloudApis
{
    /// <summary>GeminiDB (GaussDB NoSQL) backups: offset paging up to <c>total_count</c>, 100 at most per page.</summary>
    public static readonly HuaweiCloudApi<GeminiDbBackupsReply, GeminiDbBackupDto> GeminiDbBackups = new(
        HuaweiCloudService.GeminiDb, "v3.1", "backups", "ShowAllInstancesBackupsNew", PagingStrategy.Offset, MaxPageSize: 100,
        HuaweiCloudJsonContext.Replies.Contract<GeminiDbBackupsReply>(), r => r?.Backups, r => r?.TotalCount);

    /// <summary>Relational RDS backups of one instance: offset paging up to <c>total_count</c>, 100 at most per page.</summary>
    public static readonly HuaweiCloudApi<RdsBackupsReply, RdsBackupDto> RdsBackups = new(
        HuaweiCloudService.Rds, "v3", "backups", "ListBackups", PagingStrategy.Offset, MaxPageSize: 100,
        HuaweiCloudJsonContext.Replies.Contract<RdsBackupsReply>(), r => r?.Backups, r => r?.TotalCount);

    /// <summary>CBR backups: offset paging up to <c>count</c> (the total of matches, not the page size), 1,000 at most per page.</summary>
    public static readonly HuaweiCloudApi<CbrBackupsReply, CbrBackupDto> CbrBackups = new(
        HuaweiCloudService.Cbr, "v3", "backups", "ListBackups", PagingStrategy.Offset, MaxPageSize: 1000,
        HuaweiCloudJsonContext.Replies.Contract<CbrBackupsReply>(), r => r?.Backups, r => r?.Count);

    /// <summary>
    /// VBS backups, summary: marker paging (a backup's id is its marker), 1,000 at most per page. The pages after the last
    /// one taken are asked for ahead by <c>offset</c> after its marker, each checked to start with the last record taken
    /// (the spec lists <c>offset</c> but does not say how it combines with <c>marker</c>; Cinder passes over records after
    /// the marker, and a server that does otherwise is met as pages that do not start there). The reply's <c>count</c> is not used.
    /// </summary>
    public static readonly HuaweiCloudApi<VbsBackupsReply<VbsBackupDto>, VbsBackupDto> VbsBackups = Vbs<VbsBackupDto>("backups", "ListBackups");

    /// <summary>VBS backups with details: as <see cref="VbsBackups"/>, from <c>backups/detail</c>.</summary>
    public static readonly HuaweiCloudApi<VbsBackupsReply<VbsBackupDetailDto>, VbsBackupDetailDto> VbsBackupDetails =
        Vbs<VbsBackupDetailDto>("backups/detail", "ListBackupsDetails");

    /// <summary>GeminiDB instances (<c>ListInstances</c>): offset paging up to <c>total_count</c>, 100 at most per page.</summary>
    public static readonly HuaweiCloudApi<DatabaseInstancesReply, DatabaseInstanceDto> GeminiDbInstances = new(
        HuaweiCloudService.GeminiDb, "v3", "instances", "ListInstances", PagingStrategy.Offset, MaxPageSize: 100,
        HuaweiCloudJsonContext.Replies.Contract<DatabaseInstancesReply>(), r => r?.Instances, r => r?.TotalCount);

    /// <summary>Relational RDS instances: the same shape, on the rds endpoint.</summary>
    public static readonly HuaweiCloudApi<DatabaseInstancesReply, DatabaseInstanceDto> RdsInstances = GeminiDbInstances with { Service = HuaweiCloudService.Rds };

    /// <summary>CBR vaults (<c>ListVault</c>): offset paging up to <c>count</c>, 1,000 at most per page.</summary>
    public static readonly HuaweiCloudApi<CbrVaultsReply, CbrVaultDto> CbrVaults = new(
        HuaweiCloudService.Cbr, "v3", "vaults", "ListVault", PagingStrategy.Offset, MaxPageSize: 1000,
        HuaweiCloudJsonContext.Replies.Contract<CbrVaultsReply>(), r => r?.Vaults, r => r?.Count);

    /// <summary>CBR protectable servers (<c>ListProtectable</c>): offset paging, 50 at most per page, no total (a short page ends it).</summary>
    public static readonly HuaweiCloudApi<CbrProtectablesReply, CbrProtectableDto> CbrProtectableServers = new(
        HuaweiCloudService.Cbr, "v3", "protectables/server/instances", "ListProtectable", PagingStrategy.Offset, MaxPageSize: 50,
        HuaweiCloudJsonContext.Replies.Contract<CbrProtectablesReply>(), r => r?.Instances, _ => null);

    /// <summary>CBR protectable disks: as <see cref="CbrProtectableServers"/>, of <c>disk</c>.</summary>
    public static readonly HuaweiCloudApi<CbrProtectablesReply, CbrProtectableDto> CbrProtectableDisks =
        CbrProtectableServers with { Resource = "protectables/disk/instances" };

    private static HuaweiCloudApi<VbsBackupsReply<T>, T> Vbs<T>(string resource, string operation) where T : VbsBackupDto => new(
        HuaweiCloudService.Vbs, "v2", resource, operation, PagingStrategy.MarkerAndOffset, MaxPageSize: 1000,
        HuaweiCloudJsonContext.Replies.Contract<VbsBackupsReply<T>>(), r => r?.Backups, r => r?.Count, VbsNextLink.NextMarker,
        VbsNextLink.NextMarkerOf, b => b.Id);
}
