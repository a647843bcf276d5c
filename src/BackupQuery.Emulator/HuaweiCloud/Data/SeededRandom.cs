namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>
/// SplitMix64 keyed by (seed, dataset salt, record index): every record is a pure function of its index, so any page
/// can be generated without generating the records before it.
/// </summary>
internal struct SeededRandom
{
    private ulong _state;

    public SeededRandom(int seed, string salt, long index)
    {
        _state = Mix(StableHash(salt) ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ Mix((ulong)index + 0x632BE59BD9B4E019UL));
    }

    /// <summary>FNV-1a: string.GetHashCode is randomised per process and would break determinism.</summary>
    public static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>0 ≤ result &lt; max.</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)(NextUInt64() % (ulong)max);

    public long NextLong(long max) => max <= 1 ? 0 : (long)(NextUInt64() % (ulong)max);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks by integer weights: <c>weights[i]</c> is the relative frequency of <c>items[i]</c>.</summary>
    public T Weighted<T>(IReadOnlyList<T> items, IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights) total += w;
        var roll = Next(total);
        for (var i = 0; i < items.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0) return items[i];
        }
        return items[^1];
    }

    public string Hex(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++) chars[i] = "0123456789abcdef"[Next(16)];
        return new string(chars);
    }

    /// <summary>A random version-4-looking UUID (for ids nobody needs to look up).</summary>
    public string Uuid() => $"{Hex(8)}-{Hex(4)}-4{Hex(3)}-{"89ab"[Next(4)]}{Hex(3)}-{Hex(12)}";
}
