using System.Net;
using System.Text.Json;
using BackupQuery.Core.Tests.EmulatorFaults;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Core.Tests.Emulator;

/// <summary>
/// The inventory endpoints on the wire, not through a client: an <see cref="EmulatorClient"/> signed in once as the
/// Huawei demo user (a token per project) and the ZStack demo account (a session), and each reply read whole.
/// </summary>
public sealed class InventoryHttp : IAsyncDisposable
{
    private readonly EmulatorClient _client;
    private readonly Dictionary<string, string> _tokens = [];
    private string? _session;

    private InventoryHttp(EmulatorClient client) => _client = client;

    public EmulatorServer Server => _client.Server;
    public EmulatorOptions Options => _client.Options;
    public string ProjectId => Options.Projects[0].Id;
    public string OtherProjectId => Options.Projects[1].Id;

    public static async Task<InventoryHttp> StartAsync(Action<EmulatorOptions>? configure = null) => new(await EmulatorClient.StartAsync(configure));

    /// <summary>GET <c>/{service}/{path}</c> with a token for the first project, another one, or none.</summary>
    public async Task<Reply> HuaweiAsync(string service, string path, bool authenticated = true, string? projectId = null)
    {
        var project = Options.Projects.Single(p => p.Id == (projectId ?? ProjectId));
        if (!authenticated) return await ReadAsync(await _client.Http.GetAsync($"{service}/{path}"));
        if (!_tokens.TryGetValue(project.Id, out var token)) _tokens[project.Id] = token = await _client.IamTokenAsync(project.Name);
        return await ReadAsync(await _client.HuaweiGetAsync(token, $"{service}/{path}"));
    }

    /// <summary>GET <c>/zstack/v1/{path}</c> with a session (or none).</summary>
    public async Task<Reply> ZStackAsync(string path, bool authenticated = true)
    {
        if (!authenticated) return await ReadAsync(await _client.Http.GetAsync($"zstack/v1/{path}"));
        _session ??= await _client.ZStackSessionAsync();
        return await ReadAsync(await _client.ZStackGetAsync(_session, $"zstack/v1/{path}"));
    }

    private static async Task<Reply> ReadAsync(HttpResponseMessage response)
    {
        using (response) return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}

/// <summary>A reply: status, body text, and the body as JSON.</summary>
public sealed record Reply(HttpStatusCode Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The string values of <paramref name="property"/> of each element of the array <paramref name="array"/>.</summary>
    public IReadOnlyList<string> Strings(string array, string property) =>
        [.. Json.GetProperty(array).EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];
}
