using BackupQuery.Execution;
using System.Collections.ObjectModel;
using System.Net.Http;
using BackupQuery.Connections;
using BackupQuery.Coverage;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.HuaweiCloud;

/// <summary>What Connect-HuaweiCloud was given. The connection keeps a copy of <see cref="Credential"/>; the caller disposes its own.</summary>
internal sealed class HuaweiCloudConnectOptions : BackupConnectOptions
{
    /// <summary>Region id, e.g. <c>cn-north-4</c>; an id this build does not know is allowed (see <see cref="HuaweiCloudConnection.IsKnownRegion"/>).</summary>
    public required string Region { get; init; }
    public required HuaweiCloudCredential Credential { get; init; }
    /// <summary>The project to query; when absent it is looked up from the region's name (IAM).</summary>
    public string? ProjectId { get; init; }
    /// <summary>Per-service base URLs replacing the defaults: keys <c>iam</c>, <c>gaussdb-nosql</c>, <c>rds</c>, <c>vbs</c>, <c>cbr</c>.</summary>
    public IReadOnlyDictionary<string, string>? Endpoints { get; init; }
    /// <summary>
    /// With an access key and a <see cref="ProjectId"/>, nothing else checks the key while connecting: unless this is set,
    /// one signed IAM call does (<see cref="IamProjectLookup.CheckAccessKeyAsync"/>).
    /// </summary>
    public bool SkipCredentialCheck { get; init; }
}

/// <summary>
/// A Huawei Cloud project in one region, signed in by password (IAM token) or by access key (signatures). Shows
/// region, project, identity, endpoints and token expiry; passwords, secret keys, security tokens and IAM tokens stay
/// in private fields, so Format-List * and ConvertTo-Json show none of them.
/// </summary>
public sealed class HuaweiCloudConnection : BackupConnection, ICoverageProvider
{
    private readonly HuaweiCloudProtocol _protocol;
    private readonly HuaweiCloudCredential _credential;
    private readonly HuaweiCloudProject _project;

    private HuaweiCloudConnection(HuaweiCloudConnectOptions options, HuaweiCloudEndpoints endpoints, HuaweiCloudCredential credential, HttpClient http,
        HuaweiCloudProtocol protocol, string name, string projectId)
        : base(HuaweiCloudProtocol.ProviderName, name, http, protocol.Pipeline, credential, options)
    {
        _credential = credential;
        _protocol = protocol;
        Region = endpoints.Region;
        ProjectId = projectId;
        Endpoints = new ReadOnlyDictionary<string, string>(endpoints.All.ToDictionary(e => e.Key.Key, e => e.Value.ToString(), StringComparer.Ordinal));
        _project = new HuaweiCloudProject(endpoints, projectId, new HuaweiCloudRecordMapper(name, Region, projectId), protocol.Clock);
    }

    public string Region { get; }
    public bool IsKnownRegion => HuaweiCloudEndpoints.IsKnown(Region);
    /// <summary>The project every call is scoped to: given, or found while connecting.</summary>
    public string ProjectId { get; }
    /// <summary><c>Password</c>, <c>AccessKey</c> or <c>TemporaryAccessKey</c>.</summary>
    public string AuthKind => _credential.AuthKind;
    public string? DomainName => (_credential as HuaweiCloudCredential.Password)?.DomainName;
    public string? UserName => (_credential as HuaweiCloudCredential.Password)?.UserName;
    public string? AccessKeyId => (_credential as HuaweiCloudCredential.AccessKey)?.AccessKeyId;
    /// <summary>Effective base URL per service key.</summary>
    public IReadOnlyDictionary<string, string> Endpoints { get; }
    /// <summary>When the IAM token lapses (it is renewed before then while in use); null for access keys.</summary>
    public DateTimeOffset? TokenExpiresAt => _protocol.TokenExpiresAt;

    private protected override bool IsSignedIn => _credential is HuaweiCloudCredential.AccessKey || _protocol.HasToken;

    /// <summary>IAM sign-ins so far, the first included (single-flight: one per expiry however many requests met it).</summary>
    internal int SignInCount => _protocol.SignInCount;

    /// <summary>This connection's own copy of the credential it was given (zeroed when it is disposed).</summary>
    internal HuaweiCloudCredential Credential => _credential;

    private string IdentityText => IdentityOf(_credential);

    /// <summary>
    /// Signs in (password) and settles the project (given, else the one the token names, else IAM's by region name)
    /// before the connection is built; with an access key and a given project, checks the key with one signed call.
    /// </summary>
    internal static async Task<HuaweiCloudConnection> ConnectAsync(HuaweiCloudConnectOptions options, CancellationToken cancellationToken)
    {
        var endpoints = HuaweiCloudEndpoints.Resolve(options.Region?.Trim() ?? "", options.Endpoints);
        var givenProject = string.IsNullOrWhiteSpace(options.ProjectId) ? null : options.ProjectId!.Trim();
        var credential = options.Credential.Copy();
        var http = HttpClientFactory.Create(options.Transport);
        try
        {
            var protocol = new HuaweiCloudProtocol(credential, endpoints, givenProject, PipelineOn(http, options));
            await protocol.SignInAsync(cancellationToken).ConfigureAwait(false);
            // A password token scoped by region name already names its project.
            var projectId = givenProject ?? protocol.TokenProjectId ?? await IamProjectLookup.FindAsync(protocol.Pipeline, endpoints, cancellationToken).ConfigureAwait(false);
            if (givenProject is not null && credential is HuaweiCloudCredential.AccessKey && !options.SkipCredentialCheck)
            {
                await IamProjectLookup.CheckAccessKeyAsync(protocol.Pipeline, endpoints, cancellationToken).ConfigureAwait(false);
            }
            var name = string.IsNullOrWhiteSpace(options.Name) ? $"huaweicloud:{endpoints.Region}:{IdentityOf(credential)}" : options.Name!;
            return new HuaweiCloudConnection(options, endpoints, credential, http, protocol, name, projectId);
        }
        catch
        {
            http.Dispose();
            credential.Dispose();
            throw;
        }
    }

    /// <summary>GeminiDB (GaussDB NoSQL) backups.</summary>
    internal IAsyncEnumerable<GeminiDbBackup> GetGeminiDbBackupsAsync(GeminiDbBackupQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var pipeline = Use();
        return _project.Listing(HuaweiCloudApis.GeminiDbBackups, query.Parameters(_project.Now), _project.Mapper.Map).StreamAsync(pipeline, paging, cancellationToken);
    }

    /// <summary>Relational RDS backups of one instance.</summary>
    internal IAsyncEnumerable<RdsBackup> GetRdsBackupsAsync(RdsBackupQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var pipeline = Use();
        return _project.Listing(HuaweiCloudApis.RdsBackups, query.Parameters(_project.Now), _project.Mapper.Map).StreamAsync(pipeline, paging, cancellationToken);
    }

    /// <summary>VBS volume backups (summary, or every field with <see cref="VbsBackupQuery.Detailed"/>).</summary>
    internal IAsyncEnumerable<VbsBackup> GetVbsBackupsAsync(VbsBackupQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var pipeline = Use();
        var parameters = query.Parameters();
        // Two wire shapes: a summary reads only what the summary holds.
        var detailed = _project.Listing(HuaweiCloudApis.VbsBackupDetails, parameters, _project.Mapper.Map);
        var summary = _project.Listing(HuaweiCloudApis.VbsBackups, parameters, _project.Mapper.Map);
        return NameFilteredListing.StreamAsync(query.NamePattern, b => b.Name,
            p => query.Detailed ? detailed.StreamAsync(pipeline, p, cancellationToken) : summary.StreamAsync(pipeline, p, cancellationToken), paging, cancellationToken);
    }

    /// <summary>CBR backups.</summary>
    internal IAsyncEnumerable<CbrBackup> GetCbrBackupsAsync(CbrBackupQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var pipeline = Use();
        var listing = _project.Listing(HuaweiCloudApis.CbrBackups, query.Parameters(), _project.Mapper.Map);
        return NameFilteredListing.StreamAsync(query.NamePattern, b => b.Name, p => listing.StreamAsync(pipeline, p, cancellationToken), paging, cancellationToken);
    }

    /// <summary>GeminiDB instances, with their automated-backup setting.</summary>
    internal IAsyncEnumerable<DatabaseInstance> GetGeminiDbInstancesAsync(DatabaseInstanceQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var pipeline = Use();
        return _project.Listing(HuaweiCloudApis.GeminiDbInstances, query.Parameters(), d => _project.Inventory.Map(d, "GeminiDB")).StreamAsync(pipeline, paging, cancellationToken);
    }

    /// <summary>Relational RDS instances, with their automated-backup setting.</summary>
    internal IAsyncEnumerable<DatabaseInstance> GetRdsInstancesAsync(DatabaseInstanceQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var pipeline = Use();
        return _project.Listing(HuaweiCloudApis.RdsInstances, query.Parameters(), d => _project.Inventory.Map(d, "RDS")).StreamAsync(pipeline, paging, cancellationToken);
    }

    /// <summary>CBR vaults, with their capacity and the resources they protect.</summary>
    internal IAsyncEnumerable<CbrVault> GetCbrVaultsAsync(CbrVaultQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var pipeline = Use();
        return _project.Listing(HuaweiCloudApis.CbrVaults, query.Parameters(), _project.Inventory.Map).StreamAsync(pipeline, paging, cancellationToken);
    }

    /// <summary>Servers or disks CBR could protect, with the vault each is in.</summary>
    internal IAsyncEnumerable<CbrProtectable> GetCbrProtectablesAsync(CbrProtectableQuery query, PagingOptions paging, CancellationToken cancellationToken)
    {
        var pipeline = Use();
        var api = query.Type == CbrProtectableType.Disk ? HuaweiCloudApis.CbrProtectableDisks : HuaweiCloudApis.CbrProtectableServers;
        return _project.Listing(api, query.Parameters(), _project.Inventory.Map).StreamAsync(pipeline, paging, cancellationToken);
    }

    IEnumerable<CoverageSource> ICoverageProvider.CoverageSources(CoverageQuery query) =>
        new HuaweiCloudCoverage(this).Sources(query);

    /// <summary>Forgets the token (an access key has nothing to forget); IAM has no call that revokes it.</summary>
    private protected override Task SignOutAsync(CancellationToken cancellationToken)
    {
        _protocol.ForgetToken();
        return Task.CompletedTask;
    }

    public override string ToString() => $"{Name} ({AuthKind} {IdentityText} @ {Region}/{ProjectId})";

    private static string IdentityOf(HuaweiCloudCredential credential) => credential switch
    {
        HuaweiCloudCredential.Password p => $"{p.DomainName}/{p.UserName}",
        HuaweiCloudCredential.AccessKey k => k.AccessKeyId,
        _ => "",
    };
}
