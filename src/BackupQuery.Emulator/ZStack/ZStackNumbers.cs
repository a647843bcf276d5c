using System.Globalization;

namespace BackupQuery.Emulator.ZStack;

/// <summary>Java's <c>Double.toString</c> for integral values: the documentation examples serialise Long fields that way
/// (<c>13107.0</c>, <c>1.268224E7</c>), so the emulator does it for some records to keep clients honest.</summary>
public static class ZStackNumbers
{
    public static string JavaDouble(long value)
    {
        if (value < 0) return "-" + JavaDouble(-value);
        // Java switches to computerised scientific notation at 10^7.
        if (value < 10_000_000) return value.ToString(CultureInfo.InvariantCulture) + ".0";
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var fraction = digits[1..].TrimEnd('0');
        return $"{digits[0]}.{(fraction.Length == 0 ? "0" : fraction)}E{digits.Length - 1}";
    }
}
