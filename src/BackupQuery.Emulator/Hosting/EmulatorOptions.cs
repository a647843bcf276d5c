namespace BackupQuery.Emulator.Hosting;

/// <summary>Everything that shapes one emulator run: data sizes, clocks, credentials. Defaults are the demo set.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Seed of the deterministic data generator: the same seed and counts give the same records.</summary>
    public int Seed { get; set; } = 1;

    // Record counts per API. Each count is the total the API lists, the seed pages' examples included.
    public int ZStackCount { get; set; } = 5000;
    public int ImageStoreCount { get; set; } = 5;
    public int GeminiDbCount { get; set; } = 250;
    public int RdsCount { get; set; } = 250;
    public int VbsCount { get; set; } = 1500;
    public int CbrCount { get; set; } = 1500;

    /// <summary>Serves https with this certificate (an https URL is then expected); null serves plain http.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; set; }

    /// <summary>Image-store scan replies with the seed page's <c>infos</c> shape instead of <c>backups</c>.</summary>
    public bool SeedDocMode { get; set; }

    /// <summary>Fixed "now" of the generated data: records are dated before it, so results never drift with the wall clock.</summary>
    public DateTimeOffset DataAnchor { get; set; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Added before every reply, as a WAN would (0: none).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Requests per second each credential may make before the gateway answers 429 (0: unlimited).</summary>
    public int RateLimit { get; set; }

    /// <summary>Clock of session expiry and AccessKey time-skew checks; tests substitute a fake one to move time.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    // Faults of the whole run. The server reads them on every request, so a test may change them while it runs.

    /// <summary>Faults drawn at random for every list call (null: none).</summary>
    /// <exception cref="ArgumentException">On set: a chance outside [0, 1], or chances adding up to more than 1.</exception>
    public RandomFaults? RandomFaults
    {
        get => _randomFaults;
        set => _randomFaults = value?.Validated();
    }

    private RandomFaults? _randomFaults;

    /// <summary>A ZStack session or IAM token ends after this many authenticated calls (0: no limit): the next call fails as
    /// an expired one does (ZStack 503 <c>ID.1001</c>, Huawei 401 <c>APIGW.0301</c>); a new login lasts as many again.</summary>
    public int SessionCallLimit { get; set; }

    /// <summary>Every call, sign-in included, answers 502 with a proxy's HTML page: a server that is down.</summary>
    public bool DeadServer { get; set; }

    /// <summary>List calls at this offset or past it (<c>start</c> on ZStack, <c>offset</c> on Huawei) answer an empty page
    /// while the total stays as it is (null: off).</summary>
    public int? EmptyPagesFrom { get; set; }

    /// <summary>Run-time state of the HeadInsert fault: records added at the head of the listings so far.</summary>
    public HeadInserts HeadInserts { get; } = new();

    // ZStack management node.
    public TimeZoneInfo ZStackTimeZone { get; set; } = TimeZoneInfo.Utc;
    public TimeSpan ZStackSessionTimeout { get; set; } = TimeSpan.FromSeconds(7200);
    public string ZStackAccountName { get; set; } = "admin";
    public string ZStackPassword { get; set; } = "password";
    public string ZStackUserName { get; set; } = "operator";
    public string ZStackUserPassword { get; set; } = "Operator#2026";
    /// <summary>Concurrent sessions one user may hold; the next login fails with ID.1006 (ZStack's default is 500).</summary>
    public int ZStackMaxSessionsPerUser { get; set; } = 500;
    public string ZStackAccessKeyId { get; set; } = "ZSDEMOACCESSKEYID0001";
    public string ZStackAccessKeySecret { get; set; } = "zstack-demo-secret";
    /// <summary>SSH password the image-store backup server accepts (special characters on purpose: they test URL encoding).</summary>
    public string ImageStoreSshUser { get; set; } = "root";
    public string ImageStoreSshPassword { get; set; } = "p@ss:w#rd%?";

    // Huawei Cloud.
    public TimeSpan IamTokenLifetime { get; set; } = TimeSpan.FromHours(24);
    public string HuaweiDomainName { get; set; } = "demo-domain";
    public string HuaweiUserName { get; set; } = "demo-user";
    public string HuaweiPassword { get; set; } = "Demo@Passw0rd";
    public string HuaweiAccessKeyId { get; set; } = "HWDEMOACCESSKEY00001";
    public string HuaweiSecretAccessKey { get; set; } = "hw-demo-secret-access-key";
    /// <summary>A temporary AK/SK pair: requests signed with it must carry (and sign) this X-Security-Token.</summary>
    public string HuaweiTemporaryAccessKeyId { get; set; } = "HWTEMPACCESSKEY00001";
    public string HuaweiTemporarySecretAccessKey { get; set; } = "hw-temp-secret-access-key";
    public string HuaweiSecurityToken { get; set; } = "hw-demo-security-token";
    /// <summary>IAM projects: name is the region id. The data of every service lives under the first one.</summary>
    public List<EmulatorProject> Projects { get; set; } =
    [
        new("0605767b5780d5762fc5c0118072a564", "cn-north-4"),
        new("b23b579f08c84228b9b4673c46f0c442", "cn-east-3"),
    ];
}

public sealed record EmulatorProject(string Id, string Name);
