using BackupQuery.Paging;
using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.ZStack;

/// <summary>ZStack <c>QueryDatabaseBackup</c>: query conditions, start/limit paging with <c>replyWithCount</c> for the total.</summary>
internal static class ZStackDatabaseBackupListing
{
    // Conditions are built (and validated) before the first request, so a bad filter is an invocation error, not a failed page.
    public static PagedApi<ZStackQueryReply<DatabaseBackupInventory>, ZStackDatabaseBackup> For(ZStackDatabaseBackupQuery query, Uri baseAddress,
        TimeZoneInfo serverZone, ZStackRecordMapper mapper) =>
        ZStackQueryListing.For(baseAddress, "database-backups", "QueryDatabaseBackup", query.Conditions(serverZone), query.Sort,
            ZStackJsonContext.Replies.Contract<ZStackQueryReply<DatabaseBackupInventory>>(), mapper.Map);
}
