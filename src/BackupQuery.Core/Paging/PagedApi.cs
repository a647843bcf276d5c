using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BackupQuery.Http;

namespace BackupQuery.Paging;

/// <summary>Where the next page starts, read off the last bytes of a reply (<paramref name="tail"/>, where the links follow
/// the records) before they are parsed; null when not found.</summary>
internal delegate string? EarlyMarkerReader(ReadOnlySpan<byte> tail);

/// <summary>
/// One paged listing API as data: how a page is asked for, how a reply is read into records, and how it pages. Every
/// listing of both providers is one of these, fetched by the one path in <see cref="StreamAsync"/>.
/// </summary>
internal sealed class PagedApi<TReply, TRecord>
{
    /// <summary>How much of a reply's end <see cref="EarlyNextMarker"/> sees: the links that follow the records.</summary>
    private const int EarlyMarkerBytes = 16 * 1024;

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
        var buffers = new ReplyBuffers();
        return PagedListing.StreamAsync((cursor, limit, ct) => FetchPageAsync(pipeline, progress, buffers, cursor, limit, ct), Strategy, DefaultPageSize, MaxPageSize,
            paging, pipeline.Limit.Maximum, cancellationToken);
    }

    private FetchedPage<TRecord> FetchPageAsync(ApiPipeline pipeline, ProgressWatch progress, ReplyBuffers buffers, PageCursor cursor, int limit,
        CancellationToken cancellationToken)
    {
        var nextMarker = EarlyNextMarker is null ? null : new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        return new(FetchAsync(pipeline, progress, buffers, Request(cursor, limit), nextMarker, cancellationToken), nextMarker?.Task);
    }

    /// <summary>Fetches a page's bytes (a body cut short is asked again by the pipeline), telling its next marker early where it can.</summary>
    private async Task<PageReply<TRecord>> FetchAsync(ApiPipeline pipeline, ProgressWatch progress, ReplyBuffers buffers, ApiRequest request,
        TaskCompletionSource<string?>? nextMarker, CancellationToken cancellationToken)
    {
        try
        {
            var (bytes, line) = await pipeline.SendUncountedAsync(request, (_, stream, ct) => new ValueTask<ReplyBytes>(ReplyBytes.ReadAsync(stream, buffers, ct)),
                cancellationToken, progress).ConfigureAwait(false);
            if (nextMarker is not null) nextMarker.TrySetResult(EarlyNextMarker!(bytes.Tail(EarlyMarkerBytes)));
            return new BytesReply(this, pipeline, progress, buffers, request, bytes, line);
        }
        finally
        {
            nextMarker?.TrySetResult(null);
        }
    }

    /// <summary>A reply read whole and parsed inside the attempt: for a page asked again because its bytes were not valid
    /// JSON, so that the pipeline retries broken JSON as any transient failure, and reports it when it stays broken.</summary>
    private async ValueTask<TReply?> ReadParsedAsync(ReplyBuffers buffers, Stream stream, CancellationToken cancellationToken)
    {
        using var bytes = await ReplyBytes.ReadAsync(stream, buffers, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, buffers);
    }

    /// <summary>Parses a reply's bytes from one span: a reader over several chunks is much slower than a copy into one buffer.</summary>
    private TReply? Parse(ReplyBytes bytes, ReplyBuffers buffers)
    {
        var body = bytes.Body;
        if (body.IsSingleSegment) return JsonSerializer.Deserialize(body.First.Span, Reply);
        var length = checked((int)body.Length);
        var whole = buffers.RentWhole(length);
        try
        {
            body.CopyTo(whole);
            return JsonSerializer.Deserialize(new ReadOnlySpan<byte>(whole, 0, length), Reply);
        }
        finally
        {
            buffers.ReturnWhole(whole);
        }
    }

    /// <summary>A reply's bytes, parsed and mapped when the listing reaches the page.</summary>
    private sealed class BytesReply(PagedApi<TReply, TRecord> api, ApiPipeline pipeline, ProgressWatch progress, ReplyBuffers buffers, ApiRequest request,
        ReplyBytes bytes, ApiPipeline.SuccessLine line) : PageReply<TRecord>
    {
        public override async ValueTask<Page<TRecord>> ReadAsync(CancellationToken cancellationToken)
        {
            TReply? reply;
            try
            {
                reply = api.Parse(bytes, buffers);
                line.Write(api.ItemCount(reply));
            }
            catch (JsonException e)
            {
                // Broken JSON: a body cut short on the way, or a proxy's page.
                line.Write(null, $"not valid JSON ({e.Message}), asking again");
                bytes.Dispose();
                reply = await pipeline.SendAsync(request, (_, stream, ct) => api.ReadParsedAsync(buffers, stream, ct), api.ItemCount, cancellationToken, progress)
                    .ConfigureAwait(false);
            }
            finally
            {
                bytes.Dispose();
            }
            return api.ToPage(reply);
        }

        public override void Dispose() => bytes.Dispose();
    }
}
