using System.Diagnostics;

namespace BackupQuery.Bench;

/// <summary>One listing measured: records, distinct ids, wall time and time to first record.</summary>
internal sealed record Run(long Records, long DistinctIds, TimeSpan Elapsed, TimeSpan FirstRecord)
{
    public double RecordsPerSecond => Records / Elapsed.TotalSeconds;

    /// <summary>No record lost or doubled: as many distinct ids as records, and as many as expected.</summary>
    public bool Complete(long expected) => Records == expected && DistinctIds == expected;

    /// <summary>
    /// A full collection before a timed run, so that what an earlier run left (its ids, its pages) is not collected
    /// during this one: without it a client's rate depended on which client ran before it.
    /// </summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>Times <paramref name="list"/>, which calls its argument with each record's id, after <see cref="Settle"/>.</summary>
    public static async Task<Run> MeasureAsync(Func<Action<string>, Task> list)
    {
        Settle();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long records = 0;
        var first = TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        await list(id =>
        {
            if (records++ == 0) first = watch.Elapsed;
            ids.Add(id);
        });
        return new Run(records, ids.Count, watch.Elapsed, first);
    }

    public static Task<Run> ModuleAsync(BenchApi api, Paging.PagingOptions? paging = null) => MeasureAsync(async onId =>
    {
        await foreach (var id in api.ListWithModule(paging ?? new Paging.PagingOptions())) onId(id);
    });

    public static Task<Run> RawAsync(HttpClient http, BenchApi api, int inFlight, long upTo = long.MaxValue) =>
        MeasureAsync(onId => RawLister.ListAsync(http, api, inFlight, onId, upTo));

    /// <summary>Time from asking the module for a listing to its first record (the listing is then abandoned).</summary>
    public static async Task<TimeSpan> FirstRecordAsync(BenchApi api)
    {
        var watch = Stopwatch.StartNew();
        await foreach (var _ in api.ListWithModule(new Paging.PagingOptions())) break;
        return watch.Elapsed;
    }

    /// <summary>
    /// The medians of <paramref name="rounds"/> runs of each of two clients after a warm-up of each, their runs taken in
    /// turn, so the load of the rest of the machine weighs on both alike.
    /// </summary>
    public static async Task<(Run A, Run B)> MediansInTurnAsync(int rounds, Func<Task<Run>> a, Func<Task<Run>> b)
    {
        await a();
        await b();
        var runsA = new List<Run>();
        var runsB = new List<Run>();
        for (var i = 0; i < rounds; i++)
        {
            runsA.Add(await a());
            runsB.Add(await b());
        }
        return (Median(runsA), Median(runsB));
    }

    private static Run Median(List<Run> runs) => runs.OrderBy(r => r.Elapsed).ElementAt(runs.Count / 2);

    /// <summary>The median of <paramref name="rounds"/> runs after one warm-up.</summary>
    public static async Task<Run> MedianAsync(int rounds, Func<Task<Run>> run)
    {
        await run();
        var runs = new List<Run>();
        for (var i = 0; i < rounds; i++) runs.Add(await run());
        return Median(runs);
    }
}
