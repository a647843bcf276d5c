using System.Globalization;

namespace BackupQuery.Emulator.ZStack;

/// <summary>The three date texts ZStack deals in: Java's default US rendering in replies, <c>Timestamp.valueOf</c> in query
/// values, and the RFC-1123-like <c>Date</c> header of AccessKey requests.</summary>
public static class ZStackDates
{
    private const string JavaFormat = "MMM d, yyyy h:mm:ss tt";

    /// <summary><c>Nov 14, 2017 10:20:57 PM</c>: the wall clock of <paramref name="zone"/>, no offset (as the management node writes it).</summary>
    public static string FormatJava(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(JavaFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads <c>yyyy-MM-dd HH:mm:ss[.fffffffff]</c> (java.sql.Timestamp.valueOf) as wall-clock time in <paramref name="zone"/>.</summary>
    public static bool TryParseTimestamp(string text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        var dot = text.IndexOf('.');
        var main = dot < 0 ? text : text[..dot];
        if (!DateTime.TryParseExact(main, ["yyyy-M-d H:mm:ss", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
            return false;
        if (dot >= 0)
        {
            var fraction = text[(dot + 1)..];
            if (fraction.Length is 0 or > 9 || !fraction.All(char.IsAsciiDigit)) return false;
            // DateTime holds 100 ns ticks: nanosecond digits beyond the 7th are dropped.
            wall = wall.AddTicks(long.Parse(fraction.PadRight(9, '0')[..7], CultureInfo.InvariantCulture));
        }
        instant = FromWallClock(wall, zone);
        return true;
    }

    /// <summary>The <c>Date</c> header of an AccessKey request, <c>EEE, dd MMM yyyy HH:mm:ss &lt;zone&gt;</c>: the zone text is
    /// ignored (the server's default <c>rest/checkTimeZone=false</c> compares wall clocks).</summary>
    public static bool TryParseAccessKeyDate(string text, out DateTime wallClock)
    {
        wallClock = default;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 5) return false;
        return DateTime.TryParseExact(string.Join(' ', parts[..5]), "ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out wallClock);
    }

    public static DateTime WallClock(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    public static DateTimeOffset FromWallClock(DateTime wall, TimeZoneInfo zone)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        // A wall time inside a DST gap does not exist; Java moves it forward, so shift by the gap like it does.
        if (zone.IsInvalidTime(wall)) wall = wall.AddHours(1);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }
}
