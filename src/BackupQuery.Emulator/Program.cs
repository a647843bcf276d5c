using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator;

/// <summary>Command line: <c>--urls http://127.0.0.1:5080 [--seed 1] [--count zstack=5000,cbr=1500] [--seed-doc-mode]</c>.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new EmulatorOptions();
        var url = "http://127.0.0.1:5080";
        await using var server = await EmulatorServer.StartAsync(options, url);
        Console.WriteLine($"BackupQuery emulator listening on {server.BaseAddress}");
        await server.WaitForShutdownAsync();
        return 0;
    }
}
