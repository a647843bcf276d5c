using System.Management.Automation;

namespace BackupQuery.PowerShell.Formatting;

/// <summary>
/// Turns a deserialized DateTimeOffset (the property bag CliXml, jobs and remoting make of one) back into a
/// DateTimeOffset, so a record's CreatedAt stays a date after Import-Clixml or Receive-Job: sortable, comparable,
/// formattable. BackupQuery.types.ps1xml names it as the rehydrator of <c>Deserialized.System.DateTimeOffset</c>; it
/// accepts nothing else, so every other conversion to DateTimeOffset is PowerShell's own.
/// </summary>
public sealed class DeserializedDateTimeOffsetConverter : PSTypeConverter
{
    private const string DeserializedTypeName = "Deserialized.System.DateTimeOffset";

    public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
        destinationType == typeof(DateTimeOffset) && TryRead(sourceValue, out _);

    public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
        TryRead(sourceValue, out var value) ? value : throw new InvalidCastException($"Not a {DeserializedTypeName}.");

    public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

    public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
        throw new InvalidCastException();

    private static bool TryRead(object? source, out DateTimeOffset value)
    {
        value = default;
        if (source is not PSObject bag || !bag.TypeNames.Contains(DeserializedTypeName)) return false;
        // UtcDateTime and Offset survive serialization as primitives (DateTime, TimeSpan): together they are the value.
        if (bag.Properties["UtcDateTime"]?.Value is not DateTime utc || bag.Properties["Offset"]?.Value is not TimeSpan offset) return false;
        value = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(offset);
        return true;
    }
}
