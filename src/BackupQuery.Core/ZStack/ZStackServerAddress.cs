using BackupQuery.Connections;
using BackupQuery.Http;

namespace BackupQuery.ZStack;

/// <summary>
/// Turns what a user types for -Server (<c>host</c>, <c>host:port</c>, or a full URL with scheme and path prefix) into the
/// API root. A user name and password inside the URL are dropped (<see cref="EndpointUrl"/>).
/// </summary>
internal static class ZStackServerAddress
{
    public const int DefaultPort = 8080;
    public const string DefaultContextPath = "/zstack";

    /// <summary>The base URL ending in '/', e.g. <c>http://node:8080/zstack/</c>, without user info.</summary>
    public static Uri Parse(string server)
    {
        if (string.IsNullOrWhiteSpace(server)) throw new BackupQueryException("-Server is empty: give a host, host:port, or a URL such as http://node:8080/zstack.", ApiErrorKind.InvalidArgument);
        var text = server.Trim();
        var hasScheme = text.IndexOf("://", StringComparison.Ordinal) > 0;
        if (!Uri.TryCreate(hasScheme ? text : "http://" + text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            throw new BackupQueryException($"'{EndpointUrl.Redact(server)}' is not a ZStack address: give a host, host:port, or a URL such as http://node:8080/zstack.", ApiErrorKind.InvalidArgument);
        }
        // A bare host (no scheme) gets ZStack's defaults; a URL says what it means.
        var port = hasScheme || HasExplicitPort(text) ? uri.Port : DefaultPort;
        var path = uri.AbsolutePath.TrimEnd('/');
        if (!hasScheme || path.Length == 0) path = DefaultContextPath;
        return new UriBuilder(uri.Scheme, uri.Host, port, path + "/").Uri;
    }

    private static bool HasExplicitPort(string hostAndPort)
    {
        var host = hostAndPort.Split('/')[0];
        return host.LastIndexOf(':') > host.LastIndexOf(']');
    }
}
