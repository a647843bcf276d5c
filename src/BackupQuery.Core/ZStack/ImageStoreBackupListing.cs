using System.Net.Http;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.ZStack;

/// <summary>
/// ZStack <c>GetDatabaseBackupFromImageStore</c>: the scan returns everything in one reply. It goes through the pager all
/// the same, as <see cref="PagingStrategy.SinglePage"/>, so -First/-Skip/-IncludeTotalCount behave as on every other
/// listing (applied on the client here).
/// </summary>
internal static class ImageStoreBackupListing
{
    public static PagedApi<ImageStoreReply, ZStackImageStoreBackup> For(ImageStoreScan scan, Uri baseAddress, ZStackRecordMapper mapper)
    {
        var url = scan.BuildUrl();
        return new()
        {
            Request = (_, _) =>
            {
                var request = new ApiRequest(HttpMethod.Get, baseAddress, "v1/database-backups/image-store", "GetDatabaseBackupFromImageStore");
                request.SensitiveQueryKeys.Add("url");
                return request.AddQuery("url", url).AddQuery("registryPort", scan.RegistryPort);
            },
            Reply = ZStackJsonContext.Default.ImageStoreReply,
            ItemCount = r => r?.Backups?.Count ?? r?.Infos?.Count,
            ToPage = r =>
            {
                // Current servers reply `backups`; the documentation page shows the raw `infos`: read either.
                var items = r?.Backups?.Select(b => mapper.Map(b, scan.Host)).ToList()
                    ?? r?.Infos?.Select(i => mapper.Map(i, scan.Host)).ToList()
                    ?? [];
                return new Page<ZStackImageStoreBackup>(items, items.Count);
            },
            Strategy = PagingStrategy.SinglePage,
            // The scan takes no page size.
            DefaultPageSize = int.MaxValue,
            MaxPageSize = int.MaxValue,
        };
    }
}
