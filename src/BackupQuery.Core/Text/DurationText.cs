using System.Globalization;

namespace BackupQuery.Text;

/// <summary>Durations as people type them: <c>36h</c>, <c>2d</c>, <c>90m</c>, <c>1.5d</c>, a bare number of days, or a TimeSpan (<c>1.12:00:00</c>).</summary>
internal static class DurationText
{
    private const double MaxDays = 36500;

    /// <summary>The duration, or null when the text is none of the forms or not positive.</summary>
    public static TimeSpan? Parse(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return null;
        var unit = char.ToLowerInvariant(t[t.Length - 1]);
        var perDay = unit switch { 'd' => 1.0, 'h' => 24.0, 'm' => 1440.0, _ => 0 };
        if (perDay > 0)
        {
            return double.TryParse(t.Substring(0, t.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) ? FromDays(amount / perDay) : null;
        }
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var days)) return FromDays(days);
        return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }

    /// <summary>A positive number of days (up to a century) as a duration; null otherwise.</summary>
    public static TimeSpan? FromDays(double days) =>
        double.IsNaN(days) || days <= 0 || days > MaxDays ? null : TimeSpan.FromTicks((long)Math.Round(days * TimeSpan.TicksPerDay));
}
