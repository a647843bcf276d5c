using System.Diagnostics;

namespace BackupQuery.Bench;

/// <summary>Peak resident set size of a listing through the cmdlet, measured in a child process of its own per size.</summary>
internal static class PeakMemory
{
    public const string ChildVerb = "rss-child";

    /// <summary>In the child: list every CBR record through the cmdlet, then print the count, the peak RSS and the GC's figures in bytes.</summary>
    public static async Task<int> ChildAsync(string baseAddress)
    {
        var emulator = EmulatorProcess.Attach(new Uri(baseAddress));
        using var module = HostedModule.Open(emulator);
        var count = module.CountCbr();
        // What the garbage collector held at the end (its heap and the memory it committed), then what a full,
        // compacting collection leaves: the live memory. A difference in peak RSS between sizes is explained by these.
        var end = GC.GetGCMemoryInfo();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var live = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{count} {PeakRss()} {end.HeapSizeBytes} {end.TotalCommittedBytes} {live}");
        await Console.Out.FlushAsync();
        return 0;
    }

    /// <summary>In the parent: runs a child against <paramref name="emulator"/> and reads what it printed; with
    /// <paramref name="heapLimitBytes"/>, the child's GC heap is capped there (DOTNET_GCHeapHardLimit).</summary>
    public static async Task<Measured> MeasureAsync(EmulatorProcess emulator, long? heapLimitBytes = null)
    {
        var bench = Path.Combine(AppContext.BaseDirectory, "BackupQuery.Bench.dll");
        var info = new ProcessStartInfo("dotnet", $"\"{bench}\" {ChildVerb} {emulator.BaseAddress}") { RedirectStandardOutput = true, UseShellExecute = false };
        if (heapLimitBytes is { } limit) info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limit.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        using var child = Process.Start(info)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var parts = output.Trim().Split('\n')[^1].Split(' ');
        return parts.Length < 5
            ? new Measured(0, 0, 0, 0, 0) // the child failed (out of memory under a cap): nothing counted
            : new Measured(long.Parse(parts[0]), long.Parse(parts[1]), long.Parse(parts[2]), long.Parse(parts[3]), long.Parse(parts[4]));
    }

    /// <summary>Records listed, peak RSS, the GC heap and its committed memory at the end, and the live heap after a full collection.</summary>
    public sealed record Measured(long Count, long PeakRss, long HeapAtEnd, long CommittedAtEnd, long LiveAfterFullCollection);

    /// <summary>VmHWM: the most memory this process ever had resident.</summary>
    private static long PeakRss()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
