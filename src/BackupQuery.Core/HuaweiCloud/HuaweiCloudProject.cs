using System.Net.Http;
using BackupQuery.Http;
using BackupQuery.Paging;

namespace BackupQuery.HuaweiCloud;

/// <summary>What every Huawei listing shares: the project its requests are scoped to, the configured endpoints, how
/// records are stamped, and the clock that fills an open date range. Builds each service's <see cref="PagedApi{TReply,TRecord}"/>.</summary>
internal sealed class HuaweiCloudProject(HuaweiCloudEndpoints endpoints, string projectId, HuaweiCloudRecordMapper mapper, Func<DateTimeOffset> clock)
{
    public const string ProjectIdHeader = "X-Project-Id";

    public HuaweiCloudRecordMapper Mapper => mapper;

    public HuaweiCloudInventoryMapper Inventory { get; } = new(mapper.ConnectionName, mapper.Region, mapper.ProjectId);

    public DateTimeOffset Now => clock();

    /// <summary>A listing of <paramref name="api"/> with the filters, each item of a reply mapped to one record.</summary>
    public PagedApi<TReply, TRecord> Listing<TReply, TDto, TRecord>(HuaweiCloudApi<TReply, TDto> api, IReadOnlyList<KeyValuePair<string, string>> filters,
        Func<TDto, TRecord> map) => new()
        {
            Request = (cursor, limit) =>
            {
                var request = new ApiRequest(HttpMethod.Get, endpoints[api.Service], $"{api.Version}/{UriEncoding.Encode(projectId)}/{api.Resource}", api.Operation);
                // As the official SDKs send it (and sign it, with AK/SK).
                request.Headers[ProjectIdHeader] = projectId;
                request.Query.AddRange(filters);
                if (!api.Strategy.UsesMarkers) request.AddPageQuery("offset", cursor.Offset);
                else
                {
                    request.AddPageQuery("marker", cursor.Marker);
                    if (cursor.MarkerOffset > 0) request.AddQuery("offset", cursor.MarkerOffset);
                }
                return request.AddQuery("limit", limit);
            },
            Reply = api.Reply,
            ItemCount = r => api.Items(r)?.Count,
            ToPage = r =>
            {
                var items = api.Items(r);
                if (items is not { Count: > 0 }) return new Page<TRecord>([], api.Total(r), api.NextMarker?.Invoke(r));
                return new Page<TRecord>(items.Select(map).ToList(), api.Total(r), api.NextMarker?.Invoke(r),
                    api.RecordMarker?.Invoke(items[0]), api.RecordMarker?.Invoke(items[items.Count - 1]));
            },
            Strategy = api.Strategy,
            DefaultPageSize = api.MaxPageSize,
            MaxPageSize = api.MaxPageSize,
            EarlyNextMarker = api.EarlyNextMarker,
        };
}
