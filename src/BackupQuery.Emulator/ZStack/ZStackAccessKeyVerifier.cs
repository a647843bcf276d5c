using System.Security.Cryptography;
using System.Text;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Emulator.ZStack;

/// <summary>
/// AccessKey authentication: <c>Authorization: ZStack &lt;AccessKeyId&gt;:&lt;Signature&gt;</c> with
/// Signature = Base64(HMAC-SHA1(secret, METHOD + "\n" + Date + "\n" + URI)), URI being the decoded path after the context path.
/// </summary>
public static class ZStackAccessKeyVerifier
{
    /// <summary>Largest |server wall clock − Date| the server accepts.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    public static string StringToSign(string method, string date, string uri) => method + "\n" + date + "\n" + uri;

    public static string ComputeSignature(string secret, string method, string date, string uri) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(StringToSign(method, date, uri))));

    /// <summary>Checks a request signed with <paramref name="credential"/> (the text after <c>ZStack </c>); throws the server's failure.</summary>
    internal static void Verify(string credential, string method, string uri, string? date, EmulatorOptions options)
    {
        if (string.IsNullOrEmpty(date)) throw ZStackFailure.PlainText(400, "missing header 'Date'");
        if (!ZStackDates.TryParseAccessKeyDate(date, out var wall))
            throw ZStackFailure.PlainText(400, $"invalid header 'Date'[{date}], expected format 'EEE, dd MMM yyyy HH:mm:ss zzz'");
        // Wall clocks compared, zone text ignored (rest/checkTimeZone=false).
        var now = ZStackDates.WallClock(options.Clock.GetUtcNow(), options.ZStackTimeZone);
        if ((now - wall).Duration() > MaxSkew) throw ZStackFailure.PlainText(403, "requestTimeTooSkewed");

        var colon = credential.IndexOf(':');
        if (colon <= 0 || colon == credential.Length - 1)
            throw ZStackFailure.PlainText(400, "invalid header 'Authorization', expected 'ZStack <AccessKeyId>:<Signature>'");
        var keyId = credential[..colon];
        if (keyId != options.ZStackAccessKeyId)
            throw ZStackFailure.InvalidAccessKey($"AccessKey[{keyId}] not found or disabled");
        var expected = Encoding.ASCII.GetBytes(ComputeSignature(options.ZStackAccessKeySecret, method, date, uri));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(credential[(colon + 1)..])))
            throw ZStackFailure.InvalidAccessKey($"the signature of AccessKey[{keyId}] does not match");
    }
}
