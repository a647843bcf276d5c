using BackupQuery.Paging;

namespace BackupQuery.HuaweiCloud;

/// <summary>The Huawei Cloud listing APIs this module reads, each declared once (spec §6-§9).</summary>
internal static class HuaweiCloudApis
{
    /// <summary>GeminiDB (GaussDB NoSQL) backups: offset paging up to <c>total_count</c>, 100 at most per page.</summary>
    public static readonly HuaweiCloudApi<GeminiDbBackupsReply, GeminiDbBackupDto> GeminiDbBackups = new(
        HuaweiCloudService.GeminiDb, "v3.1", "backups", "ShowAllInstancesBackupsNew", PagingStrategy.Offset, MaxPageSize: 100,
        HuaweiCloudJsonContext.Default.GeminiDbBackupsReply, r => r?.Backups, r => r?.TotalCount);

    /// <summary>Relational RDS backups of one instance: offset paging up to <c>total_count</c>, 100 at most per page.</summary>
    public static readonly HuaweiCloudApi<RdsBackupsReply, RdsBackupDto> RdsBackups = new(
        HuaweiCloudService.Rds, "v3", "backups", "ListBackups", PagingStrategy.Offset, MaxPageSize: 100,
        HuaweiCloudJsonContext.Default.RdsBackupsReply, r => r?.Backups, r => r?.TotalCount);

    /// <summary>CBR backups: offset paging up to <c>count</c> (the total of matches, not the page size), 1,000 at most per page.</summary>
    public static readonly HuaweiCloudApi<CbrBackupsReply, CbrBackupDto> CbrBackups = new(
        HuaweiCloudService.Cbr, "v3", "backups", "ListBackups", PagingStrategy.Offset, MaxPageSize: 1000,
        HuaweiCloudJsonContext.Default.CbrBackupsReply, r => r?.Backups, r => r?.Count);

    /// <summary>
    /// VBS backups, summary: marker paging, 1,000 at most per page. The reply's <c>count</c> is not used to plan pages:
    /// a marker cannot address a page ahead of the one that names it.
    /// </summary>
    public static readonly HuaweiCloudApi<VbsBackupsReply, VbsBackupDto> VbsBackups = new(
        HuaweiCloudService.Vbs, "v2", "backups", "ListBackups", PagingStrategy.Marker, MaxPageSize: 1000,
        HuaweiCloudJsonContext.Default.VbsBackupsReply, r => r?.Backups, r => r?.Count, VbsNextLink.NextMarker);

    /// <summary>VBS backups with details: as <see cref="VbsBackups"/>, from <c>backups/detail</c>.</summary>
    public static readonly HuaweiCloudApi<VbsBackupsReply, VbsBackupDto> VbsBackupDetails =
        VbsBackups with { Resource = "backups/detail", Operation = "ListBackupsDetails" };
}
