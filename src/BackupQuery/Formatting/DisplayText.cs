using System.Globalization;
using System.Management.Automation;

namespace BackupQuery.PowerShell.Formatting;

/// <summary>
/// The short, fixed-width texts of the default views (BackupQuery.format.ps1xml calls these): a timestamp in UTC to the
/// minute (the zone is said once, in the column header) and a size in binary units with one decimal. Both take the
/// value as it arrives, a deserialized one (Import-Clixml, Receive-Job) included.
/// </summary>
public static class DisplayText
{
    /// <summary>16 characters: <c>2026-11-01 06:53</c>.</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm";

    private static readonly string[] Units = ["KB", "MB", "GB", "TB", "PB"];

    public static string Utc(object? value) => UtcOf(value) is { } utc ? utc.ToString(TimestampFormat, CultureInfo.InvariantCulture) : "";

    /// <summary>At most 9 characters (<c>1023.9 GB</c>); bytes under 1 KB as <c>512 B</c>.</summary>
    public static string Size(object? bytes)
    {
        if (Unwrap(bytes) is not { } raw) return "";
        var value = Convert.ToDouble(raw, CultureInfo.InvariantCulture);
        if (Math.Abs(value) < 1024) return value.ToString("0", CultureInfo.InvariantCulture) + " B";
        var unit = -1;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        // 1023.95 would round to 1024.0: show it in the next unit instead.
        if (Math.Round(Math.Abs(value), 1) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>At most 7 characters, the two largest units: <c>20m</c>, <c>2h 05m</c>, <c>10d 03h</c>, <c>400d</c>; empty for none.</summary>
    public static string Age(object? span)
    {
        if (Unwrap(span) is not TimeSpan age) return "";
        if (age < TimeSpan.Zero) return "0m";
        if (age.TotalDays >= 100) return ((int)age.TotalDays).ToString(CultureInfo.InvariantCulture) + "d";
        if (age.TotalDays >= 1) return string.Format(CultureInfo.InvariantCulture, "{0}d {1:00}h", (int)age.TotalDays, age.Hours);
        if (age.TotalHours >= 1) return string.Format(CultureInfo.InvariantCulture, "{0}h {1:00}m", age.Hours, age.Minutes);
        return string.Format(CultureInfo.InvariantCulture, "{0}m", age.Minutes);
    }

    private static DateTime? UtcOf(object? value) => Unwrap(value) switch
    {
        DateTimeOffset offset => offset.UtcDateTime,
        DateTime time => time.ToUniversalTime(),
        // A deserialized DateTimeOffset is a property bag; its UtcDateTime survives as a DateTime.
        PSObject bag when bag.Properties["UtcDateTime"]?.Value is DateTime utc => utc.ToUniversalTime(),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) => parsed.UtcDateTime,
        _ => null,
    };

    private static object? Unwrap(object? value) => value is PSObject { BaseObject: not PSCustomObject } wrapped ? wrapped.BaseObject : value;
}
