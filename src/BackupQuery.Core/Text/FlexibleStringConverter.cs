using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackupQuery.Text;

/// <summary>A string member: numbers and booleans (CBR's <c>app_consistency</c> flags) are read as text; an object or
/// array where text is due is null and reported on the record being read (<see cref="OddValueTrail"/>), never an error.</summary>
internal sealed class FlexibleStringConverter : JsonConverter<string?>
{
    /// <summary>The JSON name of the member this instance reads (the source generator makes one instance per member), for the report.</summary>
    internal string? Field { get; set; }

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
                OddValueTrail.Report(this, ref reader);
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
