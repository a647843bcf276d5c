using System.Net.Http;
using BackupQuery.Connections;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.ZStack;

/// <summary>What Connect-ZStack was given. The connection keeps a copy of <see cref="Credential"/>; the caller disposes its own.</summary>
public sealed class ZStackConnectOptions : BackupConnectOptions
{
    public required string Server { get; init; }
    public required ZStackCredential Credential { get; init; }
    public TimeZoneInfo ServerTimeZone { get; init; } = TimeZoneInfo.Local;
}

/// <summary>
/// A logged-in ZStack management node. Shows endpoint, identity, zone and session expiry; the session id and any
/// password or secret stay in private fields, so Format-List * and ConvertTo-Json show none of them.
/// </summary>
public sealed class ZStackConnection : BackupConnection
{
    private readonly ZStackProtocol _protocol;
    private readonly ZStackRecordMapper _mapper;
    private readonly ZStackCredential _credential;

    private ZStackConnection(ZStackConnectOptions options, Uri baseAddress, ZStackCredential credential, HttpClient http, ZStackProtocol protocol, string name)
        : base(ZStackProtocol.ProviderName, name, http, protocol.Pipeline, credential, options)
    {
        _credential = credential;
        _protocol = protocol;
        BaseAddress = baseAddress;
        ServerTimeZone = options.ServerTimeZone;
        _mapper = new ZStackRecordMapper(options.ServerTimeZone, name);
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
    public static async Task<ZStackConnection> ConnectAsync(ZStackConnectOptions options, CancellationToken cancellationToken)
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

    public IAsyncEnumerable<ZStackDatabaseBackup> GetDatabaseBackupsAsync(ZStackDatabaseBackupQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        ZStackDatabaseBackupListing.For(query, BaseAddress, ServerTimeZone, _mapper).StreamAsync(Use(), paging, cancellationToken);

    public IAsyncEnumerable<ZStackImageStoreBackup> GetImageStoreBackupsAsync(ImageStoreScan scan, PagingOptions paging, CancellationToken cancellationToken) =>
        ImageStoreBackupListing.For(scan, BaseAddress, _mapper).StreamAsync(Use(), paging, cancellationToken);

    /// <summary>Logs the session out (sessions are capped per user, so never leave them to expire).</summary>
    private protected override Task SignOutAsync(CancellationToken cancellationToken) => _protocol.LogoutAsync(cancellationToken);

    public override string ToString() => $"{Name} ({AuthKind} {AccountName ?? AccessKeyId}{(UserName is null ? "" : "/" + UserName)} @ {Server})";
}
