using System.Text;
using BackupQuery.Emulator.HuaweiCloud;
using static BackupQuery.Core.Tests.HuaweiCloud.PublishedSignatureVectors;

namespace BackupQuery.Core.Tests.HuaweiCloud;

/// <summary>
/// The emulator's verifier against the same published vectors as the client's signer (spec §3): it rebuilds the
/// canonical request from what a server receives (raw path, raw query, headers, body), so a shared mistake cannot hide.
/// </summary>
public class SdkHmacSha256VerifierTests
{
    private static readonly Dictionary<string, string> Headers = new()
    {
        ["Host"] = "example.huaweicloud.com",
        ["Content-Type"] = "application/json",
        ["X-Sdk-Date"] = Date,
    };

    [Fact]
    public void Get_vector_canonical_request_and_signature()
    {
        var canonical = SdkHmacSha256.BuildCanonicalRequest("GET", "/path", "?limit=1", Headers, [], ["x-sdk-date"]);

        Assert.Equal(GetCanonicalRequest, canonical);
        Assert.Equal(GetSignature, SdkHmacSha256.Sign(SecretKey, Date, canonical));
    }

    [Fact]
    public void Post_vector_hashes_the_body_and_leaves_content_type_unsigned()
    {
        var canonical = SdkHmacSha256.BuildCanonicalRequest("POST", "/path", "key=value", Headers, Encoding.UTF8.GetBytes(PostBody), ["x-sdk-date"]);

        Assert.Equal(PostSignature, SdkHmacSha256.Sign(SecretKey, Date, canonical));
    }

    [Fact]
    public void Canonical_query_example_from_the_received_query()
    {
        // As a client would send it: every key and value percent-encoded, in the example's order.
        var received = "?" + string.Join("&", QueryExample.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

        Assert.Equal(CanonicalQueryExample, SdkHmacSha256.CanonicalQuery(received));
    }
}
