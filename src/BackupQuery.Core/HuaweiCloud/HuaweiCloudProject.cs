using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using BackupQuery.Http;
using BackupQuery.Paging;

namespace BackupQuery.HuaweiCloud;

/// <summary>What every Huawei listing shares: the project its requests are scoped to, the configured endpoints, how
/// records are stamped, and the clock that fills an open date range. Builds each service's <see cref="PagedApi{TReply,TRecord}"/>.</summary>
internal sealed class HuaweiCloudProject(HuaweiCloudEndpoints endpoints, string projectId, HuaweiCloudRecordMapper mapper, Func<DateTimeOffset> clock)
{
    public HuaweiCloudRecordMapper Mapper => mapper;

    public HuaweiCloudInventoryMapper Inventory { get; } = new(mapper.ConnectionName, mapper.Region, mapper.ProjectId);

    public DateTimeOffset Now => clock();

    /// <summary>
    /// A listing of <c>GET {endpoint}/{version}/{project_id}/{resource}</c> with the filters, paged by offset/limit or
    /// marker/limit up to <paramref name="maxPageSize"/> (also the default), whose reply holds a list of
    /// <typeparamref name="TDto"/> mapped one to one, the total, and for marker paging the next marker.
    /// </summary>
    public PagedApi<TReply, TRecord> Listing<TReply, TDto, TRecord>(string service, string version, string resource, string operation,
        IReadOnlyList<KeyValuePair<string, string>> filters, PagingStrategy strategy, int maxPageSize, JsonTypeInfo<TReply> reply,
        Func<TReply?, List<TDto>?> items, Func<TDto, TRecord> map, Func<TReply?, long?> total, Func<TReply?, string?>? nextMarker = null) => new()
        {
            Request = (cursor, limit) =>
            {
                var request = new ApiRequest(HttpMethod.Get, endpoints[service], $"{version}/{UriEncoding.Encode(projectId)}/{resource}", operation);
                request.Query.AddRange(filters);
                if (strategy == PagingStrategy.Marker) request.AddQuery("marker", cursor.Marker);
                else request.AddQuery("offset", cursor.Offset);
                return request.AddQuery("limit", limit);
            },
            Reply = reply,
            ItemCount = r => items(r)?.Count,
            ToPage = r => new Page<TRecord>(items(r)?.Select(map).ToList() ?? [], total(r), nextMarker?.Invoke(r)),
            Strategy = strategy,
            DefaultPageSize = maxPageSize,
            MaxPageSize = maxPageSize,
        };
}
