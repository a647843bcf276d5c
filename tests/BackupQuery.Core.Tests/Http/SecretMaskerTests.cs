using BackupQuery.HuaweiCloud;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.Http;

public class SecretMaskerTests
{
    [Theory]
    [InlineData("Authorization", "OAuth 1d2f3e4a5b6c", "OAuth ***")]
    [InlineData("Authorization", "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abc", "SDK-HMAC-SHA256 ***")]
    [InlineData("X-Auth-Token", "MIIEXAMPLETOKEN", "***")]
    [InlineData("X-Subject-Token", "MIIEXAMPLETOKEN", "***")]
    [InlineData("X-Security-Token", "sts-token", "***")]
    [InlineData("X-Sdk-Date", "20060102T150405Z", "20060102T150405Z")]
    public void MasksCredentialHeaders(string name, string value, string shown) => Assert.Equal(shown, HuaweiCloudProtocol.Words.Masker.HeaderValue(name, value));

    [Fact]
    public void MasksPasswordMembersInBodies()
    {
        var masked = ZStackProtocol.Words.Masker.Body("{\"user\":{\"name\":\"u\",\"password\":\"s3cr\\\"et\"},\"x\":1}");
        Assert.DoesNotContain("s3cr", masked);
        Assert.Contains("\"name\":\"u\"", masked);
        Assert.Contains("\"x\":1", masked);
    }
}
