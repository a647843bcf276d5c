using System.Net.Http;
using BackupQuery.Connections;
using BackupQuery.Coverage;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.ZStack;

/// <summary>What Connect-ZStack was given.</summary>
public sealed class ZStackConnectOptions
{
    public required string Server { get; init; }
    public required ZStackCredential Credential { get; init; }
    public string? Name { get; init; }
    public TimeZoneInfo ServerTimeZone { get; init; } = TimeZoneInfo.Local;
    public TransportOptions Transport { get; init; } = new();
    public RetryPolicy? Retry { get; init; }
    /// <summary>Requests in flight at most, shared by every listing on the connection (1: sequential); lowered while the API throttles.</summary>
    public int MaxConcurrency { get; init; } = ConcurrencyLimit.DefaultMaximum;
}

/// <summary>
/// A logged-in ZStack management node. Shows endpoint, identity, zone and session expiry; the session id and any
/// password or secret stay in private fields, so Format-List * and ConvertTo-Json show none of them.
/// </summary>
public sealed class ZStackConnection : IBackupConnection, ICoverageProvider, IDisposable
{
    private readonly HttpClient _http;
    private readonly ZStackProtocol _protocol;
    private readonly ApiPipeline _pipeline;
    private readonly ZStackRecordMapper _mapper;
    private readonly ZStackInventoryMapper _inventory;
    private readonly ZStackCredential _credential;

    private ZStackConnection(ZStackConnectOptions options, Uri baseAddress)
    {
        _credential = options.Credential;
        BaseAddress = baseAddress;
        ServerTimeZone = options.ServerTimeZone;
        Name = string.IsNullOrWhiteSpace(options.Name) ? $"zstack:{baseAddress.Host}:{baseAddress.Port}" : options.Name!;
        SkipCertificateCheck = options.Transport.SkipCertificateCheck;
        _http = HttpClientFactory.Create(options.Transport);
        _protocol = new ZStackProtocol(options.Credential, options.ServerTimeZone, baseAddress,
            protocol => new ApiPipeline(_http, protocol, options.Retry, new ConcurrencyLimit(options.MaxConcurrency)));
        _pipeline = _protocol.Pipeline;
        _mapper = new ZStackRecordMapper(options.ServerTimeZone, Name);
        _inventory = new ZStackInventoryMapper(options.ServerTimeZone, Name);
    }

    public string Name { get; }
    public string Provider => ZStackProtocol.ProviderName;
    public string Server => BaseAddress.ToString();
    public string AuthKind => _credential.AuthKind;
    public string? AccountName => _credential switch
    {
        ZStackCredential.Account a => a.AccountName,
        ZStackCredential.User u => u.AccountName,
        _ => null,
    };
    public string? UserName => (_credential as ZStackCredential.User)?.UserName;
    public string? AccessKeyId => (_credential as ZStackCredential.AccessKey)?.AccessKeyId;
    public TimeZoneInfo ServerTimeZone { get; }
    /// <summary>When the session would lapse if unused (it slides with every call); null for AccessKey connections.</summary>
    public DateTimeOffset? SessionExpiresAt => _protocol.SessionExpiresAt;
    public bool Connected => _credential is ZStackCredential.AccessKey || _protocol.HasSession;
    public bool SkipCertificateCheck { get; }
    /// <summary>Requests in flight at most on this connection (<c>-MaxConcurrency</c>).</summary>
    public int MaxConcurrency => _pipeline.Limit.Maximum;

    /// <summary>The adaptive limit itself: its current value drops while the server throttles.</summary>
    internal ConcurrencyLimit Limit => _pipeline.Limit;

    /// <summary>Logins so far, the first included (single-flight: one per expiry however many requests met it).</summary>
    internal int LoginCount => _protocol.LoginCount;

    internal Uri BaseAddress { get; }

    /// <summary>Logs in (or, for an AccessKey, checks the key with a one-record query) and returns the connection.</summary>
    public static async Task<ZStackConnection> ConnectAsync(ZStackConnectOptions options, CancellationToken cancellationToken)
    {
        var connection = new ZStackConnection(options, ZStackServerAddress.Parse(options.Server));
        try
        {
            if (options.Credential is ZStackCredential.AccessKey)
            {
                await foreach (var _ in connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions { First = 1 }, cancellationToken).ConfigureAwait(false)) { }
            }
            else
            {
                await connection._protocol.LoginAsync(cancellationToken).ConfigureAwait(false);
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public IAsyncEnumerable<ZStackDatabaseBackup> GetDatabaseBackupsAsync(ZStackDatabaseBackupQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        ZStackDatabaseBackupListing.For(query, BaseAddress, ServerTimeZone, _mapper).StreamAsync(Use(), paging, cancellationToken);

    public IAsyncEnumerable<ZStackImageStoreBackup> GetImageStoreBackupsAsync(ImageStoreScan scan, PagingOptions paging, CancellationToken cancellationToken) =>
        ImageStoreBackupListing.For(scan, BaseAddress, _mapper).StreamAsync(Use(), paging, cancellationToken);

    /// <summary>Volumes (QueryVolume).</summary>
    public IAsyncEnumerable<ZStackVolume> GetVolumesAsync(ZStackVolumeQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        ZStackQueryListing.For(BaseAddress, "volumes", "QueryVolume", query.Conditions(), query.Sort, ZStackJsonContext.Default.ZStackQueryReplyVolumeInventory, _inventory.Map)
            .StreamAsync(Use(), paging, cancellationToken);

    /// <summary>Volume backups (QueryVolumeBackup).</summary>
    public IAsyncEnumerable<ZStackVolumeBackup> GetVolumeBackupsAsync(ZStackVolumeBackupQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        ZStackQueryListing.For(BaseAddress, "volume-backups", "QueryVolumeBackup", query.Conditions(ServerTimeZone), query.Sort, ZStackJsonContext.Default.ZStackQueryReplyVolumeBackupInventory, _inventory.Map)
            .StreamAsync(Use(), paging, cancellationToken);

    /// <summary>Scheduler jobs (QuerySchedulerJob): what is on a backup schedule.</summary>
    internal IAsyncEnumerable<ZStackSchedulerJob> GetSchedulerJobsAsync(PagingOptions paging, CancellationToken cancellationToken) =>
        ZStackQueryListing.For(BaseAddress, "scheduler/jobs", "QuerySchedulerJob", [], null, ZStackJsonContext.Default.ZStackQueryReplySchedulerJobInventory, _inventory.Map)
            .StreamAsync(Use(), paging, cancellationToken);

    IEnumerable<CoverageSource> ICoverageProvider.CoverageSources(CoverageQuery query) => new ZStackCoverage(this).Sources(query);

    private ApiPipeline Use() => !_disposed
        ? _pipeline
        : throw new BackupQueryException($"The ZStack connection '{Name}' is disconnected: run Connect-ZStack again.", ApiErrorKind.Authentication);

    /// <summary>Logs the session out (sessions are capped per user, so never leave them to expire).</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken) => _protocol.LogoutAsync(cancellationToken);

    public override string ToString() => $"{Name} ({AuthKind} {AccountName ?? AccessKeyId}{(UserName is null ? "" : "/" + UserName)} @ {Server})";

    public void Dispose()
    {
        _disposed = true;
        _http.Dispose();
        _credential.Dispose(); // zeroes the secret
    }

    private volatile bool _disposed;
}
