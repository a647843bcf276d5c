namespace BackupQuery.Emulator.ZStack;

/// <summary>
/// SplitMix64 over (seed, index, salt): every generated value is a pure function of its coordinates, so any record can be
/// rebuilt on demand without a list in memory and the same seed always gives the same data.
/// </summary>
internal static class StableHash
{
    public static ulong Of(int seed, long index, int salt)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index * 0xBF58476D1CE4E5B9UL + (ulong)salt * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, bound).</summary>
    public static long Below(int seed, long index, int salt, long bound) => (long)(Of(seed, index, salt) % (ulong)bound);

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public static bool Chance(int seed, long index, int salt, int percent) => Below(seed, index, salt, 100) < percent;

    public static string Hex(int seed, long index, int salt, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i += 16)
        {
            var text = Of(seed, index, salt + i).ToString("x16");
            text.AsSpan(0, Math.Min(16, length - i)).CopyTo(chars[i..]);
        }
        return new string(chars);
    }
}
