namespace BackupQuery.PowerShell.Tests.Support;

/// <summary>A journal entry's raw query as name → value (the last value of a repeated name), decoded.</summary>
internal static class Query
{
    public static IReadOnlyDictionary<string, string> Parse(string rawQuery)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            result[Uri.UnescapeDataString(parts[0])] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
        }
        return result;
    }
}
