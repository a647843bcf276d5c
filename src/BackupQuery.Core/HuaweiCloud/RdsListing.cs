using BackupQuery.Paging;
using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.HuaweiCloud;

/// <summary>Relational RDS backups: <c>ListBackups</c> of one instance, offset paging up to <c>total_count</c>, 100 at most per page.</summary>
internal static class RdsListing
{
    public const int MaxPageSize = 100;

    public static PagedApi<RdsBackupsReply, RdsBackup> For(RdsBackupQuery query, HuaweiCloudProject project) =>
        project.Listing(HuaweiCloudEndpoints.Rds, "v3", "backups", "ListBackups", query.Parameters(project.Now), PagingStrategy.Offset, MaxPageSize,
            HuaweiCloudJsonContext.Replies.Contract<RdsBackupsReply>(), r => r?.Backups, project.Mapper.Map, r => r?.TotalCount);
}
