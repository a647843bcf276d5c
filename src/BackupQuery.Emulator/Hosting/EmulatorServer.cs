using BackupQuery.Emulator.HuaweiCloud;
using BackupQuery.Emulator.ZStack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BackupQuery.Emulator.Hosting;

/// <summary>
/// The ZStack and Huawei Cloud APIs on one loopback port. ZStack lives under <c>/zstack</c>; each Huawei service under
/// its host name as a path prefix (<c>/iam</c>, <c>/gaussdb-nosql</c>, <c>/rds</c>, <c>/vbs</c>, <c>/cbr</c>).
/// Tests start it in-process on port 0; the program starts it on the URL it is given.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    public static readonly string[] HuaweiServices = ["iam", "gaussdb-nosql", "rds", "vbs", "cbr"];

    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, EmulatorOptions options, ZStackApi zstack, HuaweiCloudApi huawei)
    {
        _app = app;
        Options = options;
        ZStack = zstack;
        HuaweiCloud = huawei;
    }

    public EmulatorOptions Options { get; }
    public RequestJournal Requests { get; } = new();
    public FaultInjector Faults { get; } = new();
    public GatewayGauge Gateway { get; } = new();
    public ZStackApi ZStack { get; }
    public HuaweiCloudApi HuaweiCloud { get; }

    /// <summary>Root of the server, ending in '/': <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The ZStack base URL a client is given (scheme, host, port and the <c>/zstack</c> context path).</summary>
    public Uri ZStackUrl => new(BaseAddress, "zstack");

    /// <summary>The base URL of one Huawei service (<c>iam</c>, <c>gaussdb-nosql</c>, <c>rds</c>, <c>vbs</c>, <c>cbr</c>).</summary>
    public Uri HuaweiEndpoint(string service) => new(BaseAddress, service);

    /// <summary>Invalidates every ZStack session and IAM token now (the next call with one fails authentication).</summary>
    public void ExpireCredentials()
    {
        ZStack.ExpireSessions();
        HuaweiCloud.ExpireTokens();
    }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, string url = "http://127.0.0.1:0", CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        if (options.Certificate is { } certificate) builder.WebHost.UseKestrelHttpsConfiguration().ConfigureKestrel(k => k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate));
        var app = builder.Build();

        var zstack = new ZStackApi(options);
        var huawei = new HuaweiCloudApi(options);
        var server = new EmulatorServer(app, options, zstack, huawei);

        app.MapGet("/_emulator/stats", server.StatsAsync);
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/_emulator"), api => api.UseMiddleware<FaultMiddleware>(server).UseMiddleware<GatewayMiddleware>(server));
        zstack.Map(app, server);
        huawei.Map(app, server);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A port in use fails here: release what the host holds before the caller reports it.
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary><c>GET /_emulator/stats[?reset=true]</c>: the gateway's counters, for a benchmark in another process.</summary>
    private Task StatsAsync(HttpContext context)
    {
        var stats = new { requests = Gateway.Requests, throttled = Gateway.Throttled, maxInFlight = Gateway.MaxInFlight };
        if (context.Request.Query["reset"] == "true") Gateway.Reset();
        return context.Response.WriteAsJsonAsync(stats);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
