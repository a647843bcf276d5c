using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BackupQuery.Http;

namespace BackupQuery.Paging;

/// <summary>Where the next page starts, read off a reply's bytes before they are parsed; null when not found.</summary>
internal delegate string? EarlyMarkerReader(ReadOnlySpan<byte> body);

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
    /// Marker paging only: reads the next marker off a reply's bytes, so the next page is asked for while this one is
    /// parsed and mapped. Without it, the next page goes out once this one is read.
    /// </summary>
    public EarlyMarkerReader? EarlyNextMarker { get; init; }

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

    private FetchedPage<TRecord> FetchPageAsync(ApiPipeline pipeline, ProgressWatch progress, PageCursor cursor, int limit, CancellationToken cancellationToken)
    {
        if (EarlyNextMarker is not { } early) return new(FetchAsync(pipeline, progress, cursor, limit, ReadAsync, cancellationToken), null);
        var nextMarker = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        return new(FetchTellingMarkerAsync(), nextMarker.Task);

        async Task<Page<TRecord>> FetchTellingMarkerAsync()
        {
            try
            {
                return await FetchAsync(pipeline, progress, cursor, limit, async (_, stream, ct) =>
                {
                    // The whole body first (one page of marker paging at a time), its next marker told, then one parse.
                    using var body = await ReplyBytes.ReadAsync(stream, ct).ConfigureAwait(false);
                    nextMarker.TrySetResult(early(body.Span));
                    return JsonSerializer.Deserialize(body.Span, Reply);
                }, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                nextMarker.TrySetResult(null);
            }
        }
    }

    private async Task<Page<TRecord>> FetchAsync(ApiPipeline pipeline, ProgressWatch progress, PageCursor cursor, int limit,
        Func<HttpResponseMessage, Stream, CancellationToken, ValueTask<TReply?>> read, CancellationToken cancellationToken)
    {
        var reply = await pipeline.SendAsync(Request(cursor, limit), read, ItemCount, cancellationToken, progress).ConfigureAwait(false);
        return ToPage(reply);
    }

    private ValueTask<TReply?> ReadAsync(HttpResponseMessage response, Stream stream, CancellationToken cancellationToken) =>
        new(JsonSerializer.DeserializeAsync(stream, Reply, cancellationToken).AsTask());
}
