namespace BackupQuery.Http;

/// <summary>Uniform random fractions for retry jitter, safe to draw from concurrent requests (Random is not thread-safe).</summary>
internal static class Jitter
{
    private static readonly Random Shared = new();

    public static double Next()
    {
        lock (Shared) return Shared.NextDouble();
    }
}
