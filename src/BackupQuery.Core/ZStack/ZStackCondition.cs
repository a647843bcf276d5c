using System.Globalization;
using System.Text.RegularExpressions;
using BackupQuery.Http;

namespace BackupQuery.ZStack;

/// <summary>
/// One ZStack query condition (<c>field&lt;op&gt;value</c>). The server finds the operator by testing them in a fixed order
/// and splits at the first match, so a value that itself contains an operator would be split wrongly: such values are
/// rejected here with a clear error rather than sent.
/// </summary>
internal sealed class ZStackCondition
{
    /// <summary>The operators in the server's matching order (spec §4); the first found wins.</summary>
    public static readonly string[] Operators = ["!=", ">=", "<=", "!?=", "!~=", "~=", "?=", "=", ">", "<", " is null", " not null"];

    private static readonly Regex FieldName = new("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant);

    private ZStackCondition(string field, string op, string value)
    {
        Field = field;
        Operator = op;
        Value = value;
    }

    public string Field { get; }
    public string Operator { get; }
    public string Value { get; }

    /// <summary>The text of the <c>q</c> parameter before URL encoding.</summary>
    public override string ToString() => Field + Operator + Value;

    public static ZStackCondition Create(string field, string op, string value)
    {
        if (!FieldName.IsMatch(field)) throw Invalid($"'{field}' is not a field name");
        if (Array.IndexOf(Operators, op) < 0) throw Invalid($"'{op}' is not a ZStack query operator");
        var clash = Operators.FirstOrDefault(o => value.IndexOf(o.Trim(), StringComparison.Ordinal) >= 0 && o.Trim().Length > 0 && !o.StartsWith(" ", StringComparison.Ordinal));
        if (clash is not null)
        {
            throw Invalid($"the value '{value}' for '{field}' contains the operator '{clash}', which the ZStack server would split on; query without it (for example with a wildcard in its place)");
        }
        return new ZStackCondition(field, op, value);
    }

    /// <summary>Parses a raw condition such as <c>status=Ready</c> or <c>description is null</c>, as the server would.</summary>
    public static ZStackCondition Parse(string condition)
    {
        if (string.IsNullOrWhiteSpace(condition)) throw Invalid("an empty condition");
        foreach (var op in Operators)
        {
            var at = condition.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0) continue;
            var field = condition.Substring(0, at);
            var value = condition.Substring(at + op.Length);
            if (op.StartsWith(" ", StringComparison.Ordinal) && value.Length > 0) throw Invalid($"'{condition}' has text after '{op.Trim()}'");
            return Create(field, op, value);
        }
        throw Invalid($"'{condition}' has no operator; use one of {string.Join(" ", Operators.Select(o => o.Trim()))} (for example status=Ready)");
    }

    /// <summary>A name filter: PowerShell wildcards (<c>*</c>, <c>?</c>) become a <c>~=</c> like (<c>%</c>, <c>_</c>); otherwise equality.</summary>
    public static ZStackCondition ForName(string field, string pattern)
    {
        if (pattern.IndexOf('*') < 0 && pattern.IndexOf('?') < 0) return Create(field, "=", pattern);
        return Create(field, "~=", pattern.Replace('*', '%').Replace('?', '_'));
    }

    /// <summary>One value is <c>=</c>, several are <c>?=</c> (in).</summary>
    public static ZStackCondition ForAny(string field, IReadOnlyList<string> values)
    {
        if (values.Any(v => v.IndexOf(',') >= 0)) throw Invalid($"a value for '{field}' contains ',', which separates values of an in-list");
        return values.Count == 1 ? Create(field, "=", values[0]) : Create(field, "?=", string.Join(",", values));
    }

    /// <summary>A timestamp bound: the server reads <c>yyyy-MM-dd HH:mm:ss</c> in the management node's zone.</summary>
    public static ZStackCondition ForTime(string field, string op, DateTimeOffset when, TimeZoneInfo serverZone)
    {
        var local = TimeZoneInfo.ConvertTime(when, serverZone);
        return new ZStackCondition(field, op, local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
    }

    private static BackupQueryException Invalid(string what) => new($"Invalid ZStack filter: {what}.", ApiErrorKind.InvalidArgument);

    /// <summary>A time window's bounds in order, or an invalid-argument error naming both.</summary>
    internal static void CheckWindow(DateTimeOffset? after, DateTimeOffset? before)
    {
        if (after is { } from && before is { } to && from >= to)
        {
            throw new Http.BackupQueryException(
                $"-CreatedAfter ({from.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}) must be earlier than -CreatedBefore ({to.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).", Http.ApiErrorKind.InvalidArgument);
        }
    }

    /// <summary>A query's <c>sort</c> value: <c>+field</c> or <c>-field</c>; null without a field.</summary>
    /// <summary>The <c>sort</c> value: the field in its documented spelling, after <c>+</c> or <c>-</c>.</summary>
    internal static string? SortValue(string? field, IReadOnlyList<string> fields, bool descending) =>
        string.IsNullOrEmpty(field) ? null : (descending ? "-" : "+") + Text.DocumentedValues.Canonical(field, fields);
}
