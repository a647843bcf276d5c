using System.Diagnostics;
using System.Text;
using BackupQuery.Coverage;
using BackupQuery.Paging;
using static BackupQuery.Bench.Report;

namespace BackupQuery.Bench;

/// <summary>
/// Issue 14's speed question: Get-BackupCoverage's Core run over 2,000 GeminiDB instances with 100,000 backups and 1,000
/// CBR servers and disks with 100,000 backups, at 50 ms, against the single largest listing it needs in the same run.
/// Writes its section into bench/RESULTS.md between markers (the rest of the file is left as it is).
/// </summary>
internal static class CoverageBench
{
    public const string Verb = "--coverage";
    private const string Start = "<!-- coverage:start -->";
    private const string End = "<!-- coverage:end -->";
    private const int Latency = 50;
    private const int Rounds = 3;

    public static async Task<int> RunAsync(double scale, string resultsFile)
    {
        int Size(int n) => Math.Max(100, (int)(n * scale));
        int instances = Size(2_000), geminiBackups = Size(100_000), servers = Size(400), disks = Size(600), cbrBackups = Size(100_000);
        var counts = $"geminidb={geminiBackups},geminidb-instances={instances},cbr={cbrBackups},cbr-servers={servers},cbr-disks={disks}";
        using var http = new HttpClient();
        using var emulator = await EmulatorProcess.StartAsync(counts, latencyMs: Latency);
        using var session = await BenchApi.Session.ConnectAsync(emulator, http);
        var huawei = session.Huawei;
        var none = CancellationToken.None;

        async Task<(TimeSpan Elapsed, long Records)> Time<T>(Func<IAsyncEnumerable<T>> list)
        {
            long records = 0;
            Run.Settle();
            var watch = Stopwatch.StartNew();
            await foreach (var _ in list()) records++;
            return (watch.Elapsed, records);
        }
        async Task<(TimeSpan Elapsed, long Records)> Median<T>(Func<IAsyncEnumerable<T>> list)
        {
            await Time(list);
            var runs = new List<(TimeSpan Elapsed, long Records)>();
            for (var i = 0; i < Rounds; i++) runs.Add(await Time(list));
            return runs.OrderBy(r => r.Elapsed).ElementAt(Rounds / 2);
        }

        var failures = new List<CoverageFailure>();
        var query = new CoverageQuery { Services = [CoverageService.GeminiDB, CoverageService.CBR] };
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} coverage, {counts}, {Latency} ms");
        var coverage = await Median(() => CoverageRun.StreamAsync([huawei], query, failures.Add, none));
        var gemini = await Median(() => huawei.GetGeminiDbBackupsAsync(new(), new PagingOptions(), none));
        var cbr = await Median(() => huawei.GetCbrBackupsAsync(new(), new PagingOptions(), none));
        if (failures.Count > 0) throw failures[0].Error;
        var largest = gemini.Elapsed >= cbr.Elapsed ? ("GeminiDB backups", gemini) : ("CBR backups", cbr);
        var ratio = coverage.Elapsed / largest.Item2.Elapsed;

        var text = new StringBuilder()
            .AppendLine(Start)
            .AppendLine("## Coverage against its largest listing").AppendLine()
            .AppendLine($"`dotnet run -c Release --project bench/BackupQuery.Bench -- {Verb}` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, "
                + $"the emulator's `--latency {Latency}` before every reply, connection limit 8 requests in flight; medians of {Rounds} after a warm-up. "
                + $"Coverage (Core's `CoverageRun`, what Get-BackupCoverage runs) of GeminiDB and CBR lists, at once: GeminiDB instances and backups, CBR "
                + "protectable servers and disks, vaults and backups; each alone below.").AppendLine()
            .AppendLine("| run | records | time |").AppendLine("|---|---|---|")
            .AppendLine($"| coverage: {N(instances)} GeminiDB instances + {N(geminiBackups)} backups, {N(servers)} servers + {N(disks)} disks + {N(cbrBackups)} CBR backups | {N(coverage.Records)} resources | {Ms(coverage.Elapsed)} |")
            .AppendLine($"| GeminiDB backups alone (100 per page) | {N(gemini.Records)} | {Ms(gemini.Elapsed)} |")
            .AppendLine($"| CBR backups alone (1,000 per page) | {N(cbr.Records)} | {Ms(cbr.Elapsed)} |").AppendLine()
            .AppendLine($"**Target: coverage within 1.5x the largest single listing ({largest.Item1}) — {(ratio <= 1.5 ? "met" : "MISSED")}** ({N(ratio, "0.00")}x).").AppendLine()
            .AppendLine(End);
        var results = File.Exists(resultsFile) ? File.ReadAllText(resultsFile) : "";
        var at = results.IndexOf(Start, StringComparison.Ordinal);
        var updated = at >= 0
            ? results[..at] + text + results[(results.IndexOf(End, at, StringComparison.Ordinal) + End.Length)..].TrimStart('\r', '\n').Insert(0, "\n")
            : results.TrimEnd() + "\n\n" + text;
        File.WriteAllText(resultsFile, updated);
        Console.WriteLine(text);
        return ratio <= 1.5 ? 0 : 1;
    }
}
