namespace BackupQuery;

/// <summary>Lowercase hex, which netstandard2.0 has no helper for.</summary>
internal static class Hex
{
    public static string Lower(byte[] bytes)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[2 * i + 1] = digits[bytes[i] & 0xF];
        }
        return new string(chars);
    }
}
