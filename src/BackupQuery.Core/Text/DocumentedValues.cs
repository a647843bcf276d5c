namespace BackupQuery.Text;

/// <summary>
/// The one rule for values a query parameter documents (statuses, types, sort keys): typed in any case, sent in the
/// documented spelling, because the servers compare them case-sensitively (<c>ready</c> → <c>Ready</c>). A value the
/// list does not know passes unchanged: the APIs add values over time.
/// </summary>
internal static class DocumentedValues
{
    public static string? Canonical(string? value, IReadOnlyList<string> documented)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        return documented.FirstOrDefault(d => string.Equals(d, trimmed, StringComparison.OrdinalIgnoreCase)) ?? trimmed;
    }

    /// <summary>Each value in its documented spelling, each once.</summary>
    public static IReadOnlyList<string> Canonical(IEnumerable<string> values, IReadOnlyList<string> documented) =>
        values.Select(v => Canonical(v, documented)!).Distinct(StringComparer.Ordinal).ToList();
}
