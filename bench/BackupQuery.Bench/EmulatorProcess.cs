using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BackupQuery.Bench;

/// <summary>The emulator as its own process (as users run it), on a free loopback port; stopped on dispose.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<EmulatorProcess> StartAsync(string counts)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "BackupQuery.Emulator.dll");
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port} --count {counts}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the emulator");
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var reply = await http.GetAsync(new Uri(baseAddress, "zstack/v1/no-such-api"));
                return new EmulatorProcess(process, baseAddress);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill(true);
        throw new InvalidOperationException("the emulator did not answer within 10 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(true);
        _process.Dispose();
    }
}
