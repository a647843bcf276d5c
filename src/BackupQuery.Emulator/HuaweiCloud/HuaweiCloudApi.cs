using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>The Huawei Cloud half: IAM, AK/SK verification, GeminiDB, RDS, VBS and CBR backups; GeminiDB/RDS instances, CBR vaults and protectables.</summary>
public sealed class HuaweiCloudApi
{
    private readonly EmulatorOptions _options;
    private readonly IamIdentity _identity;
    private readonly ServiceAuthenticator _auth;

    /// <param name="startedAt">The emulator's start: coverage fixtures are dated back from it.</param>
    public HuaweiCloudApi(EmulatorOptions options, DateTimeOffset startedAt)
    {
        _options = options;
        _identity = new IamIdentity(options);
        Tokens = new IamTokenStore(options.IamTokenLifetime);
        Signatures = new AkSkVerifier(options);
        _auth = new ServiceAuthenticator(options, Tokens, Signatures);
        var dataProject = options.Projects[0].Id;
        var replicaProject = options.Projects.Count > 1 ? options.Projects[1].Id : dataProject;
        DateTimeOffset? fixtures = options.CoverageFixtures ? startedAt : null;
        GeminiDb = new GeminiDbDataset(options.Seed, options.GeminiDbCount, options.DataAnchor, options.GeminiDbInstanceCount, fixtures);
        Rds = new RdsDataset(options.Seed, options.RdsCount, options.DataAnchor, options.RdsInstanceCount, fixtures);
        Vbs = new VbsDataset(options.Seed, options.VbsCount, options.DataAnchor, dataProject);
        var cbrInventory = new CbrInventory(options.Seed, options.CbrServerCount, options.CbrDiskCount, fixtures);
        Cbr = new CbrDataset(options.Seed, options.CbrCount, options.DataAnchor, dataProject, replicaProject, cbrInventory, fixtures);
    }

    /// <summary>Issued IAM tokens.</summary>
    public IamTokenStore Tokens { get; }

    /// <summary>Tokens issued so far: a client's renewal after <see cref="ExpireTokens"/> shows as an increment.</summary>
    public int TokenIssueCount => Tokens.IssueCount;

    /// <summary>The AK/SK verifier: <see cref="AkSkVerifier.FailureCount"/> and <see cref="AkSkVerifier.LastCanonicalRequest"/>.</summary>
    public AkSkVerifier Signatures { get; }

    public int SignatureFailureCount => Signatures.FailureCount;

    public GeminiDbDataset GeminiDb { get; }
    public RdsDataset Rds { get; }
    public VbsDataset Vbs { get; }
    public CbrDataset Cbr { get; }

    /// <summary>The project whose URL lists the generated data (the first configured one).</summary>
    public string DataProjectId => _options.Projects[0].Id;

    public void Map(WebApplication app, EmulatorServer server)
    {
        HuaweiRequestIds.Use(app, EmulatorServer.HuaweiServices);

        var tokens = new IamTokensEndpoint(_identity, Tokens);
        var projects = new IamProjectsEndpoint(_options, _identity, _auth);
        app.MapPost("/iam/v3/auth/tokens", tokens.HandleAsync);
        app.MapGet("/iam/v3/projects", projects.HandleAsync);

        var gemini = new GeminiDbBackupsEndpoint(_options, _auth, GeminiDb);
        app.MapGet("/gaussdb-nosql/v3.1/{project_id}/backups", (HttpContext c, string project_id) => gemini.HandleAsync(c, project_id));

        var geminiInstances = new GeminiDbInstancesEndpoint(_options, _auth, GeminiDb);
        app.MapGet("/gaussdb-nosql/v3/{project_id}/instances", (HttpContext c, string project_id) => geminiInstances.HandleAsync(c, project_id));

        var rds = new RdsBackupsEndpoint(_options, _auth, Rds);
        app.MapGet("/rds/v3/{project_id}/backups", (HttpContext c, string project_id) => rds.HandleAsync(c, project_id));
        var rdsInstances = new RdsInstancesEndpoint(_options, _auth, Rds);
        app.MapGet("/rds/v3/{project_id}/instances", (HttpContext c, string project_id) => rdsInstances.HandleAsync(c, project_id));

        var vbs = new VbsBackupsEndpoint(_options, _auth, Vbs, detail: false);
        var vbsDetail = new VbsBackupsEndpoint(_options, _auth, Vbs, detail: true);
        app.MapGet("/vbs/v2/{project_id}/backups", (HttpContext c, string project_id) => vbs.HandleAsync(c, project_id));
        app.MapGet("/vbs/v2/{project_id}/backups/detail", (HttpContext c, string project_id) => vbsDetail.HandleAsync(c, project_id));

        var cbr = new CbrBackupsEndpoint(_options, _auth, Cbr);
        app.MapGet("/cbr/v3/{project_id}/backups", (HttpContext c, string project_id) => cbr.HandleAsync(c, project_id));
        var vaults = new CbrVaultsEndpoint(_options, _auth, Cbr);
        app.MapGet("/cbr/v3/{project_id}/vaults", (HttpContext c, string project_id) => vaults.HandleAsync(c, project_id));
        var protectables = new CbrProtectablesEndpoint(_options, _auth, Cbr);
        app.MapGet("/cbr/v3/{project_id}/protectables/{protectable_type}/instances", (HttpContext c, string project_id) => protectables.HandleAsync(c, project_id));

        // Anything else under a service prefix is the gateway's "API not found".
        foreach (var service in EmulatorServer.HuaweiServices)
            app.Map($"/{service}/{{**rest}}", HuaweiErrors.NotFound);
    }

    /// <summary>Startup lines for the console: demo credentials and ready-to-paste Connect-HuaweiCloud commands.</summary>
    public IEnumerable<string> DescribeForConsole(EmulatorServer server)
    {
        var baseUrl = server.BaseAddress.ToString().TrimEnd('/');
        var region = _options.Projects[0].Name;
        var endpoints = $"@{{ iam='{baseUrl}/iam'; 'gaussdb-nosql'='{baseUrl}/gaussdb-nosql'; rds='{baseUrl}/rds'; vbs='{baseUrl}/vbs'; cbr='{baseUrl}/cbr' }}";
        yield return $"Huawei Cloud: region {region} (project {_options.Projects[0].Id}), domain {_options.HuaweiDomainName}, user {_options.HuaweiUserName}, password {_options.HuaweiPassword}";
        yield return $"  AK/SK {_options.HuaweiAccessKeyId} / {_options.HuaweiSecretAccessKey}; temporary AK/SK {_options.HuaweiTemporaryAccessKeyId} / {_options.HuaweiTemporarySecretAccessKey} with security token {_options.HuaweiSecurityToken}";
        yield return $"  Backups: GeminiDB {GeminiDb.Count}, RDS {Rds.Count} (instance {Rds.BusiestInstance.Id} has the most), VBS {Vbs.Count}, CBR {Cbr.Count}";
        yield return $"  Inventories: GeminiDB {GeminiDb.Inventory.Count} instances, RDS {Rds.Inventory.Count} instances, CBR {Cbr.Inventory.AllVaults.Count} vaults, {Cbr.Inventory.ProtectableServers.Count} servers, {Cbr.Inventory.ProtectableDisks.Count} disks";
        yield return $"  Connect-HuaweiCloud -Region {region} -DomainName {_options.HuaweiDomainName} -Credential (New-Object PSCredential {_options.HuaweiUserName}, (ConvertTo-SecureString '{_options.HuaweiPassword}' -AsPlainText -Force)) -Endpoint {endpoints}";
        yield return $"  Connect-HuaweiCloud -Region {region} -AccessKeyId {_options.HuaweiAccessKeyId} -SecretAccessKey (ConvertTo-SecureString '{_options.HuaweiSecretAccessKey}' -AsPlainText -Force) -Endpoint {endpoints}";
    }

    /// <summary>Invalidates every issued IAM token: the next call with one gets 401 APIGW.0301.</summary>
    public void ExpireTokens() => Tokens.ExpireAll();
}
