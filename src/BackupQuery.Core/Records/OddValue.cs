namespace BackupQuery.Records;

/// <summary>A field of one record that this module could not read (wrong type or shape, unparseable text, missing):
/// the record shows it as null, and the listing reports it once in a warning.</summary>
/// <param name="Field">The field's name as the API spells it (<c>size</c>, <c>created_at</c>).</param>
/// <param name="Value">The value as sent, shortened; <c>(missing)</c> for a required field that was absent.</param>
internal sealed record OddValue(string Field, string Value)
{
    internal const int MaxValueLength = 60;

    internal static string Shorten(string text) => text.Length <= MaxValueLength ? text : text.Substring(0, MaxValueLength) + "…";
}
