using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackupQuery.Text;

/// <summary>
/// Reads integers the way Java serialises them too: <c>13107</c>, <c>13107.0</c>, <c>1.268224E7</c>, or a numeric string.
/// ZStack's documented Long fields arrive in all three forms.
/// </summary>
public sealed class FlexibleInt64Converter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole)) return whole;
                return checked((long)Math.Round(reader.GetDouble()));
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) return checked((long)Math.Round(parsed));
                throw new JsonException($"'{text}' is not a number.");
            default:
                throw new JsonException($"Expected a number, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteNumberValue(value.Value);
    }
}
