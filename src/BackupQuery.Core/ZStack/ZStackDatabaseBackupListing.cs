using System.Net.Http;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.ZStack;

/// <summary>ZStack <c>QueryDatabaseBackup</c>: query conditions, start/limit paging with <c>replyWithCount</c> for the total.</summary>
internal static class ZStackDatabaseBackupListing
{
    public const int DefaultPageSize = 1000;
    public const int MaxPageSize = 10000;

    public static PagedApi<ZStackQueryReply<DatabaseBackupInventory>, ZStackDatabaseBackup> For(ZStackDatabaseBackupQuery query, Uri baseAddress,
        TimeZoneInfo serverZone, ZStackRecordMapper mapper)
    {
        // Validate before the first request, so a bad filter is an invocation error, not a failed page.
        var conditions = query.Conditions(serverZone);
        return new()
        {
            Request = (cursor, limit) =>
            {
                var request = new ApiRequest(HttpMethod.Get, baseAddress, "v1/database-backups", "QueryDatabaseBackup");
                foreach (var condition in conditions) request.AddQuery("q", condition.ToString());
                return request.AddPageQuery("start", cursor.Offset).AddQuery("limit", limit).AddQuery("replyWithCount", true).AddQuery("sort", query.Sort);
            },
            Reply = ZStackJsonContext.Default.ZStackQueryReplyDatabaseBackupInventory,
            ItemCount = r => r?.Inventories?.Count,
            ToPage = r => new Page<ZStackDatabaseBackup>(r?.Inventories?.Select(mapper.Map).ToList() ?? [], r?.Total),
            Strategy = PagingStrategy.Offset,
            DefaultPageSize = DefaultPageSize,
            MaxPageSize = MaxPageSize,
        };
    }
}
