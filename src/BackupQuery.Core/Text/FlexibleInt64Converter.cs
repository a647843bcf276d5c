using System.Globalization;
using System.Text.Json;

namespace BackupQuery.Text;

/// <summary>
/// Reads integers the way Java serialises them too: <c>13107</c>, <c>13107.0</c>, <c>1.268224E7</c>, or a numeric string.
/// ZStack's documented Long fields arrive in all three forms. Anything else (<c>"n/a"</c>, an object, a number out of
/// range) is null and reported.
/// </summary>
internal sealed class FlexibleInt64Converter : TolerantConverter<long?>
{
    public FlexibleInt64Converter() : base(null) { }

    private FlexibleInt64Converter(string field) : base(field) { }

    private protected override bool TryRead(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole)) value = whole;
                else if (reader.TryGetDouble(out var number)) value = ToInt64(number);
                return value is not null;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return true;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) value = ToInt64(parsed);
                return value is not null;
            default: return false;
        }
    }

    private static long? ToInt64(double value) =>
        double.IsNaN(value) || value < long.MinValue || value >= long.MaxValue ? null : (long)Math.Round(value);

    private protected override void WriteValue(Utf8JsonWriter writer, long? value) => writer.WriteNumberValue(value!.Value);

    private protected override TolerantConverter<long?> Named(string field) => new FlexibleInt64Converter(field);
}
