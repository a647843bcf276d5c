using BackupQuery.Paging;
using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>CBR backups: <c>ListBackups</c>, offset paging up to <c>count</c> (the total of matches, not the page size), 1,000 at most per page.</summary>
internal static class CbrListing
{
    public const int MaxPageSize = 1000;

    public static PagedApi<CbrBackupsReply, CbrBackup> For(CbrBackupQuery query, HuaweiCloudProject project) =>
        project.Listing(HuaweiCloudEndpoints.Cbr, "v3", "backups", "ListBackups", query.Parameters(), PagingStrategy.Offset, MaxPageSize,
            HuaweiCloudJsonContext.Replies.Contract<CbrBackupsReply>(), r => r?.Backups, project.Mapper.Map, r => r?.Count);
}
