using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>Outcome of checking one AK/SK-signed request.</summary>
public sealed record AkSkResult(bool Success, string? AccessKeyId, string? ProjectIdHeader, string? Failure);

/// <summary>Verifies <c>Authorization: SDK-HMAC-SHA256 ...</c> against the emulator's permanent and temporary keys.</summary>
public sealed class AkSkVerifier(EmulatorOptions options)
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(15);
    private const string SignatureFailure = "Incorrect IAM authentication information: verify aksk signature fail";

    private int _failures;
    private volatile string? _lastCanonicalRequest;

    /// <summary>AK/SK requests rejected so far (bad signature, date, key or security token).</summary>
    public int FailureCount => Volatile.Read(ref _failures);

    /// <summary>The canonical request built for the most recent AK/SK request: compare with the client's when a test fails.</summary>
    public string? LastCanonicalRequest => _lastCanonicalRequest;

    public static bool IsSigned(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith(SdkHmacSha256.Algorithm + " ", StringComparison.Ordinal);

    public async Task<AkSkResult> VerifyAsync(HttpContext context)
    {
        var result = await CheckAsync(context);
        if (!result.Success) Interlocked.Increment(ref _failures);
        return result;
    }

    private async Task<AkSkResult> CheckAsync(HttpContext context)
    {
        var request = context.Request;
        var fields = ParseAuthorization(request.Headers.Authorization.ToString());
        if (fields is null || !fields.TryGetValue("Access", out var ak) || !fields.TryGetValue("SignedHeaders", out var signedList) ||
            !fields.TryGetValue("Signature", out var signature))
            return Fail("Incorrect IAM authentication information: malformed Authorization header");

        string sk;
        var temporary = ak == options.HuaweiTemporaryAccessKeyId;
        if (ak == options.HuaweiAccessKeyId) sk = options.HuaweiSecretAccessKey;
        else if (temporary) sk = options.HuaweiTemporarySecretAccessKey;
        else return Fail($"Incorrect IAM authentication information: Get secretKey failed, ak:{ak}");

        var signed = signedList.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (!signed.Contains("x-sdk-date")) return Fail(SignatureFailure);

        var sdkDate = request.Headers["X-Sdk-Date"].ToString();
        if (!DateTime.TryParseExact(sdkDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return Fail("Incorrect IAM authentication information: x-sdk-date is missing or malformed");
        if ((DateTime.UtcNow - date).Duration() > ClockSkew)
            return Fail("Incorrect IAM authentication information: the request has expired (x-sdk-date differs from server time by more than 15 minutes)");

        if (temporary)
        {
            var securityToken = request.Headers["X-Security-Token"].ToString();
            if (securityToken != options.HuaweiSecurityToken || !signed.Contains("x-security-token"))
                return Fail("Incorrect IAM authentication information: the security token is missing, wrong or not signed");
        }

        var (path, query) = RawTarget(context);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in signed)
            headers[name] = name == "host" ? request.Host.Value ?? "" : string.Join(",", request.Headers[name].ToArray());
        var body = await ReadBodyAsync(request);
        var payloadHash = request.Headers["X-Sdk-Content-Sha256"].ToString() == "UNSIGNED-PAYLOAD" ? "UNSIGNED-PAYLOAD" : null;
        var canonical = SdkHmacSha256.BuildCanonicalRequest(request.Method, path, query, headers, body, signed, payloadHash);
        _lastCanonicalRequest = canonical;

        var expected = SdkHmacSha256.Sign(sk, sdkDate, canonical);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant())))
            return Fail(SignatureFailure);

        var projectHeader = request.Headers["X-Project-Id"].ToString();
        return new AkSkResult(true, ak, projectHeader.Length == 0 ? null : projectHeader, null);
    }

    private static AkSkResult Fail(string message) => new(false, null, null, message);

    /// <summary>The path and query exactly as sent: the decoded Request.Path would hide the client's encoding.</summary>
    private static (string Path, string Query) RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw)) return (context.Request.PathBase + context.Request.Path, context.Request.QueryString.Value ?? "");
        var q = raw.IndexOf('?');
        return q < 0 ? (raw, "") : (raw[..q], raw[(q + 1)..]);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding"))) return [];
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        request.Body.Position = 0;
        return buffer.ToArray();
    }

    /// <summary><c>SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex</c> → its three fields.</summary>
    private static Dictionary<string, string>? ParseAuthorization(string header)
    {
        if (!header.StartsWith(SdkHmacSha256.Algorithm + " ", StringComparison.Ordinal)) return null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(SdkHmacSha256.Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq > 0) fields[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        return fields;
    }
}
