using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using BackupQuery.Http;
using BackupQuery.Paging;

namespace BackupQuery.ZStack;

/// <summary>
/// A ZStack <c>Query*</c> API (<c>GET /zstack/v1/{resource}</c>): <c>q</c> conditions, start/limit paging with
/// <c>replyWithCount</c> for the total, and an optional <c>sort</c>. Every ZStack query listing is one of these.
/// </summary>
internal static class ZStackQueryListing
{
    public const int DefaultPageSize = 1000;
    public const int MaxPageSize = 10000;

    public static PagedApi<ZStackQueryReply<TInventory>, TRecord> For<TInventory, TRecord>(Uri baseAddress, string resource, string operation,
        IReadOnlyList<ZStackCondition> conditions, string? sort, JsonTypeInfo<ZStackQueryReply<TInventory>> reply, Func<TInventory, TRecord> map) => new()
        {
            Request = (cursor, limit) =>
            {
                var request = new ApiRequest(HttpMethod.Get, baseAddress, "v1/" + resource, operation);
                foreach (var condition in conditions) request.AddQuery("q", condition.ToString());
                return request.AddPageQuery("start", cursor.Offset).AddQuery("limit", limit).AddQuery("replyWithCount", true).AddQuery("sort", sort);
            },
            Reply = reply,
            ItemCount = r => r?.Inventories?.Count,
            ToPage = r => new Page<TRecord>(r?.Inventories?.Select(map).ToList() ?? [], r?.Total),
            Strategy = PagingStrategy.Offset,
            DefaultPageSize = DefaultPageSize,
            MaxPageSize = MaxPageSize,
        };
}
