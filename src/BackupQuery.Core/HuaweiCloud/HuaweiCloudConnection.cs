using System.Collections.ObjectModel;
using System.Net.Http;
using BackupQuery.Connections;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.HuaweiCloud;

/// <summary>What Connect-HuaweiCloud was given.</summary>
public sealed class HuaweiCloudConnectOptions
{
    /// <summary>Region id, e.g. <c>cn-north-4</c>; an id this build does not know is allowed (see <see cref="HuaweiCloudConnection.IsKnownRegion"/>).</summary>
    public required string Region { get; init; }
    public required HuaweiCloudCredential Credential { get; init; }
    /// <summary>The project to query; when absent it is looked up from the region's name (IAM).</summary>
    public string? ProjectId { get; init; }
    /// <summary>Per-service base URLs replacing the defaults: keys <c>iam</c>, <c>gaussdb-nosql</c>, <c>rds</c>, <c>vbs</c>, <c>cbr</c>.</summary>
    public IReadOnlyDictionary<string, string>? Endpoints { get; init; }
    public string? Name { get; init; }
    public TransportOptions Transport { get; init; } = new();
    public RetryPolicy? Retry { get; init; }
    /// <summary>Requests in flight at most, shared by every listing on the connection (1: sequential); lowered while the API throttles.</summary>
    public int MaxConcurrency { get; init; } = ConcurrencyLimit.DefaultMaximum;
}

/// <summary>
/// A Huawei Cloud project in one region, signed in by password (IAM token) or by access key (signatures). Shows
/// region, project, identity, endpoints and token expiry; passwords, secret keys, security tokens and IAM tokens stay
/// in private fields, so Format-List * and ConvertTo-Json show none of them.
/// </summary>
public sealed class HuaweiCloudConnection : IBackupConnection, IDisposable
{
    private readonly HttpClient _http;
    private readonly HuaweiCloudProtocol _protocol;
    private readonly ApiPipeline _pipeline;
    private readonly HuaweiCloudCredential _credential;
    private readonly HuaweiCloudEndpoints _endpoints;
    private HuaweiCloudProject? _project;
    private bool _disconnected;

    private HuaweiCloudConnection(HuaweiCloudConnectOptions options, HuaweiCloudEndpoints endpoints)
    {
        _credential = options.Credential;
        _endpoints = endpoints;
        Region = endpoints.Region;
        Endpoints = new ReadOnlyDictionary<string, string>(endpoints.All.ToDictionary(e => e.Key, e => e.Value.ToString(), StringComparer.Ordinal));
        SkipCertificateCheck = options.Transport.SkipCertificateCheck;
        _http = HttpClientFactory.Create(options.Transport);
        _protocol = new HuaweiCloudProtocol(options.Credential, endpoints,
            protocol => new ApiPipeline(_http, protocol, options.Retry, new ConcurrencyLimit(options.MaxConcurrency)))
        { ProjectId = NullIfBlank(options.ProjectId) };
        _pipeline = _protocol.Pipeline;
        Name = string.IsNullOrWhiteSpace(options.Name) ? $"huaweicloud:{Region}:{IdentityText}" : options.Name!;
    }

    public string Name { get; }
    public string Provider => HuaweiCloudProtocol.ProviderName;
    public string Region { get; }
    public bool IsKnownRegion => HuaweiCloudEndpoints.IsKnown(Region);
    public string ProjectId => _protocol.ProjectId ?? "";
    /// <summary><c>Password</c>, <c>AccessKey</c> or <c>TemporaryAccessKey</c>.</summary>
    public string AuthKind => _credential.AuthKind;
    public string? DomainName => (_credential as HuaweiCloudCredential.Password)?.DomainName;
    public string? UserName => (_credential as HuaweiCloudCredential.Password)?.UserName;
    public string? AccessKeyId => (_credential as HuaweiCloudCredential.AccessKey)?.AccessKeyId;
    /// <summary>Effective base URL per service key.</summary>
    public IReadOnlyDictionary<string, string> Endpoints { get; }
    /// <summary>When the IAM token lapses (it is renewed before then while in use); null for access keys.</summary>
    public DateTimeOffset? TokenExpiresAt => _protocol.TokenExpiresAt;
    public bool Connected => !_disconnected && (_credential is HuaweiCloudCredential.AccessKey || _protocol.HasToken);
    public bool SkipCertificateCheck { get; }
    /// <summary>Requests in flight at most on this connection (<c>-MaxConcurrency</c>).</summary>
    public int MaxConcurrency => _pipeline.Limit.Maximum;

    /// <summary>The adaptive limit itself: its current value drops while the gateway throttles.</summary>
    internal ConcurrencyLimit Limit => _pipeline.Limit;

    /// <summary>IAM sign-ins so far, the first included (single-flight: one per expiry however many requests met it).</summary>
    internal int SignInCount => _protocol.SignInCount;

    private string IdentityText => _credential switch
    {
        HuaweiCloudCredential.Password p => $"{p.DomainName}/{p.UserName}",
        HuaweiCloudCredential.AccessKey k => k.AccessKeyId,
        _ => "",
    };

    /// <summary>Signs in (password) and finds the project of the region unless one was given, then returns the connection.</summary>
    public static async Task<HuaweiCloudConnection> ConnectAsync(HuaweiCloudConnectOptions options, CancellationToken cancellationToken)
    {
        var connection = new HuaweiCloudConnection(options, HuaweiCloudEndpoints.Resolve(options.Region?.Trim() ?? "", options.Endpoints));
        try
        {
            await connection.SignInAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private async Task SignInAsync(CancellationToken cancellationToken)
    {
        await _protocol.SignInAsync(cancellationToken).ConfigureAwait(false);
        // A password token scoped by region name already names its project.
        _protocol.ProjectId ??= _protocol.TokenProjectId ?? await IamProjectLookup.FindAsync(_pipeline, _endpoints, cancellationToken).ConfigureAwait(false);

        _project = new HuaweiCloudProject(_endpoints, _protocol.ProjectId, new HuaweiCloudRecordMapper(Name, Region, _protocol.ProjectId), () => _protocol.Clock());
    }

    /// <summary>GeminiDB (GaussDB NoSQL) backups.</summary>
    public IAsyncEnumerable<GeminiDbBackup> GetGeminiDbBackupsAsync(GeminiDbBackupQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var project = Use();
        return project.Listing(HuaweiCloudApis.GeminiDbBackups, query.Parameters(project.Now), project.Mapper.Map).StreamAsync(_pipeline, paging, cancellationToken);
    }

    /// <summary>Relational RDS backups of one instance.</summary>
    public IAsyncEnumerable<RdsBackup> GetRdsBackupsAsync(RdsBackupQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var project = Use();
        return project.Listing(HuaweiCloudApis.RdsBackups, query.Parameters(project.Now), project.Mapper.Map).StreamAsync(_pipeline, paging, cancellationToken);
    }

    /// <summary>VBS volume backups (summary, or every field with <see cref="VbsBackupQuery.Detailed"/>).</summary>
    public IAsyncEnumerable<VbsBackup> GetVbsBackupsAsync(VbsBackupQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var project = Use();
        var api = query.Detailed ? HuaweiCloudApis.VbsBackupDetails : HuaweiCloudApis.VbsBackups;
        return project.Listing(api, query.Parameters(), b => project.Mapper.Map(b, query.Detailed)).StreamAsync(_pipeline, paging, cancellationToken);
    }

    /// <summary>CBR backups.</summary>
    public IAsyncEnumerable<CbrBackup> GetCbrBackupsAsync(CbrBackupQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var project = Use();
        return project.Listing(HuaweiCloudApis.CbrBackups, query.Parameters(), project.Mapper.Map).StreamAsync(_pipeline, paging, cancellationToken);
    }

    private HuaweiCloudProject Use() => !_disconnected && _project is { } project
        ? project
        : throw new BackupQueryException($"The Huawei Cloud connection '{Name}' is disconnected: run Connect-HuaweiCloud again.", ApiErrorKind.Authentication);

    /// <summary>Forgets the token; the connection cannot be used afterwards. (An access key has nothing to forget.)</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        _disconnected = true;
        _protocol.ForgetToken();
        return Task.CompletedTask;
    }

    public override string ToString() => $"{Name} ({AuthKind} {IdentityText} @ {Region}/{ProjectId})";

    public void Dispose()
    {
        _http.Dispose();
        _credential.Dispose(); // zeroes the secrets
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
