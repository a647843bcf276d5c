using System.Net;
using System.Text;
using System.Text.Json;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Emulator.ZStack;

namespace BackupQuery.Core.Tests.Emulator;

/// <summary>
/// An in-process emulator (127.0.0.1, port 0) and raw HTTP to it, signed in as the Huawei demo user (a project-scoped
/// token) and the ZStack demo account (a session): the inventory endpoints are tested on the wire, not through a client.
/// </summary>
public sealed class InventoryHttp : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private string? _token;
    private string? _session;

    private InventoryHttp(EmulatorServer server) => Server = server;

    public EmulatorServer Server { get; }
    public EmulatorOptions Options => Server.Options;
    public string ProjectId => Options.Projects[0].Id;
    public string OtherProjectId => Options.Projects[1].Id;

    public static async Task<InventoryHttp> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { ZStackCount = 10 };
        configure?.Invoke(options);
        return new InventoryHttp(await EmulatorServer.StartAsync(options, "http://127.0.0.1:0"));
    }

    /// <summary>GET <c>/{service}/{path}</c> with a token for the first project (or none).</summary>
    public async Task<Reply> HuaweiAsync(string service, string path, bool authenticated = true, string? projectId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.BaseAddress, $"{service}/{path}"));
        if (authenticated) request.Headers.Add("X-Auth-Token", await TokenAsync(projectId ?? ProjectId));
        return await SendAsync(request);
    }

    /// <summary>GET <c>/zstack/v1/{path}</c> with a session (or none).</summary>
    public async Task<Reply> ZStackAsync(string path, bool authenticated = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.BaseAddress, $"zstack/v1/{path}"));
        if (authenticated) request.Headers.TryAddWithoutValidation("Authorization", "OAuth " + await SessionAsync());
        return await SendAsync(request);
    }

    private async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, body);
    }

    private async Task<string> TokenAsync(string projectId)
    {
        if (_token is not null && projectId == ProjectId) return _token;
        var body = JsonSerializer.Serialize(new
        {
            auth = new
            {
                identity = new { methods = new[] { "password" }, password = new { user = new { name = Options.HuaweiUserName, password = Options.HuaweiPassword, domain = new { name = Options.HuaweiDomainName } } } },
                scope = new { project = new { id = projectId } },
            },
        });
        using var response = await _http.PostAsync(new Uri(Server.BaseAddress, "iam/v3/auth/tokens"), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = response.Headers.GetValues("X-Subject-Token").Single();
        if (projectId == ProjectId) _token = token;
        return token;
    }

    private async Task<string> SessionAsync()
    {
        if (_session is not null) return _session;
        var body = JsonSerializer.Serialize(new { logInByAccount = new { accountName = Options.ZStackAccountName, password = ZStackApi.HashPassword(Options.ZStackPassword) } });
        using var response = await _http.PutAsync(new Uri(Server.BaseAddress, "zstack/v1/accounts/login"), new StringContent(body, Encoding.UTF8, "application/json"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return _session = document.RootElement.GetProperty("inventory").GetProperty("uuid").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A reply: status, body text, and the body as JSON.</summary>
public sealed record Reply(HttpStatusCode Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The string values of <paramref name="property"/> of each element of the array <paramref name="array"/>.</summary>
    public IReadOnlyList<string> Strings(string array, string property) =>
        [.. Json.GetProperty(array).EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];
}
