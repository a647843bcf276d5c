using BackupQuery.Connections;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Http;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.ZStack;

/// <summary>Starts an in-process emulator on 127.0.0.1, port 0, for one test, and connects to it.</summary>
public sealed class ZStackEmulator : IAsyncDisposable
{
    public static readonly RetryPolicy FastRetry = new() { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2), MaxTotalWait = TimeSpan.FromSeconds(5) };

    private ZStackEmulator(EmulatorServer server) => Server = server;

    public EmulatorServer Server { get; }
    public EmulatorOptions Options => Server.Options;

    /// <summary>The emulator's own records, in listing order: where expected results come from.</summary>
    public BackupQuery.Emulator.ZStack.ZStackDatabaseBackupData Data => Server.ZStack.Backups;

    public static async Task<ZStackEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { ZStackCount = 5000, ZStackTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai") };
        configure?.Invoke(options);
        return new ZStackEmulator(await EmulatorServer.StartAsync(options, "http://127.0.0.1:0"));
    }

    public ZStackConnectOptions ConnectOptions(ZStackCredential credential) => new()
    {
        Server = Server.ZStackUrl.ToString(),
        Credential = credential,
        ServerTimeZone = Options.ZStackTimeZone,
        Retry = FastRetry,
        Name = "emulator",
    };

    public ZStackCredential Account(string? password = null) =>
        new ZStackCredential.Account(Options.ZStackAccountName, SensitiveString.FromPlainText(password ?? Options.ZStackPassword));

    public Task<ZStackConnection> ConnectAsync(ZStackCredential? credential = null) =>
        ZStackConnection.ConnectAsync(ConnectOptions(credential ?? Account()), CancellationToken.None);

    public IEnumerable<JournalEntry> Listings => Server.Requests.ForPath("/zstack/v1/database-backups").Where(e => !e.Path.Contains("image-store"));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
