using BackupQuery.Connections;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Http;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.ZStack;

/// <summary>An emulator (<see cref="TestEmulator"/>) for one test, with the lines that connect to its ZStack half.</summary>
public sealed class ZStackEmulator : TestEmulator
{
    internal static readonly RetryPolicy FastRetry = new() { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2), MaxTotalWait = TimeSpan.FromSeconds(5) };

    private ZStackEmulator(EmulatorServer server) : base(server) { }

    /// <summary>The emulator's own records, in listing order: where expected results come from.</summary>
    public BackupQuery.Emulator.ZStack.ZStackDatabaseBackupData Data => Server.ZStack.Backups;

    public static async Task<ZStackEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { ZStackCount = 5000, ZStackTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai") };
        configure?.Invoke(options);
        return new ZStackEmulator(await StartServerAsync(options));
    }

    internal ZStackConnectOptions ConnectOptions(ZStackCredential credential) => new()
    {
        Server = Server.ZStackUrl.ToString(),
        Credential = credential,
        ServerTimeZone = Options.ZStackTimeZone,
        Retry = FastRetry,
        Name = "emulator",
    };

    internal ZStackCredential Account(string? password = null) =>
        new ZStackCredential.Account(Options.ZStackAccountName, SensitiveString.FromPlainText(password ?? Options.ZStackPassword));

    internal Task<ZStackConnection> ConnectAsync(ZStackCredential? credential = null) =>
        ZStackConnection.ConnectAsync(ConnectOptions(credential ?? Account()), CancellationToken.None);

    public IEnumerable<JournalEntry> Listings => Server.Requests.ForPath("/zstack/v1/database-backups").Where(e => !e.Path.Contains("image-store"));
}
