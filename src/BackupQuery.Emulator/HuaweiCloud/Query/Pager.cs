namespace BackupQuery.Emulator.HuaweiCloud;

/// <summary>One page of a listing, with the total number of matches and whether more follow the page.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, int Total, bool MoreAfter);

/// <summary>
/// Filter, order, marker, offset and limit over a generated source. Unfiltered pages in dataset order cost
/// O(limit); filters cost one pass of generation; explicit sorts keep only (index, keys) per match.
/// </summary>
internal static class Pager
{
    /// <param name="markerIndex">Dataset index of the marker record (the page starts after it), or null.</param>
    /// <exception cref="InvalidParameterException">The marker is not part of a sorted result.</exception>
    public static Page<T> Run<T>(IBackupSource<T> source, Func<T, bool>? filter, SortOrder<T> order, int? markerIndex, int offset, int limit)
    {
        return order.Natural
            ? RunNatural(source, filter, order.Reversed, markerIndex, offset, limit)
            : RunSorted(source, filter, order.Keys, markerIndex, offset, limit);
    }

    private static Page<T> RunNatural<T>(IBackupSource<T> source, Func<T, bool>? filter, bool reversed, int? markerIndex, int offset, int limit)
    {
        var n = source.Count;
        int IndexAt(int position) => reversed ? n - 1 - position : position;
        var start = markerIndex is { } m ? (reversed ? n - 1 - m : m) + 1 : 0;
        var items = new List<T>(Math.Min(limit, 1024));

        if (filter is null)
        {
            var first = (long)start + offset;
            for (var p = first; p < n && items.Count < limit; p++) items.Add(source[IndexAt((int)p)]);
            return new Page<T>(items, n, first + limit < n);
        }

        int total = 0, afterMarker = 0;
        var more = false;
        for (var p = 0; p < n; p++)
        {
            var record = source[IndexAt(p)];
            if (!filter(record)) continue;
            total++;
            if (p < start) continue;
            afterMarker++;
            if (afterMarker <= offset) continue;
            if (items.Count < limit) items.Add(record);
            else more = true;
        }
        return new Page<T>(items, total, more);
    }

    private static Page<T> RunSorted<T>(IBackupSource<T> source, Func<T, bool>? filter, IReadOnlyList<SortKey<T>> keys, int? markerIndex, int offset, int limit)
    {
        var matches = new List<(int Index, IComparable?[] Keys)>();
        for (var i = 0; i < source.Count; i++)
        {
            var record = source[i];
            if (filter is not null && !filter(record)) continue;
            var values = new IComparable?[keys.Count];
            for (var k = 0; k < keys.Count; k++) values[k] = keys[k].Value(record);
            matches.Add((i, values));
        }
        matches.Sort((a, b) =>
        {
            for (var k = 0; k < keys.Count; k++)
            {
                var c = Compare(a.Keys[k], b.Keys[k]);
                if (c != 0) return keys[k].Descending ? -c : c;
            }
            return a.Index.CompareTo(b.Index); // Ties keep dataset order, so markers are stable.
        });

        var start = 0;
        if (markerIndex is { } m)
        {
            start = matches.FindIndex(x => x.Index == m) + 1;
            if (start == 0) throw new InvalidParameterException("The marker record is not part of this result.");
        }
        var first = (long)start + offset;
        var items = new List<T>();
        for (var p = first; p < matches.Count && items.Count < limit; p++) items.Add(source[matches[(int)p].Index]);
        return new Page<T>(items, matches.Count, first + limit < matches.Count);
    }

    private static int Compare(IComparable? a, IComparable? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : a is string sa && b is string sb ? string.CompareOrdinal(sa, sb) : a.CompareTo(b);
}
