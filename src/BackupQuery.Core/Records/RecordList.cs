using System.Collections;

namespace BackupQuery.Records;

/// <summary>
/// A list on a record: typed items for pipelines and JSON, and one readable line as its text (what Export-Csv and other
/// text outputs print), never a type name.
/// </summary>
public sealed class RecordList<T> : IReadOnlyList<T>
{
    public static readonly RecordList<T> Empty = new([], null);

    private readonly T[] _items;
    private readonly Func<T, string?>? _text;

    internal RecordList(IEnumerable<T> items, Func<T, string?>? text) : this(items.ToArray(), text)
    {
    }

    internal RecordList(T[] items, Func<T, string?>? text)
    {
        _items = items;
        _text = text;
    }

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>The items' texts joined with "; " (empty for no items).</summary>
    public override string ToString() => string.Join("; ", _items.Select(i => (_text is null ? i?.ToString() : _text(i)) ?? ""));
}

internal static class RecordList
{
    /// <summary>A record list of <paramref name="items"/> (empty for null); <paramref name="text"/> picks each item's text (default: its ToString).</summary>
    public static RecordList<T> Of<T>(IEnumerable<T>? items, Func<T, string?>? text = null) =>
        items is null ? RecordList<T>.Empty : new RecordList<T>(items, text);

    /// <summary>A record list of the wire items <paramref name="items"/> mapped by <paramref name="map"/> (the shared empty list for
    /// null or none), built in one array.</summary>
    public static RecordList<T> Of<TItem, T>(List<TItem>? items, Func<TItem, T> map, Func<T, string?>? text = null)
    {
        if (items is null || items.Count == 0) return RecordList<T>.Empty;
        var mapped = new T[items.Count];
        for (var i = 0; i < mapped.Length; i++) mapped[i] = map(items[i]);
        return new RecordList<T>(mapped, text);
    }
}
