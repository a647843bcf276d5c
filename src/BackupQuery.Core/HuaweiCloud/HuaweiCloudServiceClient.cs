using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BackupQuery.Http;
using BackupQuery.Paging;

namespace BackupQuery.HuaweiCloud;

/// <summary>One paged backup-listing API: where it lives, how it pages, and how a reply becomes a page of records.</summary>
internal sealed class BackupListing<TReply, TRecord>
{
    /// <summary>Endpoint key (<see cref="HuaweiCloudEndpoints"/>).</summary>
    public required string Service { get; init; }
    /// <summary>Path below the endpoint up to the project id, e.g. <c>v3</c>.</summary>
    public required string Version { get; init; }
    /// <summary>Path below the project id, e.g. <c>backups</c>.</summary>
    public required string Resource { get; init; }
    public required string Operation { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Filters { get; init; }
    public required JsonTypeInfo<TReply> ReplyType { get; init; }
    public required Func<TReply?, int?> ItemCount { get; init; }
    public required Func<TReply?, Page<TRecord>> ToPage { get; init; }
    public required PagingStrategy Strategy { get; init; }
    public required int DefaultPageSize { get; init; }
    public required int MaxPageSize { get; init; }
}

/// <summary>
/// The plumbing the four service clients share: project-scoped requests on the configured endpoint, the one
/// pipeline, source-generated reading, and the one pager (offset or marker).
/// </summary>
internal sealed class HuaweiCloudServiceClient(ApiPipeline pipeline, HuaweiCloudEndpoints endpoints, string projectId)
{
    public IAsyncEnumerable<TRecord> ListAsync<TReply, TRecord>(BackupListing<TReply, TRecord> listing, PagingOptions paging, CancellationToken cancellationToken) =>
        PagedListing.StreamAsync((cursor, limit, ct) => FetchPageAsync(listing, cursor, limit, ct),
            listing.Strategy, listing.DefaultPageSize, listing.MaxPageSize, paging, pipeline.Limit.Maximum, cancellationToken);

    private async Task<Page<TRecord>> FetchPageAsync<TReply, TRecord>(BackupListing<TReply, TRecord> listing, PageCursor cursor, int limit, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Get, endpoints[listing.Service], $"{listing.Version}/{UriEncoding.Encode(projectId)}/{listing.Resource}", listing.Operation);
        request.Query.AddRange(listing.Filters);
        if (listing.Strategy == PagingStrategy.Marker) request.AddQuery("marker", cursor.Marker);
        else request.AddQuery("offset", cursor.Offset);
        request.AddQuery("limit", limit);
        var reply = await pipeline.SendAsync(request,
            (stream, ct) => new ValueTask<TReply?>(JsonSerializer.DeserializeAsync(stream, listing.ReplyType, ct).AsTask()),
            listing.ItemCount, cancellationToken).ConfigureAwait(false);
        return listing.ToPage(reply);
    }
}
