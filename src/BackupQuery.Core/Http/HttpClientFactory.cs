using System.Net;
using System.Net.Http;

namespace BackupQuery.Http;

/// <summary>Transport settings of one connection (each connection gets its own handler, so skipping certificate checks never leaks to another).</summary>
internal sealed class TransportOptions
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);
    public bool SkipCertificateCheck { get; init; }
    public Uri? Proxy { get; init; }
    public NetworkCredential? ProxyCredential { get; init; }
    public bool NoProxy { get; init; }
}

internal static class HttpClientFactory
{
    /// <summary>Enough for the highest -MaxConcurrency; the connection's <see cref="ConcurrencyLimit"/> is what bounds requests.</summary>
    public const int MaxConnectionsPerServer = 64;

    public static HttpClient Create(TransportOptions options)
    {
        var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
        try
        {
            // Windows PowerShell's default is 2 per server: too few for the pages a connection keeps in flight.
            handler.MaxConnectionsPerServer = MaxConnectionsPerServer;
        }
        catch (PlatformNotSupportedException)
        {
        }
        if (options.SkipCertificateCheck)
        {
            // Opt-in per connection only (-SkipCertificateCheck), like the web cmdlets.
            handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
        }
        if (options.NoProxy)
        {
            handler.UseProxy = false;
        }
        else if (options.Proxy is not null)
        {
            handler.Proxy = new WebProxy(options.Proxy) { Credentials = options.ProxyCredential };
            handler.UseProxy = true;
        }
        return new HttpClient(handler) { Timeout = options.Timeout };
    }
}
