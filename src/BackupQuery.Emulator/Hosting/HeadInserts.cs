namespace BackupQuery.Emulator.Hosting;

/// <summary>
/// Records added at the head of the ZStack, GeminiDB and CBR listings while the emulator runs (the HeadInsert fault):
/// every record after them moves down by as many places, as on a busy cloud that keeps making backups while a listing
/// pages through it. Thread-safe.
/// </summary>
public sealed class HeadInserts
{
    private int _count;

    /// <summary>How many records sit at the head now.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Add(int count) => Interlocked.Add(ref _count, Math.Max(0, count));

    /// <summary>Back to the listings as generated (between tests sharing one emulator).</summary>
    public void Reset() => Volatile.Write(ref _count, 0);

    /// <summary>
    /// A listing of <paramref name="count"/> records (<paramref name="at"/> reads one) as it is now: the inserted
    /// records first, newest first (<paramref name="make"/> builds the n-th insert), then the listing's own.
    /// </summary>
    public Prepended<T> Over<T>(int count, Func<int, T> at, Func<int, T> make) => new(count, at, Count, make);

    public sealed class Prepended<T>(int count, Func<int, T> at, int inserted, Func<int, T> make) : IReadOnlyList<T>, HuaweiCloud.IBackupSource<T>
    {
        public int Count => inserted + count;

        // The newest insert is first: number them from the oldest, so a record keeps its id as more arrive.
        public T this[int index] => index < inserted ? make(inserted - 1 - index) : at(index - inserted);

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
