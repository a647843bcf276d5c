namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// Strictly decreasing timestamps for generated records, below <see cref="Top"/> (the data
/// anchor), so that dataset order is also newest-first order. Spacing shrinks with the count to keep a million
/// records within a couple of years.
/// </summary>
internal sealed class DataTimeline
{
    private readonly long _intervalTicks;

    public DataTimeline(DateTimeOffset top, int generatedCount)
    {
        Top = top;
        var ideal = TimeSpan.FromDays(730).Ticks / Math.Max(1, generatedCount);
        _intervalTicks = Math.Clamp(ideal, TimeSpan.FromSeconds(60).Ticks, TimeSpan.FromHours(1).Ticks);
    }

    public DateTimeOffset Top { get; }

    /// <summary>Time of the <paramref name="generatedIndex"/>-th generated record (0 = newest), truncated to <paramref name="precision"/>.</summary>
    public DateTimeOffset At(int generatedIndex, ref SeededRandom random, TimeSpan precision)
    {
        // Jitter stays under half an interval, so order never flips between neighbours.
        var jitter = random.NextLong(_intervalTicks / 2);
        var ticks = Top.UtcTicks - (generatedIndex + 1L) * _intervalTicks - jitter;
        ticks -= ticks % precision.Ticks;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
