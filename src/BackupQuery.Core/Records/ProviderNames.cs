namespace BackupQuery.Records;

/// <summary>The providers' names, as records, connections and errors show them.</summary>
internal static class ProviderNames
{
    public const string HuaweiCloud = "HuaweiCloud";
    public const string ZStack = "ZStack";
}
