namespace BackupQuery.Emulator.ZStack;

/// <summary>How a condition value is converted before comparing (the server's <c>doNormalizeValue</c>).</summary>
internal enum FieldKind { Text, Enum, Long, Timestamp }

/// <summary>
/// A queryable field of an inventory class. A top-level field reads the record (<see cref="Of"/>); a nested one
/// (<c>backupStorageRefs.status</c>) reads every element of an array (<see cref="OfEach"/>), and a condition on it holds
/// when any element satisfies it (the server's nested-field subquery).
/// </summary>
internal sealed record ZStackField<T>(
    string Name,
    FieldKind Kind,
    Func<T, object?>? Of,
    Func<T, IEnumerable<object?>?>? OfEach = null,
    string[]? EnumNames = null)
{
    public bool IsNested => OfEach is not null;
}

/// <summary>The queryable and reply fields of one inventory class (<c>DatabaseBackupInventory</c>, <c>VolumeInventory</c>...).</summary>
internal sealed class ZStackInventory<T>
{
    private readonly Dictionary<string, ZStackField<T>> _byName;
    private readonly IReadOnlyList<string> _arrays;

    /// <param name="topLevel">Top-level fields in reply order (the names <c>fields=</c> and <c>sort=</c> accept).</param>
    /// <param name="nested">Fields of the elements of nested arrays, named <c>array.field</c>.</param>
    /// <param name="arrays">Reply names that are not queryable (nested arrays, booleans), still accepted by <c>fields=</c>.</param>
    public ZStackInventory(string className, IReadOnlyList<ZStackField<T>> topLevel, IReadOnlyList<ZStackField<T>> nested, IReadOnlyList<string> arrays)
    {
        ClassName = className;
        TopLevel = topLevel;
        _arrays = arrays;
        _byName = topLevel.Concat(nested).ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public string ClassName { get; }

    public IReadOnlyList<ZStackField<T>> TopLevel { get; }

    public ZStackField<T>? Find(string name) => _byName.GetValueOrDefault(name);

    public bool IsReplyField(string name) => _arrays.Contains(name) || TopLevel.Any(f => f.Name == name);

    /// <summary>SQL order: NULL first, strings by code point (the emulator's strings are ASCII), others by value.</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => ((IComparable)a).CompareTo(b),
    };
}
