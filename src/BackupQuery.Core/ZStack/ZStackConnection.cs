using System.Net.Http;
using BackupQuery.Connections;
using BackupQuery.Coverage;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.ZStack;

/// <summary>What Connect-ZStack was given. The connection keeps a copy of <see cref="Credential"/>; the caller disposes its own.</summary>
internal sealed class ZStackConnectOptions : BackupConnectOptions
{
    public required string Server { get; init; }
    public required ZStackCredential Credential { get; init; }
    public TimeZoneInfo ServerTimeZone { get; init; } = TimeZoneInfo.Local;
}

/// <summary>
/// A logged-in ZStack management node. Shows endpoint, identity, zone and session expiry; the session id and any
/// password or secret stay in private fields, so Format-List * and ConvertTo-Json show none of them.
/// </summary>
public sealed class ZStackConnection : BackupConnection, ICoverageProvider
{
    private readonly ZStackProtocol _protocol;
    private readonly ZStackRecordMapper _mapper;
    private readonly ZStackInventoryMapper _inventory;
    private readonly ZStackCredential _credential;

    private ZStackConnection(ZStackConnectOptions options, Uri baseAddress, ZStackCredential credential, HttpClient http, ZStackProtocol protocol, string name)
        : base(ZStackProtocol.ProviderName, name, http, protocol.Pipeline, credential, options)
    {
        _credential = credential;
        _protocol = protocol;
        BaseAddress = baseAddress;
        ServerTimeZone = options.ServerTimeZone;
        _mapper = new ZStackRecordMapper(options.ServerTimeZone, name);
        _inventory = new ZStackInventoryMapper(options.ServerTimeZone, name);
    }

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

    private protected override bool IsSignedIn => _credential is ZStackCredential.AccessKey || _protocol.HasSession;

    /// <summary>Logins so far, the first included (single-flight: one per expiry however many requests met it).</summary>
    internal int LoginCount => _protocol.LoginCount;

    internal Uri BaseAddress { get; }

    /// <summary>This connection's own copy of the credential it was given (zeroed when it is disposed).</summary>
    internal ZStackCredential Credential => _credential;

    /// <summary>Logs in (or, for an AccessKey, checks the key with a one-record query) and returns the connection.</summary>
    internal static async Task<ZStackConnection> ConnectAsync(ZStackConnectOptions options, CancellationToken cancellationToken)
    {
        var baseAddress = ZStackServerAddress.Parse(options.Server);
        var credential = options.Credential.Copy();
        var http = HttpClientFactory.Create(options.Transport);
        var protocol = new ZStackProtocol(credential, options.ServerTimeZone, baseAddress, PipelineOn(http, options));
        var name = string.IsNullOrWhiteSpace(options.Name) ? $"zstack:{baseAddress.Host}:{baseAddress.Port}" : options.Name!;
        var connection = new ZStackConnection(options, baseAddress, credential, http, protocol, name);
        try
        {
            if (credential is ZStackCredential.AccessKey)
            {
                await foreach (var _ in connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions { First = 1 }, cancellationToken).ConfigureAwait(false)) { }
            }
            else
            {
                await protocol.LoginAsync(cancellationToken).ConfigureAwait(false);
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    internal IAsyncEnumerable<ZStackDatabaseBackup> GetDatabaseBackupsAsync(ZStackDatabaseBackupQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        ZStackDatabaseBackupListing.For(query, BaseAddress, ServerTimeZone, _mapper).StreamAsync(Use(), paging, cancellationToken);

    internal IAsyncEnumerable<ZStackImageStoreBackup> GetImageStoreBackupsAsync(ImageStoreScan scan, PagingOptions paging, CancellationToken cancellationToken) =>
        ImageStoreBackupListing.For(scan, BaseAddress, _mapper).StreamAsync(Use(), paging, cancellationToken);

    /// <summary>Volumes (QueryVolume).</summary>
    internal IAsyncEnumerable<ZStackVolume> GetVolumesAsync(ZStackVolumeQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        ZStackQueryListing.For(BaseAddress, "volumes", "QueryVolume", query.Conditions(), query.Sort, ZStackJsonContext.Replies.Contract<ZStackQueryReply<VolumeInventory>>(), _inventory.Map)
            .StreamAsync(Use(), paging, cancellationToken);

    /// <summary>Volume backups (QueryVolumeBackup).</summary>
    internal IAsyncEnumerable<ZStackVolumeBackup> GetVolumeBackupsAsync(ZStackVolumeBackupQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        ZStackQueryListing.For(BaseAddress, "volume-backups", "QueryVolumeBackup", query.Conditions(ServerTimeZone), query.Sort, ZStackJsonContext.Replies.Contract<ZStackQueryReply<VolumeBackupInventory>>(), _inventory.Map)
            .StreamAsync(Use(), paging, cancellationToken);

    /// <summary>Scheduler jobs (QuerySchedulerJob): what is on a backup schedule.</summary>
    internal IAsyncEnumerable<ZStackSchedulerJob> GetSchedulerJobsAsync(PagingOptions paging, CancellationToken cancellationToken) =>
        ZStackQueryListing.For(BaseAddress, "scheduler/jobs", "QuerySchedulerJob", [], null, ZStackJsonContext.Replies.Contract<ZStackQueryReply<SchedulerJobInventory>>(), _inventory.Map)
            .StreamAsync(Use(), paging, cancellationToken);

    IEnumerable<CoverageSource> ICoverageProvider.CoverageSources(CoverageQuery query) => new ZStackCoverage(this).Sources(query);

    /// <summary>Logs the session out (sessions are capped per user, so never leave them to expire).</summary>
    private protected override Task SignOutAsync(CancellationToken cancellationToken) => _protocol.LogoutAsync(cancellationToken);

    public override string ToString() => $"{Name} ({AuthKind} {AccountName ?? AccessKeyId}{(UserName is null ? "" : "/" + UserName)} @ {Server})";
}
