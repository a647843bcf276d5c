using System.Globalization;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator;

/// <summary>Command line: <c>--urls http://127.0.0.1:5080 [--seed 1] [--count zstack=5000,cbr=1500] [--seed-doc-mode] [--latency ms] [--rate-limit req/s] [--fault ...]</c>.</summary>
public static class Program
{
    private const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Exit code of a bad command line.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when the emulator cannot listen on its address (the port is taken, or not ours to use).</summary>
    public const int CannotListen = 3;

    private const string Usage = """
        BackupQuery API emulator: ZStack and Huawei Cloud backup APIs with deterministic data, on one port.

        Options:
          --urls <url>                 listen address (default http://127.0.0.1:5080)
          --seed <n>                   data generator seed (default 1)
          --count <key=n,...>          record counts; keys: zstack, imagestore, geminidb, rds, vbs, cbr,
                                       zstack-volume-backups; inventory sizes: geminidb-instances,
                                       rds-instances, cbr-servers, cbr-disks, zstack-volumes
          --no-coverage-fixtures       leave out the named coverage fixtures (docs/api_facts.md)
          --seed-doc-mode              image-store scan replies in the seed page's "infos" shape
          --zstack-timezone <IANA id>  the ZStack management node's zone (default UTC)
          --session-timeout <seconds>  ZStack session timeout, sliding (default 7200)
          --latency <ms>               added before every reply, like a WAN (default 0)
          --rate-limit <req/s>         per credential; beyond it 429 (APIGW.0308 on Huawei, bare on ZStack),
                                       no Retry-After (default 0: unlimited)
          --fault <kind>[=<n>]:<path prefix>[:<times>[:<after>]]
                                       arm a fault (repeatable); kinds: TooManyRequests[=retry-after s],
                                       Status=<code>, Delay=<ms>, ConnectionReset, TruncatedJson, MalformedJson,
                                       ExpireCredentials, HeadInsert[=records added at the head
                                       of the listings after each hit],
                                       OddRecord[=Size|Date|Object|Missing|Boolean], EmptyPage,
                                       LowercaseHeaders; e.g. --fault Status=502:/zstack/v1/database-backups:2
          --fault Random=seed:<n>,<kind>:<chance>,...
                                       a fault drawn for every list call (any GET but sign-in), the same
                                       ones for the same seed in the order calls arrive; kinds: 5xx (502,
                                       503 or 504 with a proxy's HTML page), 429 (no Retry-After),
                                       429-retry-after, reset, truncate; chances add up to at most 1;
                                       retry-after:<s> sets the Retry-After (default 1);
                                       e.g. --fault Random=seed:7,5xx:0.25,429:0.2,reset:0.1,truncate:0.1
          --fault SessionCalls=<n>     ZStack sessions and IAM tokens end after n authenticated calls
                                       (ZStack 503 ID.1001, Huawei 401 APIGW.0301); a new login lasts n again
          --fault DeadServer           every call, sign-in included, answers 502
          --fault EmptyPagesFrom=<k>   list calls at offset (ZStack: start) k or past it answer no records,
                                       the total unchanged
          --help                       this text
        """;

    public static async Task<int> Main(string[] args)
    {
        var options = new EmulatorOptions();
        string url;
        List<FaultRule> faults = [];
        try
        {
            if (!TryParse(args, options, faults, out url)) return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(Usage);
            return UsageError;
        }

        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(options, url);
        }
        catch (IOException e)
        {
            // Kestrel reports a failed bind as an IOException; one line says what to do instead of a stack trace.
            Console.Error.WriteLine(CannotListenMessage(url, e));
            return CannotListen;
        }
        await using var running = server;
        foreach (var fault in faults) server.Faults.Add(fault);
        Describe(server);
        // Ctrl+C stops the host (console lifetime); disposal then shuts the server down.
        await server.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>Applies the arguments to <paramref name="options"/>; false when only help was asked for.</summary>
    public static bool TryParse(string[] args, EmulatorOptions options, List<FaultRule> faults, out string url)
    {
        url = DefaultUrl;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    Console.WriteLine(Usage);
                    return false;
                case "--urls":
                    url = Value();
                    break;
                case "--seed":
                    options.Seed = Integer(name, Value());
                    break;
                case "--count":
                    ApplyCounts(options, Value());
                    break;
                case "--no-coverage-fixtures":
                    options.CoverageFixtures = false;
                    break;
                case "--seed-doc-mode":
                    options.SeedDocMode = true;
                    break;
                case "--zstack-timezone":
                    var zone = Value();
                    try
                    {
                        options.ZStackTimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
                    }
                    catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
                    {
                        throw new ArgumentException($"unknown time zone '{zone}'");
                    }
                    break;
                case "--session-timeout":
                    options.ZStackSessionTimeout = TimeSpan.FromSeconds(Integer(name, Value(), minimum: 1));
                    break;
                case "--latency":
                    options.Latency = TimeSpan.FromMilliseconds(Integer(name, Value()));
                    break;
                case "--rate-limit":
                    options.RateLimit = Integer(name, Value());
                    break;
                case "--fault":
                    var fault = Value();
                    if (!TryApplyRunFault(fault, options)) faults.Add(ParseFault(fault));
                    break;
                default:
                    throw new ArgumentException($"unknown option '{name}'");
            }
        }
        return true;
    }

    private static void ApplyCounts(EmulatorOptions options, string text)
    {
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--count expects key=n pairs, got '{pair}'");
            var key = pair[..eq].ToLowerInvariant();
            var n = Integer($"--count {key}", pair[(eq + 1)..]);
            switch (key)
            {
                case "zstack": options.ZStackCount = n; break;
                case "imagestore": options.ImageStoreCount = n; break;
                case "geminidb": options.GeminiDbCount = n; break;
                case "rds": options.RdsCount = n; break;
                case "vbs": options.VbsCount = n; break;
                case "cbr": options.CbrCount = n; break;
                case "zstack-volume-backups": options.ZStackVolumeBackupCount = n; break;
                case "geminidb-instances": options.GeminiDbInstanceCount = n; break;
                case "rds-instances": options.RdsInstanceCount = n; break;
                case "cbr-servers": options.CbrServerCount = n; break;
                case "cbr-disks": options.CbrDiskCount = n; break;
                case "zstack-volumes": options.ZStackVolumeCount = n; break;
                default: throw new ArgumentException($"unknown --count key '{key}' (keys: zstack, imagestore, geminidb, rds, vbs, cbr, zstack-volume-backups, geminidb-instances, rds-instances, cbr-servers, cbr-disks, zstack-volumes)");
            }
        }
    }

    /// <summary>Applies a fault of the whole run (Random, SessionCalls, DeadServer, EmptyPagesFrom); false for any other.</summary>
    private static bool TryApplyRunFault(string text, EmulatorOptions options)
    {
        var eq = text.IndexOf('=');
        var kind = eq < 0 ? text : text[..eq];
        string Argument() => eq < 0 ? throw new ArgumentException($"--fault {kind} needs a value: {kind}=<n>") : text[(eq + 1)..];
        switch (kind.ToLowerInvariant())
        {
            case "random":
                options.RandomFaults = ParseRandomFaults(Argument());
                return true;
            case "sessioncalls":
                options.SessionCallLimit = Integer("--fault SessionCalls", Argument(), minimum: 1);
                return true;
            case "deadserver":
                if (eq >= 0) throw new ArgumentException("--fault DeadServer takes no value");
                options.DeadServer = true;
                return true;
            case "emptypagesfrom":
                options.EmptyPagesFrom = Integer("--fault EmptyPagesFrom", Argument());
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>seed:7,5xx:0.25,429:0.2,429-retry-after:0.1,reset:0.1,truncate:0.1[,retry-after:2]</c>.</summary>
    private static RandomFaults ParseRandomFaults(string text)
    {
        int? seed = null;
        double gateway = 0, throttle = 0, throttleWithRetryAfter = 0, reset = 0, truncate = 0;
        var retryAfter = 1;
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.IndexOf(':');
            if (colon <= 0) throw new ArgumentException($"--fault Random expects key:value pairs, got '{pair}'");
            var (key, value) = (pair[..colon].ToLowerInvariant(), pair[(colon + 1)..]);
            switch (key)
            {
                case "seed": seed = Integer("--fault Random seed", value); break;
                case "retry-after": retryAfter = Integer("--fault Random retry-after", value, minimum: 1); break;
                case "5xx": gateway = Chance(key, value); break;
                case "429": throttle = Chance(key, value); break;
                case "429-retry-after": throttleWithRetryAfter = Chance(key, value); break;
                case "reset": reset = Chance(key, value); break;
                case "truncate": truncate = Chance(key, value); break;
                default: throw new ArgumentException($"unknown --fault Random key '{key}' (keys: seed, 5xx, 429, 429-retry-after, reset, truncate, retry-after)");
            }
        }
        if (seed is null) throw new ArgumentException("--fault Random needs a seed: Random=seed:7,5xx:0.25");
        return new RandomFaults(seed.Value)
        {
            GatewayError = gateway,
            Throttle = throttle,
            ThrottleWithRetryAfter = throttleWithRetryAfter,
            ConnectionReset = reset,
            TruncatedBody = truncate,
            RetryAfter = TimeSpan.FromSeconds(retryAfter),
        }.Validated();
    }

    private static double Chance(string key, string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var chance) && chance <= 1
            ? chance
            : throw new ArgumentException($"--fault Random {key} expects a chance between 0 and 1, got '{text}'");

    /// <summary>One line naming the address and port that could not be used, and what to pass instead.</summary>
    internal static string CannotListenMessage(string url, IOException failure)
    {
        var ports = url.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => TryPort(u) is { } port ? port.ToString(CultureInfo.InvariantCulture) : null).Where(p => p is not null).Distinct().ToList();
        var what = ports.Count switch { 0 => "its port", 1 => $"port {ports[0]}", _ => $"ports {string.Join(", ", ports)}" };
        return failure.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
            ? $"error: cannot listen on {url}: {what} is already in use. Start with --urls http://127.0.0.1:0 (any free port; the address is printed) or another port."
            : $"error: cannot listen on {url} ({what}): {failure.Message} Start with --urls http://127.0.0.1:0 (any free port; the address is printed) or another port.";
    }

    private static int? TryPort(string url)
    {
        try
        {
            return Microsoft.AspNetCore.Http.BindingAddress.Parse(url).Port;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static FaultRule ParseFault(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 4 || !parts[1].StartsWith('/')) throw new ArgumentException($"--fault expects <kind>[=<n>]:<path prefix>[:<times>[:<after>]], got '{text}'");
        var kindText = parts[0].Split('=', 2);
        if (!Enum.TryParse<FaultKind>(kindText[0], ignoreCase: true, out var kind)) throw new ArgumentException($"unknown fault kind '{kindText[0]}'");
        var odd = OddRecordKind.Size;
        if (kind == FaultKind.OddRecord && kindText.Length == 2 && !Enum.TryParse(kindText[1], ignoreCase: true, out odd)) throw new ArgumentException($"--fault OddRecord expects one of {string.Join(", ", Enum.GetNames<OddRecordKind>())}, got '{kindText[1]}'");
        int? n = kindText.Length == 2 && kind != FaultKind.OddRecord ? Integer("--fault " + kindText[0], kindText[1]) : null;
        if (kind == FaultKind.Status && n is null) throw new ArgumentException("--fault Status needs a code: Status=502");
        return new FaultRule(parts[1], kind, parts.Length > 2 ? Integer("--fault times", parts[2], minimum: 1) : 1)
        {
            AfterRequests = parts.Length > 3 ? Integer("--fault after", parts[3]) : 0,
            StatusCode = kind == FaultKind.Status ? n!.Value : 503,
            RetryAfter = kind == FaultKind.TooManyRequests && n is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Delay = kind == FaultKind.Delay && n is { } ms ? TimeSpan.FromMilliseconds(ms) : TimeSpan.Zero,
            InsertCount = kind == FaultKind.HeadInsert && n is { } count ? count : 1,
            OddRecord = odd,
        };
    }

    private static int Integer(string name, string text, int minimum = 0) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{name} expects an integer >= {minimum}, got '{text}'");

    private static void Describe(EmulatorServer server)
    {
        var o = server.Options;
        Console.WriteLine($"BackupQuery emulator listening on {server.BaseAddress}");
        Console.WriteLine($"ZStack: {server.ZStackUrl} ({o.ZStackCount} database backups, zone {o.ZStackTimeZone.Id})");
        var volumes = server.ZStack.Volumes;
        Console.WriteLine($"  Volumes {volumes.Volumes.Count}, volume backups {volumes.Backups.Count}, scheduler jobs {volumes.Jobs.Count}");
        // Demo credentials of a local emulator, printed so a person can connect; nothing real.
        Console.WriteLine($"  account {o.ZStackAccountName} / {o.ZStackPassword}; user {o.ZStackUserName} / {o.ZStackUserPassword}");
        Console.WriteLine($"  AccessKey {o.ZStackAccessKeyId} / {o.ZStackAccessKeySecret}; image-store SSH {o.ImageStoreSshUser} / {o.ImageStoreSshPassword}");
        Console.WriteLine($"  Connect-ZStack -Server {server.ZStackUrl} -Credential (New-Object PSCredential {Quote(o.ZStackAccountName)}, (ConvertTo-SecureString {Quote(o.ZStackPassword)} -AsPlainText -Force))");
        foreach (var line in server.HuaweiCloud.DescribeForConsole(server)) Console.WriteLine(line);
        if (o.RandomFaults is { } r)
            Console.WriteLine(FormattableString.Invariant($"Random faults per list call (seed {r.Seed}): 5xx {r.GatewayError}, 429 {r.Throttle}, 429 with Retry-After {r.ThrottleWithRetryAfter}, reset {r.ConnectionReset}, truncate {r.TruncatedBody}"));
        if (o.SessionCallLimit > 0) Console.WriteLine($"Sessions and IAM tokens end after {o.SessionCallLimit} calls");
        if (o.EmptyPagesFrom is { } from) Console.WriteLine($"Pages from offset {from} are empty (totals unchanged)");
        if (o.DeadServer) Console.WriteLine("Dead server: every call answers 502");
        if (o.CoverageFixtures) Console.WriteLine($"Coverage fixtures (cov-*, docs/api_facts.md) dated back from {server.StartedAt:yyyy-MM-dd HH:mm:ss} UTC");
        Console.WriteLine("Press Ctrl+C to stop.");
    }

    /// <summary>A PowerShell single-quoted string literal.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "''") + "'";
}
