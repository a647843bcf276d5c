namespace BackupQuery.Core.Tests.HuaweiCloud;

/// <summary>The published vectors of huaweicloud-sdk-go-v3's signer tests, as spec §3 gives them; both signers are checked against these.</summary>
internal static class PublishedSignatureVectors
{
    public const string AccessKey = "AccessKey";
    public const string SecretKey = "SecretKey";
    public const string Date = "20060102T150405Z";

    /// <summary><c>GET /path?limit=1</c>, signed headers <c>x-sdk-date</c>.</summary>
    public const string GetCanonicalRequest = "GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    public const string GetSignature = "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624";

    /// <summary><c>POST /path?key=value</c> with this body (trailing newline), content-type not signed.</summary>
    public const string PostBody = "{\"Name\":\"test\",\"Id\":1}\n";
    public const string PostSignature = "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59";

    /// <summary>The canonical query example's pairs, in the order given, and its canonical form.</summary>
    public static readonly KeyValuePair<string, string>[] QueryExample =
    [
        new("test", "一 (&=?!#%.*)"), new("multi", "3"), new("path", "/tmp/123"), new("multi", "1"),
        new("limit", "1"), new("multi", "2"), new("enable", "true"),
    ];
    public const string CanonicalQueryExample = "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29";
}
