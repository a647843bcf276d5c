using BackupQuery.Records;
namespace BackupQuery.Text;

/// <summary>
/// Collects what one record could not hold while a mapper builds it: the values its converters gave up on, dates that
/// did not parse, required fields that were missing. The mapper knows the field names; the record keeps the list.
/// </summary>
internal sealed class OddValueRecorder(IReadOnlyList<OddValue> fromJson)
{
    private List<OddValue>? _added;

    /// <summary>What was noted so far (read it last: a record that read cleanly shares the empty list, no copy is made).</summary>
    public IReadOnlyList<OddValue> Values => _added ?? fromJson;

    public DateTimeOffset? Huawei(string? text, string field) => Checked(Timestamps.ParseHuawei(text), text, field);

    public DateTimeOffset? ZStack(string? text, TimeZoneInfo serverZone, string field) => Checked(Timestamps.ParseZStack(text, serverZone), text, field);

    /// <summary>A field every record of this kind has (its id): noted when absent or empty.</summary>
    public string Required(string? value, string field)
    {
        if (string.IsNullOrEmpty(value)) Add(new OddValue(field, "(missing)"));
        return value ?? "";
    }

    /// <summary>What nested records (CBR children) could not hold, named under their member: <c>children.size</c>.</summary>
    public void Nested(string member, IReadOnlyList<OddValue> values)
    {
        for (var i = 0; i < values.Count; i++) Add(values[i] with { Field = member + "." + values[i].Field });
    }

    private DateTimeOffset? Checked(DateTimeOffset? parsed, string? text, string field)
    {
        if (parsed is null && !string.IsNullOrWhiteSpace(text)) Add(new OddValue(field, OddValue.Shorten(System.Text.Json.JsonSerializer.Serialize(text))));
        return parsed;
    }

    private void Add(OddValue value) => (_added ??= [.. fromJson]).Add(value);
}
