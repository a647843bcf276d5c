using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackupQuery.Text;

/// <summary>Reads a number that may arrive as a JSON number or a numeric string; anything else is null and reported on
/// the record being read (<see cref="OddValueTrail"/>), never an error.</summary>
public sealed class FlexibleDoubleConverter : JsonConverter<double?>
{
    /// <summary>The JSON name of the member this instance reads (the source generator makes one instance per member), for the report.</summary>
    internal string? Field { get; set; }

    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetDouble(out var number) && IsFinite(number):
                return number;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && IsFinite(parsed)) return parsed;
                break;
        }
        OddValueTrail.Report(this, ref reader);
        return null;
    }

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteNumberValue(value.Value);
    }
}
