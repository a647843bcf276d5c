using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BackupQuery.ZStack;

/// <summary>
/// ZStack AccessKey auth: <c>Authorization: ZStack &lt;id&gt;:Base64(HMAC-SHA1(secret, METHOD\nDate\nURI))</c>, URI being the
/// decoded path after the context path. The server compares wall-clock times and ignores the zone text, so the Date is the
/// management node's local time.
/// </summary>
internal static class ZStackAccessKeySigner
{
    public static string Sign(string secret, string method, string date, string uri)
    {
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(method + "\n" + date + "\n" + uri)));
    }

    /// <summary>The Date header value, e.g. <c>Sun, 22 Nov 2026 04:46:56 Etc/UTC</c>, in the server's zone.</summary>
    public static string FormatDate(DateTimeOffset now, TimeZoneInfo serverZone)
    {
        var local = TimeZoneInfo.ConvertTime(now, serverZone);
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " " + (serverZone.Id == "UTC" ? "Etc/UTC" : serverZone.Id);
    }
}
