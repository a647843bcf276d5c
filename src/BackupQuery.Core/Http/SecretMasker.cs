using System.Text.RegularExpressions;

namespace BackupQuery.Http;

/// <summary>Masks credentials in what Debug prints: auth headers, signatures, and password-like JSON members.</summary>
public static class SecretMasker
{
    public const string Mask = "***";

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "X-Auth-Token", "X-Subject-Token", "X-Security-Token", "Proxy-Authorization", "Cookie", "Set-Cookie",
    };

    private static readonly Regex SecretJsonMember = new(
        "(\"(?:password|secret|token|sessionUuid|access_key|secret_key|securitytoken|sk)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static bool IsSecretHeader(string name) => SecretHeaders.Contains(name);

    public static string HeaderValue(string name, string value) => IsSecretHeader(name) ? MaskAuthorization(name, value) : value;

    /// <summary>Keeps the scheme and the access key id of an Authorization header (useful when debugging), masks the rest.</summary>
    private static string MaskAuthorization(string name, string value)
    {
        if (!name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) return Mask;
        var space = value.IndexOf(' ');
        return space < 0 ? Mask : value.Substring(0, space) + " " + Mask;
    }

    public static string Body(string body) => SecretJsonMember.Replace(body, "$1\"" + Mask + "\"");
}
