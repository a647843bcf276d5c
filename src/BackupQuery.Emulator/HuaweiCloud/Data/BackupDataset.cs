namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>Random access to the records of one listing, in the API's default order.</summary>
public interface IBackupSource<out T>
{
    int Count { get; }
    T this[int index] { get; }
}

/// <summary>
/// One service's records: the head (coverage fixtures, then the seed page examples) first, then generated ones, each a
/// pure function of (seed, index). Nothing generated is stored; <see cref="Backups"/> regenerates on every enumeration.
/// </summary>
public abstract class BackupDataset<T> : IBackupSource<T> where T : class
{
    private readonly IReadOnlyList<T> _head;

    private protected BackupDataset(int count, IReadOnlyList<T> head)
    {
        Count = Math.Max(0, count);
        _head = head;
    }

    /// <summary>Total records the unfiltered listing reports.</summary>
    public int Count { get; }

    /// <summary>Number of fixed records (fixtures and seed-page examples) at the head of the dataset (fewer when the count is smaller).</summary>
    public int HeadCount => Math.Min(_head.Count, Count);

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return index < _head.Count ? _head[index] : Generate(index, index - _head.Count);
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
        return Codec.TryDecode(id, out var index) && index >= HeadCount && index < Count && IdOf(this[index]) == id ? index : -1;
    }

    private protected abstract IdCodec Codec { get; }

    private protected abstract string IdOf(T record);

    /// <param name="index">Position in the dataset.</param>
    /// <param name="generatedIndex">Position among generated records (0 = newest generated).</param>
    private protected abstract T Generate(int index, int generatedIndex);
}
