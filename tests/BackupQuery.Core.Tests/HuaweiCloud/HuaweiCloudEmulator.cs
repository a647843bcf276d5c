using BackupQuery.Connections;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;

namespace BackupQuery.Core.Tests.HuaweiCloud;

/// <summary>An emulator (<see cref="TestEmulator"/>) for one test, with the lines that connect to its Huawei half.</summary>
public sealed class HuaweiCloudEmulator : TestEmulator
{
    // Retry-After from the emulator is whole seconds: MaxDelay keeps the tests fast (the pipeline caps the wait by it), and
    // a listing that makes no progress gives up after 5 s.
    internal static readonly RetryPolicy FastRetry = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(100),
        MaxTotalWait = TimeSpan.FromSeconds(5),
    };

    private HuaweiCloudEmulator(EmulatorServer server) : base(server) { }
    public string Region => Options.Projects[0].Name;
    public string DataProjectId => Options.Projects[0].Id;

    public static async Task<HuaweiCloudEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { ZStackCount = 1 };
        configure?.Invoke(options);
        return new HuaweiCloudEmulator(await StartServerAsync(options));
    }

    public Dictionary<string, string> Endpoints => EmulatorServer.HuaweiServices.ToDictionary(s => s, s => Server.HuaweiEndpoint(s).ToString());

    internal HuaweiCloudConnectOptions ConnectOptions(HuaweiCloudCredential credential, string? projectId = null, string? region = null) => new()
    {
        Region = region ?? Region,
        Credential = credential,
        ProjectId = projectId,
        Endpoints = Endpoints,
        Retry = FastRetry,
        Name = "emulator",
    };

    internal HuaweiCloudCredential Password(string? password = null) =>
        new HuaweiCloudCredential.Password(Options.HuaweiDomainName, Options.HuaweiUserName, SensitiveString.FromPlainText(password ?? Options.HuaweiPassword));

    internal HuaweiCloudCredential AccessKey(string? secret = null) =>
        new HuaweiCloudCredential.AccessKey(Options.HuaweiAccessKeyId, SensitiveString.FromPlainText(secret ?? Options.HuaweiSecretAccessKey));

    internal HuaweiCloudCredential TemporaryAccessKey() =>
        new HuaweiCloudCredential.AccessKey(Options.HuaweiTemporaryAccessKeyId, SensitiveString.FromPlainText(Options.HuaweiTemporarySecretAccessKey),
            SensitiveString.FromPlainText(Options.HuaweiSecurityToken));

    internal Task<HuaweiCloudConnection> ConnectAsync(HuaweiCloudCredential? credential = null, string? projectId = null) =>
        HuaweiCloudConnection.ConnectAsync(ConnectOptions(credential ?? Password(), projectId), CancellationToken.None);

    public IReadOnlyList<JournalEntry> Requests(string pathPrefix) => Server.Requests.ForPath(pathPrefix).ToList();

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }

    internal static PagingOptions AllPages => new();
}
