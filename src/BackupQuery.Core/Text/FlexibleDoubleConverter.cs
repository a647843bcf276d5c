using System.Globalization;
using System.Text.Json;

namespace BackupQuery.Text;

/// <summary>A number that may arrive as a JSON number or a numeric string (finite values only).</summary>
internal sealed class FlexibleDoubleConverter : TolerantConverter<double?>
{
    public FlexibleDoubleConverter() : base(null) { }

    private FlexibleDoubleConverter(string field) : base(field) { }

    private protected override bool TryRead(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out var number) && IsFinite(number):
                value = number;
                return true;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return true;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && IsFinite(parsed)) value = parsed;
                return value is not null;
            default: return false;
        }
    }

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private protected override void WriteValue(Utf8JsonWriter writer, double? value) => writer.WriteNumberValue(value!.Value);

    private protected override TolerantConverter<double?> Named(string field) => new FlexibleDoubleConverter(field);
}
