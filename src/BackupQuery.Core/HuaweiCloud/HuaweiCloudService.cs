namespace BackupQuery.HuaweiCloud;

/// <summary>
/// A Huawei Cloud service this module calls. <see cref="Key"/> is its host name in the default URL
/// (<c>https://{key}.{region}.myhuaweicloud.com</c>) and its key in <c>-Endpoint</c>; the instances below are the only ones.
/// </summary>
internal sealed class HuaweiCloudService
{
    public static readonly HuaweiCloudService Iam = new("iam");
    public static readonly HuaweiCloudService GeminiDb = new("gaussdb-nosql");
    public static readonly HuaweiCloudService Rds = new("rds");
    public static readonly HuaweiCloudService Vbs = new("vbs");
    public static readonly HuaweiCloudService Cbr = new("cbr");

    public static readonly IReadOnlyList<HuaweiCloudService> All = [Iam, GeminiDb, Rds, Vbs, Cbr];

    private HuaweiCloudService(string key) => Key = key;

    public string Key { get; }

    /// <summary>The service of an <c>-Endpoint</c> key (case and surrounding blanks ignored), or null.</summary>
    public static HuaweiCloudService? Find(string? key) =>
        All.FirstOrDefault(s => string.Equals(s.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Key;
}
