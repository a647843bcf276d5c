using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BackupQuery.Bench;
using BackupQuery.Paging;
using static BackupQuery.Bench.Report;

// Usage: dotnet run -c Release --project bench/BackupQuery.Bench [-- --scale 0.1] | [-- --coverage [--scale 0.1]] | [-- --gateway]
// Starts the emulator as its own process (one per scenario), measures the module against a sequential page-at-a-time
// baseline and a raw limit in the same run, and writes bench/RESULTS.md. --scale shrinks every size (a quick check).
if (args.Length > 0 && args[0] == PeakMemory.ChildVerb) return await PeakMemory.ChildAsync(args[1]);

var scale = args.Length > 1 && args[0] == "--scale" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1.0;
var allocationsOnly = args.Length > 0 && args[0] == "--allocations";
if (args.Length > 0 && args[0] == "--read-path")
{
    // The read path alone: one page per API read and mapped in this process, no network.
    using var emulator = await EmulatorProcess.StartAsync("geminidb=2000,rds=4000,cbr=2000,zstack=2000,vbs=2000");
    using var session = await BenchApi.Session.ConnectAsync(emulator, new HttpClient());
    using var client = new HttpClient();
    var pages = new List<(string Name, byte[] Page, int Rounds)>();
    // --read-path [API [times]]: one API only, its rounds multiplied (long enough for a profiler to sample).
    var only = args.Length > 1 ? args[1] : null;
    var times = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
    foreach (var api in BenchApi.All(session).Where(a => only is null || a.Name == only))
    {
        pages.Add((api.Name, await RawLister.FetchAsync(client, api, api.PageUrl(api.PageSize, null, api.PageSize)), (api.PageSize == 100 ? 200 : 20) * times));
    }
    foreach (var (name, page, rounds) in pages) ReadPath.Measure(name, page, rounds).ToList(); // warm-up: every method at its final tier
    await Task.Delay(1000);
    foreach (var (name, page, rounds) in pages)
    {
        foreach (var cost in ReadPath.Measure(name, page, rounds))
        {
            Console.WriteLine($"{name,-8} {cost.Stage,-5} {cost.MicrosecondsPerRecord,8:0.00} us/record {cost.BytesPerRecord,8:#,0} B/record");
        }
    }
    return 0;
}
int Size(int n) => Math.Max(1000, (int)(n * scale));
const int Rounds = 5;
const int Latency = 50;
var resultsFile = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ResultsFile").Value!;
if (args.Length > 0 && args[0] == CoverageBench.Verb) return await CoverageBench.RunAsync(args.Length > 2 && args[1] == "--scale" ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1.0, resultsFile);
const int Rate = 20;
var throttledCbr = Size(130_000); // 1,300 pages of 100 at 20 requests/s: at least 60 s
var report = new Report("dotnet run -c Release --project bench/BackupQuery.Bench");
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
var allComplete = true;
void Check(string what, Run run, long expected)
{
    if (run.Complete(expected)) return;
    allComplete = false;
    Console.WriteLine($"INCOMPLETE {what}: {run.Records} records, {run.DistinctIds} distinct ids, {expected} expected");
}
void Log(string text) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {text}");
if (args.Length > 0 && args[0] == "--gateway")
{
    // --gateway: section 5 alone, printed (RESULTS.md is left as it is).
    var alone = await UnderGatewayLimitAsync();
    Console.WriteLine($"{alone.Run.Elapsed.TotalSeconds:0.0} s, {alone.Requests} requests, {alone.Throttled} throttled ({100.0 * alone.Throttled / alone.Requests:0.0}%), " +
        $"{(alone.Requests - alone.Throttled) / alone.Run.Elapsed.TotalSeconds / Rate * 100:0}% of the limit, {alone.Run.DistinctIds} distinct ids");
    return alone.Run.Complete(throttledCbr) ? 0 : 1;
}

// Record counts: each API's own listing size. RDS lists one instance, which holds half of the RDS records.
int gemini = Size(100_000), rds = Size(20_000), cbr = Size(100_000), zstack = Size(100_000), vbs = Size(100_000);
var counts = $"geminidb={gemini},rds={rds * 2},cbr={cbr},zstack={zstack},vbs={vbs}";
var expected = new Dictionary<string, long> { ["GeminiDB"] = gemini, ["RDS"] = rds, ["CBR"] = cbr, ["ZStack"] = zstack, ["VBS"] = vbs };
// At 50 ms a sequential client of 100,000 GeminiDB records takes about a minute: the baseline lists a prefix (records/s compare).
var baselineAt50 = new Dictionary<string, long> { ["GeminiDB"] = Size(20_000), ["RDS"] = rds, ["CBR"] = cbr, ["ZStack"] = zstack, ["VBS"] = vbs };

if (args.Length > 0 && args[0] == "--profile")
{
    // --profile API [module|baseline [times]]: one client lists one API at 0 ms again and again, nothing else, each run's
    // rate printed: long enough in steady state for a profiler attached to this process (or to the emulator).
    using var emulator = await EmulatorProcess.StartAsync(counts);
    using var session = await BenchApi.Session.ConnectAsync(emulator, http);
    var api = BenchApi.All(session).Single(a => a.Name == args[1]);
    var baselineOnly = args.Length > 2 && args[2] == "baseline";
    var times = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
    for (var i = 0; i < times; i++)
    {
        var run = baselineOnly ? await Run.RawAsync(http, api, inFlight: 1) : await Run.ModuleAsync(api);
        Check($"{api.Name} {(baselineOnly ? "baseline" : "module")}", run, expected[api.Name]);
        Console.WriteLine($"{api.Name} {(baselineOnly ? "baseline" : "module")} {N(run.RecordsPerSecond)} rec/s");
    }
    return 0;
}
if (args.Length > 0 && args[0] == "--throughput")
{
    // --throughput [API|all [latency ms [max concurrency]]]: section 1 alone (0 ms unless given), with section 0's cost
    // per record at 0 ms and the emulator's processor time per record (module vs baseline), printed; RESULTS.md is left as it is.
    var only = args.Length > 1 ? args[1] : null;
    var latency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
    var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 8;
    using var emulator = await EmulatorProcess.StartAsync(counts, latencyMs: latency);
    using var session = await BenchApi.Session.ConnectAsync(emulator, http, concurrency);
    foreach (var api in BenchApi.All(session).Where(a => only is null || a.Name == only || only == "all"))
    {
        var upTo = latency == 0 ? expected[api.Name] : baselineAt50[api.Name];
        var rounds = latency == 0 ? Rounds : 1;
        // The emulator's processor time while each client lists, per record.
        var serverTime = new[] { TimeSpan.Zero, TimeSpan.Zero };
        async Task<Run> Served(int client, Func<Task<Run>> list)
        {
            var before = emulator.ProcessorTime;
            var run = await list();
            serverTime[client] += emulator.ProcessorTime - before;
            return run;
        }
        var (module, baseline) = await Run.MediansInTurnAsync(rounds, () => Served(0, () => Run.ModuleAsync(api)), () => Served(1, () => Run.RawAsync(http, api, inFlight: 1, upTo: upTo)));
        double PerRecord(int client, long records) => serverTime[client].TotalMilliseconds * 1000 / (records * (rounds + 1));
        Check($"{api.Name} module {latency} ms", module, expected[api.Name]);
        Check($"{api.Name} baseline {latency} ms", baseline, upTo);
        var cost = $", emulator CPU µs/record {N(PerRecord(0, module.Records), "0.0")} vs {N(PerRecord(1, baseline.Records), "0.0")}";
        if (latency == 0)
        {
            var costs = await Allocations.ModuleAsync(api);
            var raw = await Allocations.RawAsync(http, api);
            cost += $", CPU µs/record {N(costs.CpuMicrosecondsPerRecord, "0.0")} vs {N(raw.CpuMicrosecondsPerRecord, "0.0")}, B/record {N(costs.BytesPerRecord)} vs {N(raw.BytesPerRecord)}";
        }
        Console.WriteLine($"{api.Name,-8} {latency} ms: module {N(module.RecordsPerSecond)} rec/s, baseline {N(baseline.RecordsPerSecond)} rec/s, {N(module.RecordsPerSecond / baseline.RecordsPerSecond, "0.00")}x{cost}");
    }
    return allComplete ? 0 : 1;
}

var allocations = new List<string[]>();
var throughput = new List<string[]>();
var ratiosAt0 = new Dictionary<string, double>();
var firstRecord = new List<string[]>();
(Run Raw, Run Core, Run Cmdlet) limits;
(Run Raw, Run Core) zstackLimits;
double geminiRatioAt50 = 0;

// 0 ms: throughput of module and baseline, and the raw limit with Core (CBR, ZStack) and the cmdlet (CBR).
using (var emulator = await EmulatorProcess.StartAsync(counts))
using (var session = await BenchApi.Session.ConnectAsync(emulator, http))
{
    // --allocations [API]: this table only, for one API or all.
    foreach (var api in BenchApi.All(session).Where(a => !allocationsOnly || args.Length < 2 || a.Name == args[1]))
    {
        Log($"allocations {api.Name}");
        await Run.ModuleAsync(api, new PagingOptions { First = api.PageSize * 2L }); // warm-up
        var module = await Allocations.ModuleAsync(api);
        var baseline = await Allocations.RawAsync(http, api);
        if (module.Records != expected[api.Name] || baseline.Records != expected[api.Name]) allComplete = false;
        allocations.Add([api.Name, N(module.Records), N(module.BytesPerRecord), N(baseline.BytesPerRecord), N(module.CpuMicrosecondsPerRecord, "0.0"), N(baseline.CpuMicrosecondsPerRecord, "0.0"),
            $"{module.Collections}, {N(module.Paused.TotalMilliseconds)} ms", $"{baseline.Collections}, {N(baseline.Paused.TotalMilliseconds)} ms"]);
        Console.WriteLine(string.Join(" | ", allocations[^1]));
    }
    if (allocationsOnly) return 0;

    foreach (var api in BenchApi.All(session))
    {
        Log($"0 ms {api.Name}");
        var (module, baseline) = await Run.MediansInTurnAsync(Rounds, () => Run.ModuleAsync(api), () => Run.RawAsync(http, api, inFlight: 1));
        Check($"{api.Name} module 0 ms", module, expected[api.Name]);
        Check($"{api.Name} baseline 0 ms", baseline, expected[api.Name]);
        ratiosAt0[api.Name] = module.RecordsPerSecond / baseline.RecordsPerSecond;
        throughput.Add([api.Name, api.PageSize.ToString(CultureInfo.InvariantCulture), "0 ms", N(module.Records), N(module.RecordsPerSecond), N(baseline.Records), N(baseline.RecordsPerSecond), N(module.RecordsPerSecond / baseline.RecordsPerSecond, "0.00") + "x"]);
    }

    Log("0 ms raw limit, Core, cmdlet (CBR)");
    var cbrApi = BenchApi.All(session).Single(a => a.Name == "CBR");
    // Raw and Core in turn, as in section 1, so the load of the rest of the machine weighs on both alike.
    var (raw, core) = await Run.MediansInTurnAsync(Rounds, () => Run.RawAsync(http, cbrApi, inFlight: 8), () => Run.ModuleAsync(cbrApi));
    using var module2 = HostedModule.Open(emulator);
    var cmdlet = await Run.MedianAsync(Rounds, () => Task.FromResult(module2.ListCbr()));
    Check("CBR raw limit", raw, cbr);
    Check("CBR Core", core, cbr);
    Check("CBR cmdlet", cmdlet, cbr);
    limits = (raw, core, cmdlet);

    Log("0 ms raw limit, Core (ZStack)");
    var zstackApi = BenchApi.All(session).Single(a => a.Name == "ZStack");
    var (zstackRaw, zstackCore) = await Run.MediansInTurnAsync(Rounds, () => Run.RawAsync(http, zstackApi, inFlight: 8), () => Run.ModuleAsync(zstackApi));
    Check("ZStack raw limit", zstackRaw, zstack);
    Check("ZStack Core", zstackCore, zstack);
    zstackLimits = (zstackRaw, zstackCore);
}

// 50 ms added before every reply: throughput again, and time to first record against one page's round trip.
using (var emulator = await EmulatorProcess.StartAsync(counts, latencyMs: Latency))
using (var session = await BenchApi.Session.ConnectAsync(emulator, http))
{
    foreach (var api in BenchApi.All(session))
    {
        Log($"50 ms {api.Name}");
        await Run.ModuleAsync(api, new PagingOptions { First = api.PageSize * 2L }); // warm-up
        var module = await Run.ModuleAsync(api);
        var baseline = await Run.RawAsync(http, api, inFlight: 1, upTo: baselineAt50[api.Name]);
        Check($"{api.Name} module 50 ms", module, expected[api.Name]);
        Check($"{api.Name} baseline 50 ms", baseline, baselineAt50[api.Name]);
        var ratio = module.RecordsPerSecond / baseline.RecordsPerSecond;
        if (api.Name == "GeminiDB") geminiRatioAt50 = ratio;
        throughput.Add([api.Name, api.PageSize.ToString(CultureInfo.InvariantCulture), $"{Latency} ms", N(module.Records), N(module.RecordsPerSecond), N(baseline.Records), N(baseline.RecordsPerSecond), N(ratio, "0.00") + "x"]);

        var first = new List<TimeSpan>();
        var trip = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            first.Add(await Run.FirstRecordAsync(api));
            trip.Add(await RawLister.RoundTripAsync(http, api));
        }
        var f = first.Order().ElementAt(2);
        var t = trip.Order().ElementAt(2);
        firstRecord.Add([api.Name, api.PageSize.ToString(CultureInfo.InvariantCulture), Ms(f), Ms(t), N(f / t, "0.00")]);
    }
}

// Peak RSS through the cmdlet, a child process per size; ids of the same listings counted by Core.
const long HeapCap = 64L * 1048576;
var memory = new List<(int Size, PeakMemory.Measured Child, Run Ids)>();
PeakMemory.Measured capped = new(0, 0, 0, 0, 0);
foreach (var size in new[] { Size(100_000), Size(1_000_000) })
{
    Log($"peak RSS {size}");
    using var emulator = await EmulatorProcess.StartAsync($"cbr={size},geminidb=1,rds=2,zstack=1,vbs=1");
    var child = await PeakMemory.MeasureAsync(emulator);
    if (size == Size(1_000_000))
    {
        // The same listing with the GC heap capped: if it completes, what it keeps alive fits under the cap.
        Log($"peak RSS {size}, GC heap capped at {MB(HeapCap)}");
        capped = await PeakMemory.MeasureAsync(emulator, HeapCap);
    }
    using var session = await BenchApi.Session.ConnectAsync(emulator, http);
    var ids = await Run.ModuleAsync(BenchApi.All(session).Single(a => a.Name == "CBR"));
    Check($"CBR {size} ids", ids, size);
    if (child.Count != size) allComplete = false;
    memory.Add((size, child, ids));
}

// A gateway limit of 20 requests/s per credential, 50 ms away: how close the adaptive limit gets, and how often it is throttled.
var limited = await UnderGatewayLimitAsync();

// The report.
report.Section("0. What a record costs the client", "Each API listed to the end at 0 ms in this process (the emulator is another process): bytes allocated per record, counted exactly (`GC.GetTotalAllocatedBytes`), and processor time per record, for the module (Core) and the sequential baseline (which keeps each page's bytes and reads only the ids), and the collections of generation 0 during the listing with the time they paused the process (`GC.GetTotalPauseDuration`): a collection costs what it finds alive, so this says what a listing keeps while it runs. Allocations do not move with the machine's load; processor time and pauses do, a little.");
report.Table(["API", "records", "module bytes/record", "baseline bytes/record", "module CPU µs/record", "baseline CPU µs/record", "module collections, paused", "baseline collections, paused"], allocations);

report.Section("1. Throughput per API", $"Records per second listing each API to the end: the module (Core, up to 8 pages in flight once the first page gave the total, or once VBS's first page gave a marker) and a sequential page-at-a-time baseline (HttpClient, one page in flight, a bare Utf8JsonReader) in the same run. 0 ms: median of {Rounds} after a warm-up, the module and the baseline run in turn; {Latency} ms: the emulator's `--latency {Latency}`, one run. Page sizes: GeminiDB at its cap of 100; RDS at 100 (the spec caps RDS `limit` at 100, so 1,000 is not possible); CBR, ZStack and VBS at 1,000. At {Latency} ms the baseline lists the first {N(baselineAt50["GeminiDB"])} GeminiDB records (a sequential client needs about a minute for 100,000); records/s compare.");
report.Table(["API", "page", "latency", "module records", "module rec/s", "baseline records", "baseline rec/s", "module / baseline"], throughput);
report.Target($"{N(gemini)} GeminiDB records at {Latency} ms: at least 5x the sequential baseline", geminiRatioAt50 >= 5, $"{N(geminiRatioAt50, "0.00")}x");
var slowest = ratiosAt0.MinBy(r => r.Value);
report.Target("at 0 ms, the module at least as fast as the sequential baseline for every API", slowest.Value >= 1, $"slowest {slowest.Key} {N(slowest.Value, "0.00")}x");
var vbsRatios = throughput.Where(r => r[0] == "VBS").Select(r => Report.Ratio(r[7])).ToList();
var vbsText = string.Join(" and ", vbsRatios.Select((r, i) => $"{N(r, "0.00")}x at {(i == 0 ? 0 : Latency)} ms"));
report.Explain(vbsRatios.Count == 2 && vbsRatios[1] >= 2,
    $"VBS pages by marker and gives no total: the module asks for the pages after the last one taken by offset after its marker, each kept only when it starts with the last record taken (the pages in flight grow by one with each page taken, up to 8): {vbsText}.",
    $"VBS pages by marker and gives no total; the module reads ahead by offset after the last record's marker, yet it ran at {vbsText}: this run does not show why.");

report.Section("2. Time to first record", $"At {Latency} ms: from asking the module for a listing to its first record, against one request for the same first page (start to last byte); medians of 5.");
report.Table(["API", "page", "first record", "one page's round trip", "ratio"], firstRecord);
var worstFirst = firstRecord.Max(r => double.Parse(r[4], CultureInfo.InvariantCulture));
report.Target("first record within 1.2x one page's round trip", worstFirst <= 1.2, $"worst {N(worstFirst, "0.00")}x");

report.Section("3. Peak memory through the cmdlet", "`Get-CbrBackup -PageSize 1000 | Measure-Object` in a runspace of the hosted engine (Microsoft.PowerShell.SDK 7.6.9, the built BackupQuery.dll imported), one child process per size; peak RSS is the child's VmHWM. At the end of each run the child reports the GC heap and the memory the GC had committed, then the live heap after a full compacting collection (what the listing left alive). The ids of the same listing are counted by a Core run (an id set in the child would weigh on the memory measured).");
report.Table(["CBR records", "cmdlet records", "peak RSS", "GC heap at the end", "GC committed at the end", "live after a full collection", "Core distinct ids"],
    memory.Select(m => new[] { N(m.Size), N(m.Child.Count), MB(m.Child.PeakRss), MB(m.Child.HeapAtEnd), MB(m.Child.CommittedAtEnd), MB(m.Child.LiveAfterFullCollection), N(m.Ids.DistinctIds) })
        .Append([N(memory[1].Size) + $" (GC heap capped at {MB(HeapCap)})", N(capped.Count), MB(capped.PeakRss), MB(capped.HeapAtEnd), MB(capped.CommittedAtEnd), MB(capped.LiveAfterFullCollection), "-"]));
var small = memory[0].Child;
var large = memory[1].Child;
report.Note($"Between {N(memory[0].Size)} and {N(memory[1].Size)} records the peak RSS moves by {MB(large.PeakRss - small.PeakRss)}, the memory the GC had committed by {MB(large.CommittedAtEnd - small.CommittedAtEnd)}, and the live heap after a full collection by {MB(large.LiveAfterFullCollection - small.LiveAfterFullCollection)}: where the first two move and the last does not, the difference is the collector's own growth over a longer run, not records held.");
report.Target($"{N(memory[1].Size)} CBR records through the cmdlet complete with the GC heap capped at {MB(HeapCap)}", capped.Count == memory[1].Size, $"{N(capped.Count)} records, peak {MB(capped.PeakRss)}");
report.Target($"{N(memory[1].Size)} CBR records: peak RSS within 1.25x of {N(memory[0].Size)}'s", large.PeakRss <= small.PeakRss * 1.25, $"{MB(large.PeakRss)} vs {MB(small.PeakRss)}, {N((double)large.PeakRss / small.PeakRss, "0.00")}x");

report.Section("4. The raw limit, Core and the cmdlet", $"{N(cbr)} CBR and {N(zstack)} ZStack records at 0 ms, 1,000 per page. Raw limit: the same pages fetched with 8 in flight and run through a bare Utf8JsonReader. Core: the module's listing. Cmdlet: `Get-CbrBackup -PageSize 1000 | Measure-DistinctId` (a compiled counting cmdlet) in a hosted runspace. Medians of {Rounds} after a warm-up; the raw limit and Core run in turn.");
string[] Row(string api, string client, Run run, string fraction) => [api, client, N(run.Records), N(run.Elapsed.TotalSeconds, "0.00"), N(run.RecordsPerSecond), fraction];
report.Table(["API", "client", "records", "seconds", "rec/s", "fraction"],
[
    Row("CBR", "raw limit", limits.Raw, "1.00"),
    Row("CBR", "Core", limits.Core, N(limits.Core.RecordsPerSecond / limits.Raw.RecordsPerSecond, "0.00") + " of raw"),
    Row("CBR", "cmdlet", limits.Cmdlet, N(limits.Cmdlet.RecordsPerSecond / limits.Core.RecordsPerSecond, "0.00") + " of Core"),
    Row("ZStack", "raw limit", zstackLimits.Raw, "1.00"),
    Row("ZStack", "Core", zstackLimits.Core, N(zstackLimits.Core.RecordsPerSecond / zstackLimits.Raw.RecordsPerSecond, "0.00") + " of raw"),
]);
var coreShare = limits.Core.RecordsPerSecond / limits.Raw.RecordsPerSecond;
var zstackCoreShare = zstackLimits.Core.RecordsPerSecond / zstackLimits.Raw.RecordsPerSecond;
var cmdletShare = limits.Cmdlet.RecordsPerSecond / limits.Core.RecordsPerSecond;
report.Target("at 0 ms, Core at least 60% of the raw limit for CBR and ZStack", coreShare >= 0.6 && zstackCoreShare >= 0.6, $"CBR {N(coreShare * 100, "0")}%, ZStack {N(zstackCoreShare * 100, "0")}%");
report.Target("the cmdlet end to end at least 50% of Core", cmdletShare >= 0.5, $"{N(cmdletShare * 100, "0")}%");

var seconds = limited.Run.Elapsed.TotalSeconds;
var served = limited.Requests - limited.Throttled;
var rateShare = served / seconds / Rate;
var throttledShare = (double)limited.Throttled / limited.Requests;
report.Section("5. Under a gateway limit", $"The emulator with `--rate-limit {Rate} --latency {Latency}` (a token bucket per credential holding one second's worth, 429 `APIGW.0308` without Retry-After beyond it); the module lists {N(throttledCbr)} CBR records 100 per page with the default `-MaxConcurrency 8`. Counts from the emulator's gateway.");
report.Table(["seconds", "requests", "served", "throttled", "served/s", "share of the limit", "share throttled"],
[
    [N(seconds, "0.0"), N(limited.Requests), N(served), N(limited.Throttled), N(served / seconds, "0.0"), N(rateShare * 100, "0") + "%", N(throttledShare * 100, "0.0") + "%"],
]);
report.Target($"under a {Rate} req/s limit over at least 60 s: at least 95% of the allowed rate", rateShare >= 0.95 && seconds >= 60, $"{N(rateShare * 100, "0")}% over {N(seconds, "0")} s");
report.Target("at most 1% of requests throttled", throttledShare <= 0.01, $"{N(throttledShare * 100, "0.0")}%");

report.Section("Records", "Every run above counted its ids.");
report.Target("no record lost or doubled in any run (ids counted)", allComplete, allComplete ? "every run complete" : "see the console for the incomplete run");

await File.WriteAllTextAsync(resultsFile, report.Render());
Log($"wrote {resultsFile}");
return 0;

async Task<(Run Run, long Requests, long Throttled)> UnderGatewayLimitAsync()
{
    Log($"rate limit {Rate}/s");
    using var emulator = await EmulatorProcess.StartAsync($"cbr={throttledCbr},geminidb=1,rds=2,zstack=1,vbs=1", latencyMs: Latency, rateLimit: Rate);
    using var session = await BenchApi.Session.ConnectAsync(emulator, http);
    await Task.Delay(1500); // The connects' requests spent part of the allowance: let it refill.
    await emulator.StatsAsync(http, reset: true);
    var run = await Run.ModuleAsync(BenchApi.All(session).Single(a => a.Name == "CBR"), new PagingOptions { PageSize = 100 });
    var stats = await emulator.StatsAsync(http, reset: false);
    Check("CBR under the rate limit", run, throttledCbr);
    return (run, stats.Requests, stats.Throttled);
}

