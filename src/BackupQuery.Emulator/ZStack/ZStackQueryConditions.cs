using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BackupQuery.Emulator.ZStack;

/// <summary>Conditions on DatabaseBackupInventory, the first inventory the emulator served.</summary>
internal static class QueryCondition
{
    /// <summary>The server's operator list, in the order it tests them: the first one the condition contains wins.</summary>
    public static readonly string[] Operators = ["!=", ">=", "<=", "!?=", "!~=", "~=", "?=", "=", ">", "<", "is null", "not null"];

    public static QueryCondition<ZStackDatabaseBackup> Parse(string q, TimeZoneInfo zone) => QueryCondition<ZStackDatabaseBackup>.Parse(q, zone, ZStackBackupFields.Inventory);
}

/// <summary>One <c>q=</c> condition, parsed the way ZStack's RestServer does and matched against a record of one inventory class.</summary>
internal sealed class QueryCondition<T>
{
    private static readonly string[] Operators = QueryCondition.Operators;

    private readonly object?[] _values;
    private readonly Regex? _like;

    private QueryCondition(ZStackField<T> field, string op, object?[] values)
    {
        Field = field;
        Operator = op;
        _values = values;
        if (op is "~=" or "!~=") _like = LikeToRegex((string)values[0]!);
    }

    public ZStackField<T> Field { get; }
    public string Operator { get; }

    /// <summary>The uuid when this condition pins one (<c>uuid=X</c>): the query then reads one record, not all.</summary>
    public string? PinnedUuid => Field.Name == "uuid" && Operator == "=" ? (string?)_values[0] : null;

    public static QueryCondition<T> Parse(string q, TimeZoneInfo zone, ZStackInventory<T> inventory)
    {
        var op = Operators.FirstOrDefault(q.Contains)
            ?? throw ZStackFailure.PlainText(400, $"invalid query string[{q}], no operator found; valid operators are {string.Join(", ", Operators)}");
        var at = q.IndexOf(op, StringComparison.Ordinal);
        string name;
        object?[] values;
        if (op is "is null" or "not null")
        {
            name = q[..at].Trim();
            values = [];
        }
        else
        {
            name = q[..at];
            var raw = q[(at + op.Length)..];
            if (name.Length == 0 || raw.Length == 0) throw ZStackFailure.PlainText(400, $"invalid query string[{q}]");
            // A fresh object?[] (not the string[] itself): the converted values replace the texts in place.
            values = op is "?=" or "!?=" ? [.. raw.Split(',')] : [raw];
        }

        var field = inventory.Find(name)
            ?? throw ZStackFailure.InvalidArgument($"condition name[{name}] is invalid, no such field on inventory class[{inventory.ClassName}]");
        var isLike = op is "~=" or "!~=";
        for (var i = 0; i < values.Length; i++) values[i] = Convert(field, (string)values[i]!, zone, isLike);
        return new QueryCondition<T>(field, op, values);
    }

    public bool Matches(T record)
    {
        if (!Field.IsNested) return Test(Field.Of!(record));
        // Any element satisfying the condition selects the record; none, no match (a SQL subquery on the element table).
        return Field.OfEach!(record)?.Any(Test) == true;
    }

    private bool Test(object? value)
    {
        if (Operator == "is null") return value is null;
        if (Operator == "not null") return value is not null;
        // SQL: every comparison with NULL is unknown, so negative operators do not select NULLs either.
        if (value is null) return false;
        return Operator switch
        {
            "=" => ZStackInventory<T>.Compare(value, _values[0]) == 0,
            "!=" => ZStackInventory<T>.Compare(value, _values[0]) != 0,
            ">" => ZStackInventory<T>.Compare(value, _values[0]) > 0,
            "<" => ZStackInventory<T>.Compare(value, _values[0]) < 0,
            ">=" => ZStackInventory<T>.Compare(value, _values[0]) >= 0,
            "<=" => ZStackInventory<T>.Compare(value, _values[0]) <= 0,
            "?=" => _values.Any(v => ZStackInventory<T>.Compare(value, v) == 0),
            "!?=" => !_values.Any(v => ZStackInventory<T>.Compare(value, v) == 0),
            "~=" => _like!.IsMatch((string)value),
            "!~=" => !_like!.IsMatch((string)value),
            _ => throw new InvalidOperationException(Operator),
        };
    }

    /// <summary>Converts a value by the field's type; a value that does not convert fails the call, as on the server.</summary>
    private static object Convert(ZStackField<T> field, string text, TimeZoneInfo zone, bool like)
    {
        switch (field.Kind)
        {
            case FieldKind.Text:
                return text;
            case FieldKind.Enum when field.EnumNames!.Contains(text, StringComparer.Ordinal):
                return text;
            case FieldKind.Long when !like && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return number;
            case FieldKind.Timestamp when !like && ZStackDates.TryParseTimestamp(text, zone, out var instant):
                return instant;
            default:
                throw ZStackFailure.InvalidArgument($"failed to parse value[{text}] of field[{field.Name}] to type[{field.Kind}]");
        }
    }

    /// <summary>MySQL LIKE: <c>%</c> any run, <c>_</c> one character, backslash escapes either.</summary>
    private static Regex LikeToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length) regex.Append(Regex.Escape(pattern[++i].ToString()));
            else if (c == '%') regex.Append(".*");
            else if (c == '_') regex.Append('.');
            else regex.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}
