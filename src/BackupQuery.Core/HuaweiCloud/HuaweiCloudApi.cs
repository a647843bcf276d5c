using System.Text.Json.Serialization.Metadata;
using BackupQuery.Paging;

namespace BackupQuery.HuaweiCloud;

/// <summary>
/// One Huawei Cloud listing API as data: <c>GET {service endpoint}/{version}/{project_id}/{resource}</c>, its operation
/// name, how it pages (up to <paramref name="MaxPageSize"/>, also the default), and where a reply keeps its items, its
/// total and, for marker paging, the next marker (from the parsed reply, and from its bytes before they are parsed) and
/// the marker that names a record (<paramref name="RecordMarker"/>: its id, which pages read ahead are checked by).
/// <see cref="HuaweiCloudProject.Listing"/> turns it into a listing.
/// </summary>
internal sealed record HuaweiCloudApi<TReply, TDto>(
    HuaweiCloudService Service,
    string Version,
    string Resource,
    string Operation,
    PagingStrategy Strategy,
    int MaxPageSize,
    JsonTypeInfo<TReply> Reply,
    Func<TReply?, List<TDto>?> Items,
    Func<TReply?, long?> Total,
    Func<TReply?, string?>? NextMarker = null,
    EarlyMarkerReader? EarlyNextMarker = null,
    Func<TDto, string?>? RecordMarker = null);
