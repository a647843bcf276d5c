using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackupQuery.Text;

/// <summary>A boolean that may arrive as <c>true</c>, <c>"true"</c>, <c>1</c> or <c>"1"</c>; anything else is null and
/// reported on the record being read (<see cref="OddValueTrail"/>), never an error.</summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool?>
{
    /// <summary>The JSON name of the member this instance reads (the source generator makes one instance per member), for the report.</summary>
    internal string? Field { get; set; }

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Number when reader.TryGetInt64(out var n): return n != 0;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                if (string.IsNullOrEmpty(text)) return null;
                if (bool.TryParse(text, out var b)) return b;
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i != 0;
                break;
        }
        OddValueTrail.Report(this, ref reader);
        return null;
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteBooleanValue(value.Value);
    }
}
