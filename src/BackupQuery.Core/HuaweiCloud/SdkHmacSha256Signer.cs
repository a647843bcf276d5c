using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackupQuery.Http;

namespace BackupQuery.HuaweiCloud;

/// <summary>
/// Huawei Cloud's AK/SK signature (SDK-HMAC-SHA256, spec §3) as pure functions, so each step can be checked against
/// the published vectors. No key derivation: the SK itself is the HMAC key.
/// </summary>
internal static class SdkHmacSha256Signer
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateHeader = "X-Sdk-Date";

    /// <summary>SHA-256 of an empty body, the hash every GET signs.</summary>
    public const string EmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The <c>X-Sdk-Date</c> value: UTC <c>yyyyMMdd'T'HHmmss'Z'</c>.</summary>
    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Each segment of the (unescaped or escaped) absolute path percent-encoded strictly; always ends with '/'.</summary>
    public static string CanonicalUri(string absolutePath)
    {
        var segments = absolutePath.Split('/').Select(s => UriEncoding.Encode(UriEncoding.Decode(s)));
        var joined = string.Join("/", segments);
        if (!joined.StartsWith("/", StringComparison.Ordinal)) joined = "/" + joined;
        return joined.EndsWith("/", StringComparison.Ordinal) ? joined : joined + "/";
    }

    /// <summary>
    /// <c>key=value</c> pairs, keys and values encoded, sorted ordinally by key, then a repeated key's values by value,
    /// joined with '&amp;'. Sorting whole <c>key=value</c> strings would differ when one key is a prefix of another
    /// (<c>a0=1</c> sorts before <c>a=1</c>).
    /// </summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join("&", query
            .Select(p => (Key: UriEncoding.Encode(p.Key), Value: UriEncoding.Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));

    /// <summary>The headers to sign: lower-case names, trimmed values, sorted; never content-type or names with '_'.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> HeadersToSign(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Select(h => new KeyValuePair<string, string>(h.Key.Trim().ToLowerInvariant(), h.Value.Trim()))
            .Where(h => h.Key != "content-type" && h.Key.IndexOf('_') < 0)
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary><c>name:value\n</c> per signed header (the trailing newline included).</summary>
    public static string CanonicalHeaders(IReadOnlyList<KeyValuePair<string, string>> signed)
    {
        var text = new StringBuilder();
        foreach (var h in signed) text.Append(h.Key).Append(':').Append(h.Value).Append('\n');
        return text.ToString();
    }

    public static string SignedHeaders(IReadOnlyList<KeyValuePair<string, string>> signed) => string.Join(";", signed.Select(h => h.Key));

    public static string HashHex(byte[] data)
    {
        using var sha = SHA256.Create();
        return Hex.Lower(sha.ComputeHash(data));
    }

    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery, string canonicalHeaders, string signedHeaders, string bodyHash) =>
        string.Join("\n", method.ToUpperInvariant(), canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, bodyHash);

    public static string StringToSign(string sdkDate, string canonicalRequest) =>
        Algorithm + "\n" + sdkDate + "\n" + HashHex(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>Lower-case hex HMAC-SHA256 of the string to sign, keyed with the SK's UTF-8 bytes.</summary>
    public static string Signature(string secretKey, string stringToSign)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
        return Hex.Lower(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string AuthorizationHeader(string accessKeyId, string signedHeaders, string signature) =>
        $"{Algorithm} Access={accessKeyId}, SignedHeaders={signedHeaders}, Signature={signature}";

    /// <summary>
    /// Every step at once: the Authorization value for a request. <paramref name="headers"/> must hold the values
    /// that will be sent, <c>X-Sdk-Date</c> included.
    /// </summary>
    public static string Sign(string accessKeyId, string secretKey, string method, string absolutePath,
        IEnumerable<KeyValuePair<string, string>> query, IEnumerable<KeyValuePair<string, string>> headers, byte[]? body)
    {
        var signed = HeadersToSign(headers);
        var date = signed.FirstOrDefault(h => h.Key == "x-sdk-date").Value
            ?? throw new ArgumentException("The X-Sdk-Date header must be among the signed headers.", nameof(headers));
        var signedNames = SignedHeaders(signed);
        var canonical = CanonicalRequest(method, CanonicalUri(absolutePath), CanonicalQuery(query), CanonicalHeaders(signed), signedNames,
            body is null || body.Length == 0 ? EmptyBodyHash : HashHex(body));
        return AuthorizationHeader(accessKeyId, signedNames, Signature(secretKey, StringToSign(date, canonical)));
    }
}
