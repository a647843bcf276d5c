using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace BackupQuery.Bench;

/// <summary>The emulator as its own process (as users run it), on a free loopback port; stopped on dispose.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process? _process;
    private readonly List<string> _output = [];

    private EmulatorProcess(Process? process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        if (process is null) return;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>An emulator another process started (the peak-memory child lists from its parent's emulator).</summary>
    public static EmulatorProcess Attach(Uri baseAddress) => new(null, baseAddress);

    public Uri BaseAddress { get; }
    public Uri ZStack => new(BaseAddress, "zstack");
    public Uri Huawei(string service) => new(BaseAddress, service);
    public Dictionary<string, string> HuaweiEndpoints => new[] { "iam", "gaussdb-nosql", "rds", "vbs", "cbr" }.ToDictionary(s => s, s => Huawei(s).ToString());

    /// <summary>The RDS instance holding the most backups, as the emulator's banner names it.</summary>
    public string BusiestRdsInstance
    {
        get
        {
            lock (_output)
            {
                var line = _output.First(l => l.Contains("has the most", StringComparison.Ordinal));
                var start = line.IndexOf("(instance ", StringComparison.Ordinal) + "(instance ".Length;
                return line[start..line.IndexOf(' ', start)];
            }
        }
    }

    public static async Task<EmulatorProcess> StartAsync(string counts, int latencyMs = 0, int rateLimit = 0)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "BackupQuery.Emulator.dll");
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{port} --count {counts} --latency {latencyMs} --rate-limit {rateLimit} --no-coverage-fixtures")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Environment.GetEnvironmentVariable("BENCH_EMULATOR_GC") is { } gc) info.Environment["DOTNET_gcServer"] = gc;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the emulator");
        var emulator = new EmulatorProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                await emulator.StatsAsync(http, reset: true);
                lock (emulator._output) if (emulator._output.Any(l => l.StartsWith("Press Ctrl+C", StringComparison.Ordinal))) return emulator;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        emulator.Dispose();
        throw new InvalidOperationException("the emulator did not answer within 30 s");
    }

    /// <summary>Processor time the emulator process has used so far (zero for one another process started).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            if (_process is null) return TimeSpan.Zero;
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The gateway's counters since the last reset: requests, throttled, most in flight.</summary>
    public async Task<(long Requests, long Throttled, int MaxInFlight)> StatsAsync(HttpClient http, bool reset)
    {
        var stats = await http.GetFromJsonAsync<JsonElement>(new Uri(BaseAddress, "_emulator/stats" + (reset ? "?reset=true" : "")));
        return (stats.GetProperty("requests").GetInt64(), stats.GetProperty("throttled").GetInt64(), stats.GetProperty("maxInFlight").GetInt32());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(true);
        _process.Dispose();
    }
}
