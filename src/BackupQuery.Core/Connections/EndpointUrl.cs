namespace BackupQuery.Connections;

/// <summary>
/// The user name and password a URL may carry (<c>http://user:secret@host/</c>). No provider authenticates with them,
/// so an endpoint drops them before it is kept or used, and a URL echoed in a message shows <c>***@</c> in their place.
/// </summary>
internal static class EndpointUrl
{
    /// <summary>True when <paramref name="url"/> has a user-info part (text between <c>://</c> and <c>@</c> before the path).</summary>
    public static bool HasUserInfo(string? url) => UserInfoSpan(url) is not null;

    /// <summary><paramref name="uri"/> without its user-info part.</summary>
    public static Uri WithoutUserInfo(Uri uri) => string.IsNullOrEmpty(uri.UserInfo) ? uri : new UriBuilder(uri) { UserName = "", Password = "" }.Uri;

    /// <summary><paramref name="url"/> as a message may show it: any user-info part replaced by <c>***</c>.</summary>
    public static string Redact(string? url)
    {
        var text = url ?? "";
        return UserInfoSpan(text) is { } span ? text.Substring(0, span.Start) + "***" + text.Substring(span.End) : text;
    }

    // Read from the text, not from System.Uri: a URL that does not parse may still hold a password.
    private static (int Start, int End)? UserInfoSpan(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var scheme = url!.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], start);
        if (authorityEnd < 0) authorityEnd = url.Length;
        if (authorityEnd == start) return null;
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - start);
        return at < start ? null : (start, at);
    }
}
