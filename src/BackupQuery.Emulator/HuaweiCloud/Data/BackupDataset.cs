namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>Random access to the records of one listing, in the API's default order.</summary>
public interface IBackupSource<out T>
{
    int Count { get; }
    T this[int index] { get; }
}

/// <summary>
/// One service's records: the head (coverage fixtures, or the seed page examples) first, then generated ones, each a
/// pure function of (seed, index), then the tail (seed page examples that keep the documents' own old dates, below
/// generated records dated up to the data anchor). Nothing generated is stored; <see cref="Backups"/> regenerates on
/// every enumeration.
/// </summary>
public abstract class BackupDataset<T> : IBackupSource<T> where T : class
{
    private readonly IReadOnlyList<T> _head;
    private readonly IReadOnlyList<T> _tail;

    private protected BackupDataset(int count, IReadOnlyList<T> head, IReadOnlyList<T>? tail = null)
    {
        Count = Math.Max(0, count);
        _head = head;
        _tail = tail ?? [];
    }

    /// <summary>Number of fixed records at the end of the dataset (fewer when the count leaves less room).</summary>
    public int TailCount => Math.Min(_tail.Count, Count - HeadCount);

    /// <summary>Number of generated records, between the head and the tail.</summary>
    public int GeneratedCount => Count - HeadCount - TailCount;

    private int TailStart => Count - TailCount;

    /// <summary>Total records the unfiltered listing reports.</summary>
    public int Count { get; }

    /// <summary>Number of fixed records (fixtures and seed-page examples) at the head of the dataset (fewer when the count is smaller).</summary>
    public int HeadCount => Math.Min(_head.Count, Count);

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            if (index < HeadCount) return _head[index];
            return index >= TailStart ? _tail[index - TailStart] : Generate(index, index - HeadCount);
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
        for (var i = 0; i < HeadCount; i++)
            if (IdOf(_head[i]) == id) return i;
        for (var i = 0; i < TailCount; i++)
            if (IdOf(_tail[i]) == id) return TailStart + i;
        return Codec.TryDecode(id, out var index) && index >= HeadCount && index < TailStart && IdOf(this[index]) == id ? index : -1;
    }

    private protected abstract IdCodec Codec { get; }

    private protected abstract string IdOf(T record);

    /// <param name="index">Position in the dataset.</param>
    /// <param name="generatedIndex">Position among generated records (0 = newest generated).</param>
    private protected abstract T Generate(int index, int generatedIndex);
}
