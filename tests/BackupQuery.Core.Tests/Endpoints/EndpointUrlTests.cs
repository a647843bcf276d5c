using BackupQuery.Connections;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.Endpoints;

/// <summary>A user name and password inside an endpoint URL: dropped from every endpoint, masked in every message.</summary>
public class EndpointUrlTests
{
    [Theory]
    [InlineData("http://user:secret@host/iam", "http://***@host/iam")]
    [InlineData("https://user@host:8443", "https://***@host:8443")]
    [InlineData("user:secret@host:8080", "***@host:8080")]
    [InlineData("ftp://a:b@c@host/path@x", "ftp://***@host/path@x")]
    [InlineData("http://[bad:secret@host", "http://***@host")]
    [InlineData("http://host/path@x", "http://host/path@x")]
    [InlineData("http://host?q=a@b", "http://host?q=a@b")]
    [InlineData("host", "host")]
    [InlineData("", "")]
    public void Redact_masks_the_user_info_and_nothing_else(string url, string shown)
    {
        Assert.Equal(shown, EndpointUrl.Redact(url));
        Assert.Equal(shown != url, EndpointUrl.HasUserInfo(url));
    }

    [Fact]
    public void Huawei_endpoint_overrides_lose_their_user_info()
    {
        var endpoints = HuaweiCloudEndpoints.Resolve("cn-north-4", new Dictionary<string, string>
        {
            ["iam"] = "http://user:secret@127.0.0.1:5000/iam",
            ["cbr"] = "https://key@cbr.example.test/prefix/",
        });
        Assert.Equal("http://127.0.0.1:5000/iam/", endpoints[HuaweiCloudService.Iam].ToString());
        Assert.Equal("https://cbr.example.test/prefix/", endpoints[HuaweiCloudService.Cbr].ToString());
    }

    [Fact]
    public void A_refused_Huawei_endpoint_is_shown_without_its_user_info() =>
        Assert.DoesNotContain("secret", Expect.Rejected(ApiErrorKind.InvalidArgument, "'ftp://***@host/' is not an http(s) base URL",
            () => HuaweiCloudEndpoints.Resolve("cn-north-4", new Dictionary<string, string> { ["cbr"] = "ftp://user:secret@host/" })).Message);

    [Fact]
    public void ZStack_server_loses_its_user_info_and_a_refused_one_is_shown_without_it()
    {
        Assert.Equal("http://node1:8081/zstack/", ZStackServerAddress.Parse("http://user:secret@node1:8081/zstack").ToString());
        Assert.DoesNotContain("secret", Expect.Rejected(ApiErrorKind.InvalidArgument, "'ftp://***@node1' is not a ZStack address",
            () => ZStackServerAddress.Parse("ftp://user:secret@node1")).Message);
    }
}
