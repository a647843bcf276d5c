using System.Globalization;

namespace BackupQuery.Text;

/// <summary>
/// Tolerant timestamp reading for every provider. A value that does not parse gives null (and the raw text stays on
/// the record), so one odd record never aborts a listing.
/// </summary>
internal static class Timestamps
{
    // ZStack: Java's US default format, as the Go SDK reads it, with and without the newer JDKs' comma after the year.
    private static readonly string[] JavaFormats =
    [
        "MMM d, yyyy h:mm:ss tt", "MMM d, yyyy, h:mm:ss tt", "MMM d, yyyy H:mm:ss", "MMM d, yyyy, H:mm:ss",
    ];

    private static readonly string[] IsoLocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>A ZStack timestamp: zone-less wall-clock time of the management node (<paramref name="serverZone"/>), or RFC 3339.</summary>
    public static DateTimeOffset? ParseZStack(string? text, TimeZoneInfo serverZone)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return TimestampLayouts.TryJava(text!, serverZone, out var value) || TimestampLayouts.TryIso(text!, serverZone, out value)
            ? value
            : ParseZStackAnyLayout(text!, serverZone);
    }

    /// <summary>A Huawei timestamp: with an offset (<c>+0000</c>, <c>+08:00</c>, <c>Z</c>) or zone-less, which means UTC.</summary>
    public static DateTimeOffset? ParseHuawei(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return TimestampLayouts.TryIso(text!, TimeZoneInfo.Utc, out var value) ? value : ParseHuaweiAnyLayout(text!);
    }

    /// <summary>What <see cref="ParseZStack"/> gives for a text outside the common layouts (internal: the tests compare the two paths).</summary>
    internal static DateTimeOffset? ParseZStackAnyLayout(string text, TimeZoneInfo serverZone)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        // Newer JDKs put a narrow no-break space before AM/PM.
        var normalised = text.Replace('\u202F', ' ').Replace('\u00A0', ' ').Trim();
        if (DateTime.TryParseExact(normalised, JavaFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return InRange(local, serverZone);
        }
        return ParseIso(normalised, serverZone);
    }

    internal static DateTimeOffset? ParseHuaweiAnyLayout(string text) => string.IsNullOrWhiteSpace(text) ? null : ParseIso(text.Trim(), TimeZoneInfo.Utc);

    private static DateTimeOffset? ParseIso(string text, TimeZoneInfo zoneIfMissing)
    {
        var withColon = InsertOffsetColon(text);
        if (HasOffset(withColon))
        {
            return DateTimeOffset.TryParse(withColon, CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamped) ? stamped : null;
        }
        return DateTime.TryParseExact(text, IsoLocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? InRange(local, zoneIfMissing)
            : null;
    }

    /// <summary><c>2019-05-27T03:38:51+0000</c> → <c>2019-05-27T03:38:51+00:00</c>, which .NET parses.</summary>
    private static string InsertOffsetColon(string text)
    {
        if (text.Length < 5) return text;
        var sign = text[text.Length - 5];
        var tail = text.Substring(text.Length - 4);
        return (sign is '+' or '-') && tail.All(char.IsDigit) && text.IndexOf('T') > 0
            ? text.Substring(0, text.Length - 2) + ":" + text.Substring(text.Length - 2)
            : text;
    }

    private static bool HasOffset(string text)
    {
        if (text.EndsWith("Z", StringComparison.OrdinalIgnoreCase)) return true;
        var t = text.IndexOf('T');
        if (t < 0) return false;
        var time = text.Substring(t);
        return time.IndexOf('+') > 0 || time.IndexOf('-') > 0;
    }

    /// <summary>As <see cref="InZone"/>, or null where the instant falls outside the calendar (year 1 or 9999 and a zone's offset).</summary>
    private static DateTimeOffset? InRange(DateTime wallClock, TimeZoneInfo zone)
    {
        try { return InZone(wallClock, zone); }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    /// <summary>The offset a zone had at that wall-clock time (DST included).</summary>
    public static DateTimeOffset InZone(DateTime wallClock, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>A PowerShell DateTime (Get-Date gives Local; a typed literal is Unspecified, read as local) as an instant.</summary>
    public static DateTimeOffset? FromDateTime(DateTime? value) => value is not { } v ? null
        : new DateTimeOffset(v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Local) : v);
}
