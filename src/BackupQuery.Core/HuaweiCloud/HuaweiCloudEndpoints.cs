using BackupQuery.Connections;
using BackupQuery.Http;

namespace BackupQuery.HuaweiCloud;

/// <summary>
/// The base URL of each Huawei Cloud service for a region (spec §1): the default host pattern, its known exceptions,
/// and per-service overrides (Huawei Cloud Stack, other domains, the emulator). Base URLs may carry a path prefix; a user
/// name and password inside an override are dropped (<see cref="EndpointUrl"/>).
/// </summary>
internal sealed class HuaweiCloudEndpoints
{
    /// <summary>Union of the region ids of the official .NET SDK's CBR, GeminiDB, RDS and IAM region classes.</summary>
    public static readonly IReadOnlyList<string> KnownRegions =
    [
        "af-north-1", "af-south-1", "ae-ad-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
        "ap-southeast-5", "cn-east-2", "cn-east-3", "cn-east-4", "cn-east-5", "cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9",
        "cn-north-11", "cn-north-12", "cn-south-1", "cn-south-2", "cn-south-4", "cn-southwest-2", "cn-southwest-3", "eu-west-0",
        "eu-west-101", "la-north-2", "la-south-2", "me-east-1", "my-kualalumpur-1", "na-mexico-1", "ru-moscow-1", "ru-northwest-2",
        "sa-brazil-1", "tr-west-1",
    ];

    /// <summary>Used when a region has no regional IAM endpoint.</summary>
    public static readonly Uri GlobalIam = new("https://iam.myhuaweicloud.com/");

    // Regions whose IAM is not regional (the SDK's IAM region list has no entry for them).
    private static readonly HashSet<string> RegionsWithoutIam = new(StringComparer.Ordinal) { "eu-west-101" };

    // Services served from myhuaweicloud.eu in a region (the others there stay on .com).
    private static readonly Dictionary<string, HuaweiCloudService[]> EuropeanDomain = new(StringComparer.Ordinal)
    {
        ["eu-west-101"] = [HuaweiCloudService.GeminiDb, HuaweiCloudService.Rds],
    };

    private readonly Dictionary<HuaweiCloudService, Uri> _byService;

    private HuaweiCloudEndpoints(string region, Dictionary<HuaweiCloudService, Uri> byService)
    {
        Region = region;
        _byService = byService;
    }

    public string Region { get; }

    /// <summary>False for a region id this build does not know (new regions appear): the default pattern is used, and the cmdlet warns.</summary>
    public bool IsKnownRegion => IsKnown(Region);

    /// <summary>Effective base URL per service, ending in '/'.</summary>
    public IReadOnlyDictionary<HuaweiCloudService, Uri> All => _byService;

    public Uri this[HuaweiCloudService service] => _byService[service];

    public static bool IsKnown(string region) => KnownRegions.Contains(region, StringComparer.Ordinal);

    /// <summary>The default base URL of <paramref name="service"/> in <paramref name="region"/>.</summary>
    public static Uri DefaultFor(HuaweiCloudService service, string region)
    {
        if (service == HuaweiCloudService.Iam && RegionsWithoutIam.Contains(region)) return GlobalIam;
        var domain = EuropeanDomain.TryGetValue(region, out var eu) && eu.Contains(service) ? "myhuaweicloud.eu" : "myhuaweicloud.com";
        return new Uri($"https://{service.Key}.{region}.{domain}/");
    }

    /// <summary>
    /// The endpoints for <paramref name="region"/>, with <paramref name="overrides"/> (service key → base URL) replacing
    /// the defaults. A bad key or URL is an <see cref="ApiErrorKind.InvalidArgument"/> error.
    /// </summary>
    public static HuaweiCloudEndpoints Resolve(string region, IReadOnlyDictionary<string, string>? overrides = null)
    {
        if (string.IsNullOrWhiteSpace(region) || region.Any(c => !(char.IsLetterOrDigit(c) || c == '-')))
        {
            throw new BackupQueryException($"'{region}' is not a Huawei Cloud region id (for example cn-north-4).", ApiErrorKind.InvalidArgument);
        }
        var map = HuaweiCloudService.All.ToDictionary(s => s, s => DefaultFor(s, region));
        foreach (var entry in overrides ?? new Dictionary<string, string>())
        {
            var service = HuaweiCloudService.Find(entry.Key)
                ?? throw new BackupQueryException($"'{entry.Key}' is not a Huawei Cloud service key: use {string.Join(", ", HuaweiCloudService.All)}.", ApiErrorKind.InvalidArgument);
            map[service] = ParseBase(service, entry.Value);
        }
        return new HuaweiCloudEndpoints(region, map);
    }

    private static Uri ParseBase(HuaweiCloudService service, string? value)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
        {
            throw new BackupQueryException($"The {service} endpoint '{EndpointUrl.Redact(value)}' is not an http(s) base URL (for example https://{service}.cn-north-4.myhuaweicloud.com).", ApiErrorKind.InvalidArgument);
        }
        var builder = new UriBuilder(EndpointUrl.WithoutUserInfo(uri)) { Path = uri.AbsolutePath.TrimEnd('/') + "/", Fragment = "" };
        return builder.Uri;
    }
}
