using System.Diagnostics;

namespace BackupQuery.Bench;

/// <summary>
/// What one record costs the client: bytes allocated and processor time per record over a whole listing, for the
/// module and for the sequential baseline, in this process only (the emulator is another process). Allocations are
/// counted exactly, so they hold on a busy machine where wall-clock rates do not.
/// </summary>
internal sealed record Allocations(long Records, double BytesPerRecord, double CpuMicrosecondsPerRecord, string Collections = "")
{
    /// <summary>Lists through <paramref name="list"/> (which calls back once per record) after a collection, and counts.</summary>
    public static async Task<Allocations> MeasureAsync(Func<Action<string>, Task> list)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        long records = 0;
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var seenGc = GC.CollectionCount(0);
        var notes = new System.Text.StringBuilder();
        await list(_ =>
        {
            records++;
            if (GC.CollectionCount(0) != seenGc)
            {
                seenGc = GC.CollectionCount(0);
                var info = GC.GetGCMemoryInfo(GCKind.Any);
                notes.Append($" [gen{info.Generation} promoted {info.PromotedBytes / 1e6:0.0} MB pause {info.PauseDurations[0].TotalMilliseconds:0} ms heap {info.HeapSizeBytes / 1e6:0} MB pinned {info.PinnedObjectsCount}]");
            }
        });
        Console.WriteLine(notes);
        var collections = $"gen0 {GC.CollectionCount(0) - g0}, gen1 {GC.CollectionCount(1) - g1}, gen2 {GC.CollectionCount(2) - g2}, paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0} ms";
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        self.Refresh();
        var used = self.TotalProcessorTime - cpu;
        return new Allocations(records, (double)allocated / records, used.TotalMilliseconds * 1000 / records, collections);
    }

    public static Task<Allocations> ModuleAsync(BenchApi api) => MeasureAsync(async onId =>
    {
        await foreach (var id in api.ListWithModule(new Paging.PagingOptions())) onId(id);
    });

    public static Task<Allocations> RawAsync(HttpClient http, BenchApi api) => MeasureAsync(onId => RawLister.ListAsync(http, api, inFlight: 1, onId));
}
