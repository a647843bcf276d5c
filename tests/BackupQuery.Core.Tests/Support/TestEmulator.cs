using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Core.Tests.Support;

/// <summary>
/// The one way the Core tests start the emulator: in-process on 127.0.0.1, port 0 (https when the options carry a
/// certificate). <see cref="ZStack.ZStackEmulator"/> and <see cref="HuaweiCloud.HuaweiCloudEmulator"/> add the lines that
/// connect to their half.
/// </summary>
public abstract class TestEmulator(EmulatorServer server) : IAsyncDisposable
{
    public EmulatorServer Server { get; } = server;
    public EmulatorOptions Options => Server.Options;

    public static Task<EmulatorServer> StartServerAsync(EmulatorOptions options) =>
        EmulatorServer.StartAsync(options, options.Certificate is null ? "http://127.0.0.1:0" : "https://127.0.0.1:0");

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
