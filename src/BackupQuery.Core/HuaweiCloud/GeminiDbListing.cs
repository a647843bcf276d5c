using BackupQuery.Paging;
using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>GeminiDB (GaussDB NoSQL) backups: <c>ShowAllInstancesBackupsNew</c>, offset paging up to <c>total_count</c>, 100 at most per page.</summary>
internal static class GeminiDbListing
{
    public const int MaxPageSize = 100;

    public static PagedApi<GeminiDbBackupsReply, GeminiDbBackup> For(GeminiDbBackupQuery query, HuaweiCloudProject project) =>
        project.Listing(HuaweiCloudEndpoints.GeminiDb, "v3.1", "backups", "ShowAllInstancesBackupsNew", query.Parameters(project.Now), PagingStrategy.Offset, MaxPageSize,
            HuaweiCloudJsonContext.Replies.Contract<GeminiDbBackupsReply>(), r => r?.Backups, project.Mapper.Map, r => r?.TotalCount);
}
