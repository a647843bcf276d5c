using System.Globalization;

namespace BackupQuery.Emulator.ZStack;

/// <summary>
/// The <c>url</c> of GetDatabaseBackupFromImageStore: <c>ssh://&lt;user&gt;:&lt;password&gt;@&lt;host&gt;[:&lt;port&gt;]/&lt;path&gt;</c>,
/// user and password percent-encoded inside it. The password never leaves this type: not in errors, not in logs.
/// </summary>
internal sealed class ImageStoreUrl
{
    private ImageStoreUrl(string user, string password, string host, int port, string path)
    {
        User = user;
        Password = password;
        Host = host;
        Port = port;
        Path = path;
    }

    public string User { get; }
    public string Password { get; }
    public string Host { get; }
    public int Port { get; }
    public string Path { get; }

    public static ImageStoreUrl Parse(string? url)
    {
        if (string.IsNullOrEmpty(url)) throw ZStackFailure.InvalidArgument("the parameter[url] is mandatory");
        // Errors name the parts that are wrong, never the url: it carries the password.
        const string Shape = "the url must be ssh://<user>:<password>@<host>[:<port>]/<path>";
        if (!url.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase)) throw ZStackFailure.InvalidArgument($"the url is not an ssh url; {Shape}");
        var rest = url[6..];
        var at = rest.LastIndexOf('@');
        if (at < 0) throw ZStackFailure.InvalidArgument($"the url has no user and password; {Shape}");
        var userInfo = rest[..at];
        var colon = userInfo.IndexOf(':');
        var user = Decode(colon < 0 ? userInfo : userInfo[..colon]);
        var password = colon < 0 ? "" : Decode(userInfo[(colon + 1)..]);
        if (user.Length == 0) throw ZStackFailure.InvalidArgument($"the url has no user; {Shape}");
        if (password.Length == 0) throw ZStackFailure.InvalidArgument($"the url has no password; {Shape}");

        var hostPart = rest[(at + 1)..];
        var slash = hostPart.IndexOf('/');
        var path = slash < 0 ? "" : hostPart[slash..];
        var authority = slash < 0 ? hostPart : hostPart[..slash];
        var portColon = authority.LastIndexOf(':');
        var host = portColon < 0 ? authority : authority[..portColon];
        var port = 22;
        if (portColon >= 0 && (!int.TryParse(authority[(portColon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            throw ZStackFailure.InvalidArgument($"the SSH port of the url is not a number in 1-65535; {Shape}");
        if (host.Length == 0) throw ZStackFailure.InvalidArgument($"the url has no host; {Shape}");
        return new ImageStoreUrl(user, password, host, port, path);
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            throw ZStackFailure.InvalidArgument("the user or password of the url is not validly percent-encoded");
        }
    }
}
