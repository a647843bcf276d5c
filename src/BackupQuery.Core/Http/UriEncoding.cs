using System.Text;

namespace BackupQuery.Http;

/// <summary>
/// Strict RFC 3986 percent-encoding: only <c>A-Z a-z 0-9 - _ . ~</c> pass, everything else is <c>%XX</c> (upper-case, UTF-8).
/// Both providers need exactly this: ZStack's query conditions carry operators, and Huawei's signature is computed over
/// the same bytes that are sent (a raw '+' would reach the server as a space).
/// </summary>
internal static class UriEncoding
{
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved(b)) builder.Append((char)b);
            else builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
        }
        return builder.ToString();
    }

    /// <summary>Decodes <c>%XX</c> sequences (not '+') as UTF-8.</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value);

    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
