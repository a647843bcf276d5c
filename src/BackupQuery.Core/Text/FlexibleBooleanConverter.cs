using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackupQuery.Text;

/// <summary>A boolean that may arrive as <c>true</c>, <c>"true"</c>, <c>1</c> or <c>"1"</c>; anything else is null, never an error.</summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Number: return reader.TryGetInt64(out var n) ? n != 0 : null;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                if (bool.TryParse(text, out var b)) return b;
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i != 0 : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteBooleanValue(value.Value);
    }
}
