using System.Globalization;
using BackupQuery.Http;

namespace BackupQuery.HuaweiCloud;

/// <summary>How the Huawei queries write times, enum values and checks on the wire (shared by the four services).</summary>
internal static class QueryValues
{
    /// <summary>Earliest bound supplied when only an upper bound was given (GeminiDB/RDS need both).</summary>
    public static readonly DateTimeOffset Epoch = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>GeminiDB/RDS: <c>2019-05-27T03:38:51+0000</c>, in UTC.</summary>
    public static string WithOffset(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture);

    /// <summary>CBR: <c>2018-02-01T12:00:00Z</c>.</summary>
    public static string Utc(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Both bounds of a window whose API wants both or neither: a missing one is the epoch or tomorrow.</summary>
    public static (DateTimeOffset Begin, DateTimeOffset End)? Window(DateTimeOffset? after, DateTimeOffset? before, DateTimeOffset now)
    {
        if (after is null && before is null) return null;
        var begin = after ?? Epoch;
        var end = before ?? now.AddDays(1);
        if (begin >= end) throw Invalid($"-CreatedAfter ({WithOffset(begin)}) must be earlier than -CreatedBefore ({WithOffset(end)}).");
        return (begin, end);
    }

    public static void CheckOrder(DateTimeOffset? after, DateTimeOffset? before)
    {
        if (after is { } a && before is { } b && a >= b) throw Invalid($"-CreatedAfter ({Utc(a)}) must be earlier than -CreatedBefore ({Utc(b)}).");
    }

    public static void CheckLength(string? value, int max, string parameter)
    {
        if (value is not null && value.Length > max) throw Invalid($"-{parameter} is longer than {max} characters.");
    }

    public static BackupQueryException Invalid(string message) => new(message, ApiErrorKind.InvalidArgument);
}

/// <summary>Query parameters in order; empty values are left out (the APIs read an empty value as a filter).</summary>
internal sealed class QueryParameters : List<KeyValuePair<string, string>>
{
    public void Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) Add(new KeyValuePair<string, string>(key, value!));
    }

    public void Add(string key, bool? value)
    {
        if (value is { } flag) Add(key, flag ? "true" : "false");
    }
}
