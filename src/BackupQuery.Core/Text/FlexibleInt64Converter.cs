using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackupQuery.Text;

/// <summary>
/// Reads integers the way Java serialises them too: <c>13107</c>, <c>13107.0</c>, <c>1.268224E7</c>, or a numeric string.
/// ZStack's documented Long fields arrive in all three forms. Anything else (<c>"n/a"</c>, an object, a number out of
/// range) is null and reported on the record being read (<see cref="OddValueTrail"/>), never an error.
/// </summary>
public sealed class FlexibleInt64Converter : JsonConverter<long?>
{
    /// <summary>The JSON name of the member this instance reads (the source generator makes one instance per member), for the report.</summary>
    internal string? Field { get; set; }

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole)) return whole;
                if (reader.TryGetDouble(out var number) && ToInt64(number) is { } rounded) return rounded;
                break;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && ToInt64(parsed) is { } value) return value;
                break;
        }
        OddValueTrail.Report(this, ref reader);
        return null;
    }

    private static long? ToInt64(double value) =>
        double.IsNaN(value) || value < long.MinValue || value >= long.MaxValue ? null : (long)Math.Round(value);

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteNumberValue(value.Value);
    }
}
