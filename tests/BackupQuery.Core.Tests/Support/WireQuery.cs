using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Core.Tests.Support;

/// <summary>
/// The query string of a request as the emulator received it, split into pairs, so a test compares whole values
/// (<c>limit=10</c> must not pass for <c>limit=1000</c>). Decoding is form decoding, as the servers do it.
/// </summary>
public static class WireQuery
{
    /// <summary>Decoded (key, value) pairs in wire order.</summary>
    public static IReadOnlyList<(string Key, string Value)> Pairs(this JournalEntry request) =>
        RawPairs(request).Select(p => p.IndexOf('=') is var eq and >= 0 ? (Decode(p[..eq]), Decode(p[(eq + 1)..])) : (Decode(p), "")).ToList();

    /// <summary>The still-encoded <c>key=value</c> texts, for tests about the encoding itself.</summary>
    public static IReadOnlyList<string> RawPairs(this JournalEntry request) =>
        request.RawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every value of <paramref name="key"/>, in wire order.</summary>
    public static IReadOnlyList<string> Values(this JournalEntry request, string key) =>
        request.Pairs().Where(p => p.Key == key).Select(p => p.Value).ToList();

    /// <summary>The value of a key sent exactly once (fails when it is missing or repeated).</summary>
    public static string Value(this JournalEntry request, string key) => Assert.Single(request.Values(key));

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
