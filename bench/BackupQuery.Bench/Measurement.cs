using System.Diagnostics;

namespace BackupQuery.Bench;

/// <summary>One run of one lister: wall time, time to first record, records, allocation, and the peak of live managed memory.</summary>
internal sealed record Measurement(string Name, long Records, TimeSpan Total, TimeSpan FirstRecord, long AllocatedBytes, long PeakLiveBytes)
{
    public double RecordsPerSecond => Records / Total.TotalSeconds;

    /// <summary>Runs <paramref name="run"/>, which calls its argument once per record it hands to its consumer.</summary>
    public static async Task<Measurement> TakeAsync(string name, Func<Action, Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        long records = 0, peak = 0;
        TimeSpan first = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        await run(() =>
        {
            if (records++ == 0) first = watch.Elapsed;
            if (records % 2000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
        });
        var total = watch.Elapsed;
        peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
        return new Measurement(name, records, total, first, GC.GetTotalAllocatedBytes(true) - allocatedBefore, peak);
    }
}
