namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>Random access to the records of one listing, in the API's default order.</summary>
public interface IBackupSource<out T>
{
    int Count { get; }
    T this[int index] { get; }
}

/// <summary>
/// One service's records: the seed page examples first, then generated ones, each a pure function of
/// (seed, index). Nothing is stored; <see cref="Backups"/> regenerates on every enumeration.
/// </summary>
public abstract class BackupDataset<T> : IBackupSource<T> where T : class
{
    private readonly IReadOnlyList<T> _seeds;

    private protected BackupDataset(int count, IReadOnlyList<T> seeds)
    {
        Count = Math.Max(0, count);
        _seeds = seeds;
    }

    /// <summary>Total records the unfiltered listing reports.</summary>
    public int Count { get; }

    /// <summary>Number of seed-page records at the head of the dataset (fewer when the count is smaller).</summary>
    public int SeedCount => Math.Min(_seeds.Count, Count);

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return index < _seeds.Count ? _seeds[index] : Generate(index, index - _seeds.Count);
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
            if (IdOf(_seeds[i]) == id) return i;
        return Codec.TryDecode(id, out var index) && index >= SeedCount && index < Count && IdOf(this[index]) == id ? index : -1;
    }

    private protected abstract IdCodec Codec { get; }

    private protected abstract string IdOf(T record);

    /// <param name="index">Position in the dataset.</param>
    /// <param name="generatedIndex">Position among generated records (0 = newest generated).</param>
    private protected abstract T Generate(int index, int generatedIndex);
}
