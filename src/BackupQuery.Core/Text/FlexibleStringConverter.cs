using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackupQuery.Text;

/// <summary>A string member that some deployments send as a number or boolean (CBR's <c>app_consistency</c> flags): read as text.</summary>
internal sealed class FlexibleStringConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Number:
                using (var number = JsonDocument.ParseValue(ref reader)) return number.RootElement.GetRawText();
            default:
                // An object or array where text was expected: keep its JSON rather than fail the page.
                using (var other = JsonDocument.ParseValue(ref reader)) return other.RootElement.GetRawText();
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
