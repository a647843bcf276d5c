namespace BackupQuery.Records;

/// <summary>
/// The one warning a listing writes about its odd records: how many there were, and for the first few the record id,
/// the field and the value. Fed with every record written; record fields only, never a credential.
/// </summary>
internal sealed class OddValueSummary
{
    private const int Shown = 5;
    private readonly List<string> _examples = [];
    private int _records;
    private int _values;

    public void Add(object record)
    {
        if (record is not IOddValueCarrier { OddValues.Count: > 0 } odd) return;
        _records++;
        foreach (var value in odd.OddValues)
        {
            if (_values++ < Shown) _examples.Add($"record '{odd.Id}' field '{value.Field}' = {value.Value}");
        }
    }

    /// <summary>The warning text, or null when every record read cleanly.</summary>
    public string? Warning()
    {
        if (_records == 0) return null;
        var more = _values > Shown ? $"; and {_values - Shown} more" : "";
        var noun = _records == 1 ? "1 record had a value" : $"{_records} records had values";
        return $"{noun} this module could not read and shows as null: {string.Join("; ", _examples)}{more}.";
    }
}
