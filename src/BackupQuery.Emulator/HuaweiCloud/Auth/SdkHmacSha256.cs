using System.Security.Cryptography;
using System.Text;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// The SDK-HMAC-SHA256 algorithm (spec §3), server side: it rebuilds the canonical request from what the server
/// received. Written from the spec, independently of the client's signer, and checked against the published vectors.
/// </summary>
public static class SdkHmacSha256
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string EmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary><c>METHOD\nURI\nQUERY\nHEADERS\n\nSIGNED\nHASH</c>.</summary>
    /// <param name="path">The raw request path as received (may be percent-encoded).</param>
    /// <param name="rawQuery">The raw query string as received, with or without the leading '?'.</param>
    /// <param name="headers">Header values by name (any case); only the signed ones are used.</param>
    /// <param name="signedHeaders">Lower-case names; sorted here.</param>
    /// <param name="bodyHash">Hex SHA-256 of the body; computed from <paramref name="body"/> when null.</param>
    public static string BuildCanonicalRequest(string method, string path, string? rawQuery,
        IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, IEnumerable<string> signedHeaders, string? bodyHash = null)
    {
        var names = signedHeaders.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray();
        var lookup = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        var sb = new StringBuilder();
        sb.Append(method.ToUpperInvariant()).Append('\n');
        sb.Append(CanonicalUri(path)).Append('\n');
        sb.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in names)
            sb.Append(name).Append(':').Append(lookup.TryGetValue(name, out var v) ? v.Trim() : "").Append('\n');
        sb.Append('\n');
        sb.Append(string.Join(';', names)).Append('\n');
        sb.Append(bodyHash ?? HexSha256(body));
        return sb.ToString();
    }

    /// <summary>Lower-case hex HMAC-SHA256(SK, StringToSign); the SK is the key as is (no derivation).</summary>
    public static string Sign(string secretKey, string sdkDate, string canonicalRequest) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(StringToSign(sdkDate, canonicalRequest)))).ToLowerInvariant();

    public static string StringToSign(string sdkDate, string canonicalRequest) =>
        $"{Algorithm}\n{sdkDate}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}";

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    /// <summary>Each segment percent-decoded then re-encoded; always ends with '/'.</summary>
    public static string CanonicalUri(string path)
    {
        var segments = path.Split('/').Select(s => Encode(Uri.UnescapeDataString(s)));
        var uri = string.Join('/', segments);
        if (!uri.StartsWith('/')) uri = "/" + uri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    /// <summary>Keys sorted ordinally, repeated keys' values sorted, all re-encoded. A raw '+' decodes to a space.</summary>
    public static string CanonicalQuery(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery)) return "";
        var query = rawQuery[0] == '?' ? rawQuery[1..] : rawQuery;
        var pairs = new List<(string Key, string Value)>();
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add((Encode(FormDecode(key)), Encode(FormDecode(value))));
        }
        return string.Join('&', pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    private static string FormDecode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    /// <summary>Unreserved <c>A-Z a-z 0-9 - _ . ~</c> pass; everything else is %XX (upper-case) over UTF-8.</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }
}
