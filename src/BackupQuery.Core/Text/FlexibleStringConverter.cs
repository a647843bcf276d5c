using System.Text.Json;

namespace BackupQuery.Text;

/// <summary>A string member: numbers and booleans (CBR's <c>app_consistency</c> flags) are read as text; an object or
/// array where text is due is null and reported.</summary>
internal sealed class FlexibleStringConverter : TolerantConverter<string?>
{
    public FlexibleStringConverter() : base(null) { }

    private FlexibleStringConverter(string field) : base(field) { }

    private readonly RepeatedText _repeated = new();

    private protected override bool TryRead(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String: value = _repeated.Read(ref reader); return true;
            case JsonTokenType.True: value = "true"; return true;
            case JsonTokenType.False: value = "false"; return true;
            case JsonTokenType.Number:
                using (var number = JsonDocument.ParseValue(ref reader)) value = number.RootElement.GetRawText();
                return true;
            default: return false;
        }
    }

    private protected override void WriteValue(Utf8JsonWriter writer, string? value) => writer.WriteStringValue(value);

    private protected override TolerantConverter<string?> Named(string field) => new FlexibleStringConverter(field);
}
