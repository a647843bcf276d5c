using System.Text.RegularExpressions;

namespace BackupQuery.Http;

/// <summary>
/// Masks credentials in what Debug prints: HTTP's own credential headers plus those a provider names, signatures, and
/// JSON members that hold secrets. Header names are matched in any case (a proxy may lower them).
/// </summary>
internal sealed class SecretMasker
{
    public const string Mask = "***";

    private static readonly string[] HttpCredentialHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie"];
    private static readonly string[] SecretMembers = ["password", "secret", "token"];

    private readonly HashSet<string> _headers;
    private readonly Regex _members;

    /// <param name="secretHeaders">The provider's headers that carry a credential (e.g. a token header).</param>
    /// <param name="secretMembers">The provider's JSON members that carry one (e.g. a session id).</param>
    public SecretMasker(IEnumerable<string> secretHeaders, IEnumerable<string> secretMembers)
    {
        _headers = new HashSet<string>(HttpCredentialHeaders.Concat(secretHeaders), StringComparer.OrdinalIgnoreCase);
        var members = string.Join("|", SecretMembers.Concat(secretMembers).Select(Regex.Escape));
        _members = new Regex($"(\"(?:{members})\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public bool IsSecretHeader(string name) => _headers.Contains(name);

    public string HeaderValue(string name, string value) => IsSecretHeader(name) ? MaskCredential(name, value) : value;

    public string Body(string body) => _members.Replace(body, "$1\"" + Mask + "\"");

    /// <summary>Keeps the scheme of an Authorization header (useful when debugging), masks the rest.</summary>
    private static string MaskCredential(string name, string value)
    {
        if (!name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) return Mask;
        var space = value.IndexOf(' ');
        return space < 0 ? Mask : value.Substring(0, space) + " " + Mask;
    }
}
