using System.Net.Http;

namespace BackupQuery.Http;

/// <summary>Reads a reply's Retry-After (seconds or an HTTP date).</summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return delta;
        if (header.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
