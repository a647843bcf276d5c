using System.Diagnostics;

namespace BackupQuery.Bench;

/// <summary>
/// What one record costs the client: bytes allocated and processor time per record over a whole listing, for the
/// module and for the sequential baseline, in this process only (the emulator is another process). Allocations are
/// counted exactly, so they hold on a busy machine where wall-clock rates do not. Collections and the time they paused
/// the process say what the records kept alive while they were collected.
/// </summary>
internal sealed record Allocations(long Records, double BytesPerRecord, double CpuMicrosecondsPerRecord, int Collections, TimeSpan Paused)
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
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        await list(_ => records++);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        self.Refresh();
        var used = self.TotalProcessorTime - cpu;
        return new Allocations(records, (double)allocated / records, used.TotalMilliseconds * 1000 / records, GC.CollectionCount(0) - collections, GC.GetTotalPauseDuration() - paused);
    }

    public static Task<Allocations> ModuleAsync(BenchApi api) => MeasureAsync(async onId =>
    {
        await foreach (var id in api.ListWithModule(new Paging.PagingOptions())) onId(id);
    });

    public static Task<Allocations> RawAsync(HttpClient http, BenchApi api) => MeasureAsync(onId => RawLister.ListAsync(http, api, inFlight: 1, onId));
}
