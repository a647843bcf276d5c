using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BackupQuery.Http;

namespace BackupQuery.Paging;

/// <summary>
/// One paged listing API as data: how a page is asked for, how a reply is read into records, and how it pages. Every
/// listing of both providers is one of these, fetched by the one path in <see cref="StreamAsync"/>.
/// </summary>
internal sealed class PagedApi<TReply, TRecord>
{
    /// <summary>The request for the page at a cursor, of at most so many records (filters included).</summary>
    public required Func<PageCursor, int, ApiRequest> Request { get; init; }
    public required JsonTypeInfo<TReply> Reply { get; init; }
    public required Func<TReply?, Page<TRecord>> ToPage { get; init; }
    /// <summary>Items in a reply, for the Verbose line.</summary>
    public required Func<TReply?, int?> ItemCount { get; init; }
    public required PagingStrategy Strategy { get; init; }
    public required int DefaultPageSize { get; init; }
    public required int MaxPageSize { get; init; }

    /// <summary>
    /// Streams the listing through <paramref name="pipeline"/>, pages read ahead up to the connection's limit (one ahead
    /// when they cannot be addressed). Its requests share one <see cref="ProgressWatch"/>: they are retried while any of
    /// them succeeds.
    /// </summary>
    public IAsyncEnumerable<TRecord> StreamAsync(ApiPipeline pipeline, PagingOptions paging, CancellationToken cancellationToken)
    {
        var progress = new ProgressWatch();
        return PagedListing.StreamAsync((cursor, limit, ct) => FetchPageAsync(pipeline, progress, cursor, limit, ct), Strategy, DefaultPageSize, MaxPageSize,
            paging, pipeline.Limit.Maximum, cancellationToken);
    }

    private async Task<Page<TRecord>> FetchPageAsync(ApiPipeline pipeline, ProgressWatch progress, PageCursor cursor, int limit, CancellationToken cancellationToken)
    {
        var reply = await pipeline.SendAsync(Request(cursor, limit),
            (stream, ct) => new ValueTask<TReply?>(JsonSerializer.DeserializeAsync(stream, Reply, ct).AsTask()),
            ItemCount, cancellationToken, progress).ConfigureAwait(false);
        return ToPage(reply);
    }
}
