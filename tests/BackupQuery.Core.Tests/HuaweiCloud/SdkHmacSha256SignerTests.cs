using System.Net.Http;
using System.Text;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;

namespace BackupQuery.Core.Tests.HuaweiCloud;

/// <summary>The client's signer against the published vectors (spec §3), and its URL encoding.</summary>
public class SdkHmacSha256SignerTests
{
    private const string Date = PublishedSignatureVectors.Date;

    [Fact]
    public void Get_vector_canonical_request_is_the_published_text()
    {
        var signed = SdkHmacSha256Signer.HeadersToSign([new("X-Sdk-Date", Date)]);
        var canonical = SdkHmacSha256Signer.CanonicalRequest("GET", SdkHmacSha256Signer.CanonicalUri("/path"),
            SdkHmacSha256Signer.CanonicalQuery([new("limit", "1")]), SdkHmacSha256Signer.CanonicalHeaders(signed),
            SdkHmacSha256Signer.SignedHeaders(signed), SdkHmacSha256Signer.EmptyBodyHash);

        Assert.Equal(PublishedSignatureVectors.GetCanonicalRequest, canonical);
    }

    [Fact]
    public void Get_vector_signature()
    {
        var authorization = SdkHmacSha256Signer.Sign(PublishedSignatureVectors.AccessKey, PublishedSignatureVectors.SecretKey, "GET", "/path", [new("limit", "1")], [new("X-Sdk-Date", Date)], null);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=" + PublishedSignatureVectors.GetSignature, authorization);
    }

    [Fact]
    public void Post_vector_signature_with_content_type_unsigned()
    {
        var body = Encoding.UTF8.GetBytes(PublishedSignatureVectors.PostBody);
        var authorization = SdkHmacSha256Signer.Sign(PublishedSignatureVectors.AccessKey, PublishedSignatureVectors.SecretKey, "POST", "/path", [new("key", "value")],
            [new("Content-Type", "application/json"), new("X-Sdk-Date", Date)], body);
        Assert.Equal("SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=" + PublishedSignatureVectors.PostSignature, authorization);
    }

    [Fact]
    public void Canonical_query_example()
    {
        var query = SdkHmacSha256Signer.CanonicalQuery(PublishedSignatureVectors.QueryExample);
        Assert.Equal(PublishedSignatureVectors.CanonicalQueryExample, query);
    }

    [Theory]
    [InlineData("/v3/abc/backups", "/v3/abc/backups/")]
    [InlineData("/v3/abc/backups/", "/v3/abc/backups/")]
    [InlineData("/", "/")]
    [InlineData("/a b/c%3Ad", "/a%20b/c%3Ad/")]
    public void Canonical_uri_encodes_segments_and_ends_with_slash(string path, string expected) =>
        Assert.Equal(expected, SdkHmacSha256Signer.CanonicalUri(path));

    [Fact]
    public void Signed_headers_are_sorted_lowercase_and_exclude_content_type_and_underscores()
    {
        var signed = SdkHmacSha256Signer.HeadersToSign([
            new("X-Sdk-Date", Date), new("Host", "cbr.cn-north-4.myhuaweicloud.com"), new("Content-Type", "application/json"),
            new("X-Project-Id", " p1 "), new("x_custom", "v"),
        ]);
        Assert.Equal("host;x-project-id;x-sdk-date", SdkHmacSha256Signer.SignedHeaders(signed));
        Assert.Equal("host:cbr.cn-north-4.myhuaweicloud.com\nx-project-id:p1\nx-sdk-date:20060102T150405Z\n", SdkHmacSha256Signer.CanonicalHeaders(signed));
    }

    [Fact]
    public void Date_format_is_utc_basic_iso()
    {
        var date = SdkHmacSha256Signer.FormatDate(new DateTimeOffset(2006, 1, 2, 23, 4, 5, TimeSpan.FromHours(8)));
        Assert.Equal(Date, date);
    }

    [Fact]
    public void The_url_sent_uses_the_canonical_query_encoding()
    {
        var request = new ApiRequest(HttpMethod.Get, new Uri("https://cbr.cn-north-4.myhuaweicloud.com/"), "v3/p/backups", "ListBackups")
            .AddQuery("begin_time", "2019-05-27T03:38:51+0800")
            .AddQuery("name", "a b:c")
            .AddQuery("zz", "一");
        var sentQuery = request.RequestUri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        var canonical = SdkHmacSha256Signer.CanonicalQuery(request.Query);
        // Same pairs, same bytes: only the order may differ (the server sorts before verifying).
        Assert.Equal(canonical.Split('&').OrderBy(p => p, StringComparer.Ordinal), sentQuery.Split('&').OrderBy(p => p, StringComparer.Ordinal));
        Assert.Contains("begin_time=2019-05-27T03%3A38%3A51%2B0800", request.RequestUri.AbsoluteUri);
        Assert.Contains("name=a%20b%3Ac", request.RequestUri.PathAndQuery);
    }
}
