namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>A small in-memory source: one looked-up record, a backup's children, or nothing (other projects).</summary>
internal sealed class ListSource<T>(IReadOnlyList<T> items) : IBackupSource<T>
{
    public static ListSource<T> Empty { get; } = new([]);
    public int Count => items.Count;
    public T this[int index] => items[index];
}
