namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// The <c>id</c>/<c>name</c> filters of the database ListInstances APIs: a value starting with <c>*</c> matches names that
/// contain the rest; any other value matches exactly; a lone <c>*</c> is rejected.
/// </summary>
internal static class FuzzyName
{
    public static Func<string, bool>? Read(QueryReader query, string name)
    {
        var pattern = query.String(name);
        if (pattern is null) return null;
        if (pattern == "*") throw new InvalidParameterException($"Invalid parameter {name}: '*' alone is not allowed.");
        if (pattern.StartsWith('*'))
        {
            var part = pattern[1..];
            return value => value.Contains(part, StringComparison.Ordinal);
        }
        return value => value == pattern;
    }
}
