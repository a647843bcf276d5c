using System.Globalization;
using System.Net.Http.Json;
using BackupQuery.Bench;
using BackupQuery.Connections;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.ZStack;

// Usage: dotnet run -c Release --project bench/BackupQuery.Bench -- [records=100000] [rounds=3]
// Lists the same ZStack inventory with BackupQuery's Core and with a naive baseline, against the emulator run as its
// own process, and reports the medians and their ratios. Numbers only mean something relative to each other.
var records = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;

using var emulator = await EmulatorProcess.StartAsync($"zstack={records},cbr={records}");
var zstack = new Uri(emulator.BaseAddress, "zstack");
Console.WriteLine($"emulator {emulator.BaseAddress}, {records} ZStack database backups, {rounds} rounds each");

using var connection = await ZStackConnection.ConnectAsync(new ZStackConnectOptions
{
    Server = zstack.ToString(),
    Credential = new ZStackCredential.Account("admin", SensitiveString.FromPlainText("password")),
    ServerTimeZone = TimeZoneInfo.Utc,
}, CancellationToken.None);

using var http = new HttpClient();
var login = await http.PutAsJsonAsync(new Uri(emulator.BaseAddress, "zstack/v1/accounts/login"),
    new { logInByAccount = new { accountName = "admin", password = ZStackPasswordHash.Compute("password") } });
var session = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("inventory").GetProperty("uuid").GetString()!;

var ours = new List<Measurement>();
var naive = new List<Measurement>();
for (var round = 0; round < rounds + 1; round++)
{
    // Round 0 warms both up (JIT, connection pool) and is not counted.
    var a = await Measurement.TakeAsync("BackupQuery", async onRecord =>
    {
        await foreach (var _ in connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions(), CancellationToken.None)) onRecord();
    });
    var b = await Measurement.TakeAsync("naive", async onRecord =>
    {
        var firstSeen = false;
        var all = await NaiveZStackLister.ListAsync(http, emulator.BaseAddress, session, () => firstSeen = true);
        foreach (var _ in all) onRecord();
        GC.KeepAlive(firstSeen);
    });
    if (round == 0) continue;
    ours.Add(a);
    naive.Add(b);
}

static Measurement Median(List<Measurement> runs) => runs.OrderBy(m => m.Total).ElementAt(runs.Count / 2);
var m1 = Median(ours);
var m0 = Median(naive);
Console.WriteLine();
Console.WriteLine($"{"lister",-12} {"records",8} {"total s",8} {"rec/s",9} {"first ms",9} {"alloc MB",9} {"peak live MB",13}");
foreach (var m in new[] { m1, m0 })
{
    Console.WriteLine($"{m.Name,-12} {m.Records,8} {m.Total.TotalSeconds,8:0.00} {m.RecordsPerSecond,9:0} {m.FirstRecord.TotalMilliseconds,9:0} {m.AllocatedBytes / 1048576.0,9:0.0} {m.PeakLiveBytes / 1048576.0,13:0.0}");
}
Console.WriteLine();
Console.WriteLine($"throughput ratio (BackupQuery / naive): {m1.RecordsPerSecond / m0.RecordsPerSecond:0.00}x");
Console.WriteLine($"time to first record ratio (naive / BackupQuery): {m0.FirstRecord.TotalMilliseconds / Math.Max(1, m1.FirstRecord.TotalMilliseconds):0.0}x");
Console.WriteLine($"peak live memory ratio (naive / BackupQuery): {(double)m0.PeakLiveBytes / Math.Max(1, m1.PeakLiveBytes):0.0}x");
Console.WriteLine($"allocation ratio (naive / BackupQuery): {(double)m0.AllocatedBytes / Math.Max(1, m1.AllocatedBytes):0.00}x");

// Huawei CBR, same inventory size: IAM token vs AK/SK (every page request signed with SDK-HMAC-SHA256).
var endpoints = new[] { "iam", "gaussdb-nosql", "rds", "vbs", "cbr" }.ToDictionary(s => s, s => new Uri(emulator.BaseAddress, s).ToString());
Task<HuaweiCloudConnection> ConnectHuawei(HuaweiCloudCredential credential) => HuaweiCloudConnection.ConnectAsync(new HuaweiCloudConnectOptions
{
    Region = "cn-north-4",
    Credential = credential,
    Endpoints = endpoints,
}, CancellationToken.None);
using var token = await ConnectHuawei(new HuaweiCloudCredential.Password("demo-domain", "demo-user", SensitiveString.FromPlainText("Demo@Passw0rd")));
using var aksk = await ConnectHuawei(new HuaweiCloudCredential.AccessKey("HWDEMOACCESSKEY00001", SensitiveString.FromPlainText("hw-demo-secret-access-key")));
var byToken = new List<Measurement>();
var bySignature = new List<Measurement>();
for (var round = 0; round < rounds + 1; round++)
{
    var t = await Measurement.TakeAsync("CBR token", async onRecord =>
    {
        await foreach (var _ in token.GetCbrBackupsAsync(new CbrBackupQuery(), new PagingOptions(), CancellationToken.None)) onRecord();
    });
    var k = await Measurement.TakeAsync("CBR AK/SK", async onRecord =>
    {
        await foreach (var _ in aksk.GetCbrBackupsAsync(new CbrBackupQuery(), new PagingOptions(), CancellationToken.None)) onRecord();
    });
    if (round == 0) continue;
    byToken.Add(t);
    bySignature.Add(k);
}
var c0 = Median(byToken);
var c1 = Median(bySignature);
Console.WriteLine();
foreach (var m in new[] { c0, c1 })
{
    Console.WriteLine($"{m.Name,-12} {m.Records,8} {m.Total.TotalSeconds,8:0.00} {m.RecordsPerSecond,9:0} {m.FirstRecord.TotalMilliseconds,9:0} {m.AllocatedBytes / 1048576.0,9:0.0} {m.PeakLiveBytes / 1048576.0,13:0.0}");
}
Console.WriteLine($"AK/SK signing throughput relative to token auth: {c1.RecordsPerSecond / c0.RecordsPerSecond:0.00}x");
