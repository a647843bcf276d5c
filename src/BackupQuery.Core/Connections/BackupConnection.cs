using System.Net.Http;
using BackupQuery.Http;

namespace BackupQuery.Connections;

/// <summary>What Connect-ZStack and Connect-HuaweiCloud share: the name, the transport and the request limits.</summary>
internal abstract class BackupConnectOptions
{
    /// <summary>The connection's name; default: one made from the provider, the endpoint and the identity.</summary>
    public string? Name { get; init; }
    public TransportOptions Transport { get; init; } = new();
    public RetryPolicy? Retry { get; init; }
    /// <summary>Requests in flight at most, shared by every listing on the connection (1: sequential); lowered while the API throttles.</summary>
    public int MaxConcurrency { get; init; } = ConcurrencyLimit.DefaultMaximum;
}

/// <summary>
/// The shell of every connection: its name and provider, its own HTTP client and request pipeline, and the credential it
/// owns. That credential is a copy of the one it was given (the caller keeps, and disposes, its own), so the connections
/// made from one credential (one per region) never share a secret: disposing one zeroes its own copy only. Once disconnected or
/// disposed, a connection refuses every call with an error that says to connect again.
/// </summary>
public abstract class BackupConnection : IBackupConnection, IDisposable
{
    private readonly HttpClient _http;
    private readonly IDisposable _credential;
    private volatile bool _closed;

    private protected BackupConnection(string provider, string name, HttpClient http, ApiPipeline pipeline, IDisposable credential, BackupConnectOptions options)
    {
        Provider = provider;
        Name = name;
        _http = http;
        Pipeline = pipeline;
        _credential = credential;
        SkipCertificateCheck = options.Transport.SkipCertificateCheck;
    }

    public string Name { get; }

    /// <summary><c>ZStack</c> or <c>HuaweiCloud</c>: the noun of its cmdlets.</summary>
    public string Provider { get; }

    /// <summary>True until Disconnect, while the connection holds what it signs requests with (a session or token, or a key).</summary>
    public bool Connected => !_closed && IsSignedIn;

    public bool SkipCertificateCheck { get; }

    /// <summary>Requests in flight at most on this connection (<c>-MaxConcurrency</c>).</summary>
    public int MaxConcurrency => Pipeline.Limit.Maximum;

    /// <summary>The adaptive limit itself: its current value drops while the server throttles.</summary>
    internal ConcurrencyLimit Limit => Pipeline.Limit;

    private protected ApiPipeline Pipeline { get; }

    private protected abstract bool IsSignedIn { get; }

    /// <summary>A pipeline on <paramref name="http"/> with the options' retry policy and concurrency limit, for a protocol to build.</summary>
    private protected static Func<IApiProtocol, ApiPipeline> PipelineOn(HttpClient http, BackupConnectOptions options) =>
        protocol => new ApiPipeline(http, protocol, options.Retry, new ConcurrencyLimit(options.MaxConcurrency));

    /// <summary>The pipeline, unless the connection was disconnected.</summary>
    private protected ApiPipeline Use() => !_closed
        ? Pipeline
        : throw new BackupQueryException($"The {Provider} connection '{Name}' is disconnected: run Connect-{Provider} again.", ApiErrorKind.Authentication);

    /// <summary>Ends the session where the provider has one (sessions are capped per user); the connection cannot be used afterwards.</summary>
    internal Task DisconnectAsync(CancellationToken cancellationToken)
    {
        _closed = true;
        return SignOutAsync(cancellationToken);
    }

    private protected abstract Task SignOutAsync(CancellationToken cancellationToken);

    /// <summary>Releases the HTTP client and zeroes the secrets this connection owns.</summary>
    public void Dispose()
    {
        _closed = true;
        _http.Dispose();
        _credential.Dispose();
    }
}
