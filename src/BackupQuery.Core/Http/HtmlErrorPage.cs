using System.Net;
using System.Text.RegularExpressions;

namespace BackupQuery.Http;

/// <summary>
/// An error reply that is an HTML page (a plain web server, a proxy), not the API's own error body: both providers'
/// error readers show its status and title only, and say what the page means.
/// </summary>
internal static class HtmlErrorPage
{
    private static readonly Regex Title = new(@"<title[^>]*>(?<text>.*?)</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex Heading = new(@"<h1[^>]*>(?<text>.*?)</h1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new("<[^>]*>", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex Space = new(@"\s+", RegexOptions.CultureInvariant);

    /// <summary>Whether <paramref name="body"/> is an HTML document rather than JSON or plain text.</summary>
    public static bool IsHtml(string body)
    {
        var text = body.TrimStart();
        return text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (text.StartsWith("<", StringComparison.Ordinal) && text.IndexOf("<html", StringComparison.OrdinalIgnoreCase) >= 0);
    }

    /// <summary>The page's title, else its first heading, else its text; one line, at most 120 characters.</summary>
    public static string Summary(string body)
    {
        var match = Title.Match(body);
        if (!match.Success || Clean(match.Groups["text"].Value).Length == 0) match = Heading.Match(body);
        var text = Clean(match.Success ? match.Groups["text"].Value : body);
        return text.Length > 120 ? text.Substring(0, 120) + "…" : text;
    }

    /// <summary>
    /// What the page means. A 4xx or 501 page comes from a server that is not the API (<paramref name="endpoint"/>, e.g.
    /// "ZStack API", with <paramref name="check"/> saying which parameter names the address); another 5xx page from a failing
    /// server or a proxy in front of it.
    /// </summary>
    public static string Advice(HttpStatusCode status, string endpoint, string check)
    {
        var code = (int)status;
        return code is >= 400 and < 500 or 501
            ? $"The address does not look like a {endpoint} endpoint: a web server answered with an HTML page instead of the API. {check}"
            : "The server, or a proxy in front of it, answered with an error page instead of the API's reply: try again later; if it persists, check the service's health.";
    }

    private static string Clean(string html) => Space.Replace(WebUtility.HtmlDecode(Tag.Replace(html, " ")), " ").Trim();
}
