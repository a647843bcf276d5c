using System.Diagnostics;

namespace BackupQuery.Bench;

/// <summary>
/// A client with nothing but HttpClient and <see cref="PageScanner"/>. With one page in flight it is the sequential
/// page-at-a-time baseline; with several (pages planned from the first page's total, like the module) it is the raw
/// limit: the same bytes fetched and read by a bare Utf8JsonReader.
/// </summary>
internal static class RawLister
{
    /// <summary>Lists <paramref name="api"/>, or its first <paramref name="upTo"/> records (whole pages).</summary>
    public static async Task ListAsync(HttpClient http, BenchApi api, int inFlight, Action<string> onId, long upTo = long.MaxValue)
    {
        if (api.Marker)
        {
            string? marker = null;
            do
            {
                var page = await FetchAsync(http, api, api.PageUrl(0, marker, api.PageSize));
                var scanned = api.Scanner.Scan(page, onId);
                marker = MarkerOf(scanned.Next);
                upTo -= scanned.Count;
            }
            while (marker is not null && upTo > 0);
            return;
        }

        var first = api.Scanner.Scan(await FetchAsync(http, api, api.PageUrl(0, null, api.PageSize)), onId);
        var total = Math.Min(upTo, first.Total ?? throw new InvalidOperationException($"{api.Name}: no total in the first page"));
        var offsets = new Queue<long>();
        for (long offset = first.Count; offset < total; offset += api.PageSize) offsets.Enqueue(offset);
        var window = new Queue<Task<byte[]>>();
        while (offsets.Count > 0 || window.Count > 0)
        {
            while (window.Count < inFlight && offsets.TryDequeue(out var offset)) window.Enqueue(FetchAsync(http, api, api.PageUrl(offset, null, api.PageSize)));
            api.Scanner.Scan(await window.Dequeue(), onId);
        }
    }

    /// <summary>The time one request for the first page takes, start to last byte.</summary>
    public static async Task<TimeSpan> RoundTripAsync(HttpClient http, BenchApi api)
    {
        var watch = Stopwatch.StartNew();
        await FetchAsync(http, api, api.PageUrl(0, null, api.PageSize));
        return watch.Elapsed;
    }

    public static async Task<byte[]> FetchAsync(HttpClient http, BenchApi api, Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        api.Authenticate(request);
        using var reply = await http.SendAsync(request);
        reply.EnsureSuccessStatusCode();
        return await reply.Content.ReadAsByteArrayAsync();
    }

    private static string? MarkerOf(string? next)
    {
        if (next is null) return null;
        var query = next[(next.IndexOf('?') + 1)..];
        foreach (var pair in query.Split('&'))
        {
            if (pair.StartsWith("marker=", StringComparison.Ordinal)) return Uri.UnescapeDataString(pair["marker=".Length..]);
        }
        return null;
    }
}
