using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace BackupQuery.Emulator.ZStack;

/// <summary>
/// The query parameters of every Query* API (spec §4) and their evaluation over one inventory class. Evaluation is lazy:
/// an unfiltered, unsorted page at offset k reads only its own records; a filtered one scans in order and stops at the
/// page end unless a total is wanted; only a sort materialises the (position, key) pairs of the matches.
/// </summary>
internal sealed class ZStackQuery<T> where T : class
{
    public const int DefaultLimit = 1000;

    public required IReadOnlyList<QueryCondition<T>> Conditions { get; init; }
    public int Start { get; init; }
    public int Limit { get; init; } = DefaultLimit;
    public bool Count { get; init; }
    public bool ReplyWithCount { get; init; }
    public ZStackField<T>? SortField { get; init; }
    public bool SortDescending { get; init; }
    /// <summary>Reply keys to keep; null keeps all.</summary>
    public IReadOnlySet<string>? Fields { get; init; }

    public static ZStackQuery<T> Parse(IQueryCollection query, TimeZoneInfo zone, ZStackInventory<T> inventory, string? pinnedUuid = null)
    {
        var conditions = query["q"].Select(q => QueryCondition<T>.Parse(q!, zone, inventory)).ToList();
        if (pinnedUuid is not null) conditions.Insert(0, QueryCondition<T>.Parse("uuid=" + pinnedUuid, zone, inventory));

        // The REST layer binds start/limit to Integer: a non-number is a bad request, a negative one fails validation.
        int Number(string name, int fallback)
        {
            var text = query[name].FirstOrDefault();
            if (text is null) return fallback;
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw ZStackFailure.PlainText(400, $"Invalid value for the parameter[{name}]: {text} is not a number");
            return value >= 0 ? value : throw ZStackFailure.InvalidArgument($"the parameter[{name}] must not be negative, but got {value}");
        }

        // Only the first value of sort/fields is read, like the server's single-valued binding.
        var sort = query["sort"].FirstOrDefault();
        ZStackField<T>? sortField = null;
        var descending = false;
        if (!string.IsNullOrEmpty(sort))
        {
            // '+' arrives as a space when the client did not encode it (a raw '+' in a query means space).
            descending = sort[0] == '-';
            var name = sort[0] is '+' or '-' or ' ' ? sort[1..] : sort;
            sortField = inventory.TopLevel.FirstOrDefault(f => f.Name == name)
                ?? throw ZStackFailure.InvalidArgument($"cannot sort by field[{name}], it is not a primitive field of {inventory.ClassName}");
        }

        HashSet<string>? fields = null;
        var fieldsText = query["fields"].FirstOrDefault();
        if (!string.IsNullOrEmpty(fieldsText))
        {
            fields = new HashSet<string>(fieldsText.Split(','), StringComparer.Ordinal);
            var unknown = fields.FirstOrDefault(f => !inventory.IsReplyField(f));
            if (unknown is not null) throw ZStackFailure.InvalidArgument($"field[{unknown}] is not a field of {inventory.ClassName}");
        }

        return new ZStackQuery<T>
        {
            Conditions = conditions,
            Start = Number("start", 0),
            Limit = Number("limit", DefaultLimit),
            Count = IsTrue(query["count"].FirstOrDefault()),
            ReplyWithCount = IsTrue(query["replyWithCount"].FirstOrDefault()),
            SortField = sortField,
            SortDescending = descending,
            Fields = fields,
        };
    }

    // Java's Boolean.parseBoolean.
    private static bool IsTrue(string? text) => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the query over <paramref name="data"/> (listing order); a pinned uuid reads one record through <paramref name="findByUuid"/>.</summary>
    public Execution Execute(IReadOnlyList<T> data, Func<string, T?> findByUuid) => new(this, data, findByUuid);

    internal sealed class Execution(ZStackQuery<T> query, IReadOnlyList<T> data, Func<string, T?> findByUuid)
    {
        private IEnumerator<T>? _rest;
        private long _seen;

        /// <summary>The page's records. Enumerate once, before reading <see cref="Total"/>.</summary>
        public IEnumerable<T> Page()
        {
            var end = (long)query.Start + query.Limit;
            if (query.Conditions.Count == 0 && query.SortField is null)
            {
                // Direct addressing: O(limit) however deep the page.
                for (long i = query.Start; i < Math.Min(end, data.Count); i++) yield return data[(int)i];
                yield break;
            }
            _rest = Matches().GetEnumerator();
            while (_seen < end && _rest.MoveNext())
            {
                if (++_seen > query.Start) yield return _rest.Current;
            }
        }

        /// <summary>Number of matches: finishes the scan the page started.</summary>
        public long Total()
        {
            if (query.Conditions.Count == 0 && query.SortField is null) return data.Count;
            _rest ??= Matches().GetEnumerator();
            while (_rest.MoveNext()) _seen++;
            return _seen;
        }

        private IEnumerable<T> Matches()
        {
            var matches = Candidates().Where(b => query.Conditions.All(c => c.Matches(b)));
            if (query.SortField is not { } field) return matches;

            var keyed = matches.Select((b, position) => (Key: field.Of!(b), Position: position, Record: b)).ToArray();
            var direction = query.SortDescending ? -1 : 1;
            // Ties keep listing order, so pages of a sorted listing never overlap.
            Array.Sort(keyed, (x, y) => ZStackInventory<T>.Compare(x.Key, y.Key) is var c && c != 0 ? direction * c : x.Position.CompareTo(y.Position));
            return keyed.Select(k => k.Record);
        }

        private IEnumerable<T> Candidates()
        {
            var pinned = query.Conditions.Select(c => c.PinnedUuid).FirstOrDefault(u => u is not null);
            if (pinned is null) return data;
            return findByUuid(pinned) is { } one ? [one] : [];
        }
    }
}
