using System.Net.Http;
using System.Text.Json;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.ZStack;

/// <summary>The two ZStack database-backup APIs over the shared pipeline and pager.</summary>
internal sealed class ZStackClient(ApiPipeline pipeline, Uri baseAddress, TimeZoneInfo serverZone, ZStackRecordMapper mapper)
{
    public const int DefaultPageSize = 1000;
    public const int MaxPageSize = 10000;

    public IAsyncEnumerable<ZStackDatabaseBackup> QueryDatabaseBackupsAsync(ZStackDatabaseBackupQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        // Validate before the first request, so a bad filter is an invocation error, not a failed page.
        var conditions = query.Conditions(serverZone);
        return PagedListing.StreamAsync((cursor, limit, ct) => FetchPageAsync(conditions, query.Sort, cursor, limit, ct),
            PagingStrategy.Offset, DefaultPageSize, MaxPageSize, paging, pipeline.Limit.Maximum, cancellationToken);
    }

    private async Task<Page<ZStackDatabaseBackup>> FetchPageAsync(IReadOnlyList<ZStackCondition> conditions, string? sort, PageCursor cursor, int limit, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Get, baseAddress, "v1/database-backups", "QueryDatabaseBackup");
        foreach (var condition in conditions) request.AddQuery("q", condition.ToString());
        request.AddQuery("start", cursor.Offset).AddQuery("limit", limit).AddQuery("replyWithCount", true).AddQuery("sort", sort);
        var reply = await pipeline.SendAsync(request,
            (s, ct) => new ValueTask<ZStackQueryReply<DatabaseBackupInventory>?>(JsonSerializer.DeserializeAsync(s, ZStackJsonContext.Default.ZStackQueryReplyDatabaseBackupInventory, ct).AsTask()),
            r => r?.Inventories?.Count, cancellationToken).ConfigureAwait(false);
        var items = reply?.Inventories?.Select(mapper.Map).ToList() ?? [];
        return new Page<ZStackDatabaseBackup>(items, reply?.Total);
    }

    /// <summary>
    /// The scan returns everything in one reply; it goes through the pager all the same, as a single page without a
    /// next marker, so -First/-Skip/-IncludeTotalCount behave as on every other listing (applied on the client here).
    /// </summary>
    public IAsyncEnumerable<ZStackImageStoreBackup> GetImageStoreBackupsAsync(ImageStoreScan scan, PagingOptions paging, CancellationToken cancellationToken)
    {
        var url = scan.BuildUrl();
        return PagedListing.StreamAsync((_, _, ct) => ScanAsync(scan, url, ct), PagingStrategy.Marker, int.MaxValue, int.MaxValue, paging, readAhead: 1, cancellationToken);
    }

    private async Task<Page<ZStackImageStoreBackup>> ScanAsync(ImageStoreScan scan, string url, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Get, baseAddress, "v1/database-backups/image-store", "GetDatabaseBackupFromImageStore");
        request.SensitiveQueryKeys.Add("url");
        request.AddQuery("url", url).AddQuery("registryPort", scan.RegistryPort);
        var reply = await pipeline.SendAsync(request,
            (s, ct) => new ValueTask<ImageStoreReply?>(JsonSerializer.DeserializeAsync(s, ZStackJsonContext.Default.ImageStoreReply, ct).AsTask()),
            r => r?.Backups?.Count ?? r?.Infos?.Count, cancellationToken).ConfigureAwait(false);

        // Current servers reply `backups`; the documentation page shows the raw `infos`: read either.
        var items = reply?.Backups?.Select(b => mapper.Map(b, scan.Host)).ToList()
            ?? reply?.Infos?.Select(i => mapper.Map(i, scan.Host)).ToList()
            ?? [];
        return new Page<ZStackImageStoreBackup>(items, items.Count);
    }
}
