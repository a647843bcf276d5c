using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// Typed access to the query string as the server decoded it (a raw '+' is already a space here, as on the real
/// services). Every failure throws <see cref="InvalidParameterException"/>.
/// </summary>
internal sealed partial class QueryReader(IQueryCollection query)
{
    public string? String(string name)
    {
        var values = query[name];
        return values.Count == 0 ? null : values[^1];
    }

    public IReadOnlyList<string> All(string name) => query[name].Where(v => v is not null).Select(v => v!).ToArray();

    public string? OneOf(string name, IReadOnlyCollection<string> allowed, StringComparer? comparer = null)
    {
        var value = String(name);
        if (value is null) return null;
        if (!allowed.Contains(value, comparer ?? StringComparer.Ordinal))
            throw new InvalidParameterException($"Invalid parameter {name}: '{value}'. Allowed: {string.Join(", ", allowed)}.");
        return value;
    }

    public int Int(string name, int defaultValue, int min, int max)
    {
        var value = String(name);
        if (value is null) return defaultValue;
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new InvalidParameterException($"Invalid parameter {name}: '{value}'. It must be an integer from {min} to {max}.");
        return n;
    }

    public bool? Bool(string name)
    {
        var value = String(name);
        if (value is null) return null;
        if (bool.TryParse(value, out var b)) return b;
        throw new InvalidParameterException($"Invalid parameter {name}: '{value}'. It must be true or false.");
    }

    /// <summary>GeminiDB/RDS <c>begin_time</c>/<c>end_time</c>: <c>yyyy-MM-ddTHH:mm:ss±hhmm</c>, both or neither, end not before begin.</summary>
    public (DateTimeOffset Begin, DateTimeOffset End)? OffsetTimeRange(string beginName, string endName)
    {
        var begin = String(beginName);
        var end = String(endName);
        if (begin is null && end is null) return null;
        if (begin is null || end is null)
            throw new InvalidParameterException($"{beginName} and {endName} must be specified together.");
        var range = (ParseOffsetTime(beginName, begin), ParseOffsetTime(endName, end));
        if (range.Item2 < range.Item1) throw new InvalidParameterException($"{endName} must not be earlier than {beginName}.");
        return range;
    }

    private static DateTimeOffset ParseOffsetTime(string name, string value)
    {
        var m = OffsetTimePattern().Match(value);
        if (!m.Success || !DateTime.TryParseExact(m.Groups[1].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new InvalidParameterException($"Invalid parameter {name}: '{value}'. Expected yyyy-mm-ddThh:mm:ss±hhmm, e.g. 2019-05-27T03:38:51+0800.");
        var sign = m.Groups[2].Value == "-" ? -1 : 1;
        var offset = new TimeSpan(int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), 0) * sign;
        if (offset.Duration() > TimeSpan.FromHours(14)) throw new InvalidParameterException($"Invalid parameter {name}: '{value}'. Bad time zone offset.");
        return new DateTimeOffset(local, offset);
    }

    /// <summary>CBR <c>start_time</c>/<c>end_time</c>: <c>2018-02-01T12:00:00Z</c> (UTC; fractional seconds tolerated).</summary>
    public DateTime? UtcTime(string name)
    {
        var value = String(name);
        if (value is null) return null;
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];
        if (!DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
            throw new InvalidParameterException($"Invalid parameter {name}: '{value}'. Expected yyyy-MM-ddTHH:mm:ssZ, e.g. 2018-02-01T12:00:00Z.");
        return t;
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-])(\d{2})(\d{2})$")]
    private static partial Regex OffsetTimePattern();
}
