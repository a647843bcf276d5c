using BackupQuery.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>The Huawei Cloud half: IAM, AK/SK verification, GeminiDB, RDS, VBS and CBR backups.</summary>
public sealed class HuaweiCloudApi
{
    private readonly EmulatorOptions _options;
    private readonly IamIdentity _identity;
    private readonly ServiceAuthenticator _auth;

    public HuaweiCloudApi(EmulatorOptions options)
    {
        _options = options;
        _identity = new IamIdentity(options);
        Tokens = new IamTokenStore(options.IamTokenLifetime);
        Signatures = new AkSkVerifier(options);
        _auth = new ServiceAuthenticator(options, Tokens, Signatures);
        GeminiDb = new GeminiDbDataset(options.Seed, options.GeminiDbCount);
    }

    /// <summary>Issued IAM tokens.</summary>
    public IamTokenStore Tokens { get; }

    /// <summary>Tokens issued so far: a client's renewal after <see cref="ExpireTokens"/> shows as an increment.</summary>
    public int TokenIssueCount => Tokens.IssueCount;

    /// <summary>The AK/SK verifier: <see cref="AkSkVerifier.FailureCount"/> and <see cref="AkSkVerifier.LastCanonicalRequest"/>.</summary>
    public AkSkVerifier Signatures { get; }

    public int SignatureFailureCount => Signatures.FailureCount;

    public GeminiDbDataset GeminiDb { get; }

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

        // Anything else under a service prefix is the gateway's "API not found".
        foreach (var service in EmulatorServer.HuaweiServices)
            app.Map($"/{service}/{{**rest}}", HuaweiErrors.NotFound);
    }

    /// <summary>Invalidates every issued IAM token: the next call with one gets 401 APIGW.0301.</summary>
    public void ExpireTokens() => Tokens.ExpireAll();
}
