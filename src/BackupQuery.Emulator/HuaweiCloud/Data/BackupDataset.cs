namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>Random access to the records of one listing, in the API's default order.</summary>
public interface IBackupSource<out T>
{
    int Count { get; }
    T this[int index] { get; }
}

/// <summary>
/// One service's records: the seed page examples and generated ones, each a pure function of (seed, index). Seeds come
/// first, or last when they keep the documents' own (old) dates below generated records dated up to the data anchor.
/// Nothing is stored; <see cref="Backups"/> regenerates on every enumeration.
/// </summary>
public abstract class BackupDataset<T> : IBackupSource<T> where T : class
{
    private readonly IReadOnlyList<T> _seeds;

    private protected BackupDataset(int count, IReadOnlyList<T> seeds, bool seedsLast = false)
    {
        Count = Math.Max(0, count);
        _seeds = seeds;
        FirstSeedIndex = seedsLast ? Count - SeedCount : 0;
    }

    /// <summary>Position of the first seed-page record: 0, or the tail when the seeds are the oldest records.</summary>
    private int FirstSeedIndex { get; }

    private bool IsSeed(int index) => index >= FirstSeedIndex && index < FirstSeedIndex + SeedCount;

    /// <summary>Total records the unfiltered listing reports.</summary>
    public int Count { get; }

    /// <summary>Number of seed-page records in the dataset (fewer when the count is smaller).</summary>
    public int SeedCount => Math.Min(_seeds.Count, Count);

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            if (IsSeed(index)) return _seeds[index - FirstSeedIndex];
            // Seeds last: generated records take the indices before them; seeds first: the indices after them.
            return Generate(index, index < FirstSeedIndex ? index : index - SeedCount);
        }
    }

    /// <summary>Every record in the API's default order (newest first).</summary>
    public IEnumerable<T> Backups
    {
        get
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }
    }

    /// <summary>The index of the record with this id, or -1.</summary>
    public int IndexOf(string? id)
    {
        if (id is null) return -1;
        for (var i = 0; i < SeedCount; i++)
            if (IdOf(_seeds[i]) == id) return FirstSeedIndex + i;
        return Codec.TryDecode(id, out var index) && index >= 0 && index < Count && !IsSeed(index) && IdOf(this[index]) == id ? index : -1;
    }

    private protected abstract IdCodec Codec { get; }

    private protected abstract string IdOf(T record);

    /// <param name="index">Position in the dataset.</param>
    /// <param name="generatedIndex">Position among generated records (0 = newest generated).</param>
    private protected abstract T Generate(int index, int generatedIndex);
}
