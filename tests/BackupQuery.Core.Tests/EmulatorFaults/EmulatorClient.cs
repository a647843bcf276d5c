using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Emulator.ZStack;

namespace BackupQuery.Core.Tests.EmulatorFaults;

/// <summary>
/// Plain HTTP against an in-process emulator (127.0.0.1, port 0), without the module's pipeline: what the emulator
/// answers is seen as it is sent, so its faults can be tested on their own.
/// </summary>
public sealed class EmulatorClient : IAsyncDisposable
{
    private EmulatorClient(EmulatorServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public EmulatorServer Server { get; }
    public EmulatorOptions Options => Server.Options;
    public HttpClient Http { get; }
    public string ProjectId => Options.Projects[0].Id;

    public static async Task<EmulatorClient> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { ZStackCount = 500, ImageStoreCount = 5, GeminiDbCount = 400, RdsCount = 800, VbsCount = 50, CbrCount = 500 };
        configure?.Invoke(options);
        return new EmulatorClient(await TestEmulator.StartServerAsync(options));
    }

    /// <summary>LogInByAccount as the emulator's admin.</summary>
    public Task<HttpResponseMessage> ZStackLogInAsync() =>
        Http.PutAsJsonAsync("zstack/v1/accounts/login", new { logInByAccount = new { accountName = Options.ZStackAccountName, password = ZStackApi.HashPassword(Options.ZStackPassword) } });

    /// <summary>A new ZStack session's uuid.</summary>
    public async Task<string> ZStackSessionAsync()
    {
        using var reply = await ZStackLogInAsync();
        reply.EnsureSuccessStatusCode();
        return (await reply.Content.ReadFromJsonAsync<JsonObject>())!["inventory"]!["uuid"]!.GetValue<string>();
    }

    /// <summary>An IAM password token request scoped to the data project.</summary>
    public Task<HttpResponseMessage> IamTokenRequestAsync() => IamTokenRequestAsync(Options.Projects[0].Name);

    /// <summary>An IAM password token request scoped to a project, by name (the region).</summary>
    public Task<HttpResponseMessage> IamTokenRequestAsync(string projectName) =>
        Http.PostAsJsonAsync("iam/v3/auth/tokens", new
        {
            auth = new
            {
                identity = new
                {
                    methods = new[] { "password" },
                    password = new { user = new { domain = new { name = Options.HuaweiDomainName }, name = Options.HuaweiUserName, password = Options.HuaweiPassword } },
                },
                scope = new { project = new { name = projectName } },
            },
        });

    /// <summary>A new IAM token (<c>X-Subject-Token</c>) for the data project, or a project named <paramref name="projectName"/>.</summary>
    public async Task<string> IamTokenAsync(string? projectName = null)
    {
        using var reply = await IamTokenRequestAsync(projectName ?? Options.Projects[0].Name);
        reply.EnsureSuccessStatusCode();
        return reply.Headers.GetValues("X-Subject-Token").Single();
    }

    public Task<HttpResponseMessage> ZStackGetAsync(string session, string pathAndQuery) =>
        Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery) { Headers = { { "Authorization", "OAuth " + session } } });

    public Task<HttpResponseMessage> HuaweiGetAsync(string token, string pathAndQuery) =>
        Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery) { Headers = { { "X-Auth-Token", token } } });

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage reply) =>
        JsonNode.Parse(await reply.Content.ReadAsStringAsync()) as JsonObject ?? throw new JsonException("not a JSON object");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
