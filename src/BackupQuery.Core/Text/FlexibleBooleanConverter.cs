using System.Globalization;
using System.Text.Json;

namespace BackupQuery.Text;

/// <summary>A boolean that may arrive as <c>true</c>, <c>"true"</c>, <c>1</c> or <c>"1"</c>.</summary>
internal sealed class FlexibleBooleanConverter : TolerantConverter<bool?>
{
    public FlexibleBooleanConverter() : base(null) { }

    private FlexibleBooleanConverter(string field) : base(field) { }

    private protected override bool TryRead(ref Utf8JsonReader reader, out bool? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.True: value = true; return true;
            case JsonTokenType.False: value = false; return true;
            case JsonTokenType.Number when reader.TryGetInt64(out var n): value = n != 0; return true;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                if (string.IsNullOrEmpty(text)) return true;
                if (bool.TryParse(text, out var b)) value = b;
                else if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) value = i != 0;
                return value is not null;
            default: return false;
        }
    }

    private protected override void WriteValue(Utf8JsonWriter writer, bool? value) => writer.WriteBooleanValue(value!.Value);

    private protected override TolerantConverter<bool?> Named(string field) => new FlexibleBooleanConverter(field);
}
