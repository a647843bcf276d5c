using BackupQuery.Core.Tests.Support;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;

namespace BackupQuery.Core.Tests.HuaweiCloud;

public class HuaweiCloudEndpointsTests
{
    [Fact]
    public void Default_pattern()
    {
        var endpoints = HuaweiCloudEndpoints.Resolve("cn-north-4");
        Assert.Equal("https://cbr.cn-north-4.myhuaweicloud.com/", endpoints[HuaweiCloudService.Cbr].ToString());
        Assert.Equal("https://gaussdb-nosql.cn-north-4.myhuaweicloud.com/", endpoints[HuaweiCloudService.GeminiDb].ToString());
        Assert.Equal("https://iam.cn-north-4.myhuaweicloud.com/", endpoints[HuaweiCloudService.Iam].ToString());
        Assert.Equal("https://vbs.cn-north-4.myhuaweicloud.com/", endpoints[HuaweiCloudService.Vbs].ToString());
        Assert.Equal("https://rds.cn-north-4.myhuaweicloud.com/", endpoints[HuaweiCloudService.Rds].ToString());
        Assert.True(endpoints.IsKnownRegion);
    }

    [Fact]
    public void Eu_west_101_uses_the_eu_domain_for_geminidb_and_rds_and_global_iam()
    {
        var endpoints = HuaweiCloudEndpoints.Resolve("eu-west-101");
        Assert.Equal("https://gaussdb-nosql.eu-west-101.myhuaweicloud.eu/", endpoints[HuaweiCloudService.GeminiDb].ToString());
        Assert.Equal("https://rds.eu-west-101.myhuaweicloud.eu/", endpoints[HuaweiCloudService.Rds].ToString());
        Assert.Equal("https://cbr.eu-west-101.myhuaweicloud.com/", endpoints[HuaweiCloudService.Cbr].ToString());
        Assert.Equal("https://iam.myhuaweicloud.com/", endpoints[HuaweiCloudService.Iam].ToString());
    }

    [Fact]
    public void Unknown_region_uses_the_pattern_and_says_so()
    {
        var endpoints = HuaweiCloudEndpoints.Resolve("xx-new-9");
        Assert.False(endpoints.IsKnownRegion);
        Assert.Equal("https://cbr.xx-new-9.myhuaweicloud.com/", endpoints[HuaweiCloudService.Cbr].ToString());
    }

    [Fact]
    public void Overrides_replace_one_service_and_keep_a_path_prefix()
    {
        var endpoints = HuaweiCloudEndpoints.Resolve("cn-north-4", new Dictionary<string, string>
        {
            ["CBR"] = "http://127.0.0.1:5000/cbr",
            ["iam"] = "https://iam.example.test/prefix/",
        });
        Assert.Equal("http://127.0.0.1:5000/cbr/", endpoints[HuaweiCloudService.Cbr].ToString());
        Assert.Equal("https://iam.example.test/prefix/", endpoints[HuaweiCloudService.Iam].ToString());
        Assert.Equal("https://vbs.cn-north-4.myhuaweicloud.com/", endpoints[HuaweiCloudService.Vbs].ToString());
        Assert.Equal(5, endpoints.All.Count);
    }

    [Theory]
    [InlineData("ecs", "https://ecs.example", "'ecs' is not a Huawei Cloud service key")]
    [InlineData("cbr", "not a url", "'not a url' is not an http(s) base URL")]
    [InlineData("cbr", "ftp://host/", "'ftp://host/' is not an http(s) base URL")]
    public void Bad_overrides_are_invalid_arguments(string key, string value, string named) =>
        Expect.Rejected(ApiErrorKind.InvalidArgument, named, () => HuaweiCloudEndpoints.Resolve("cn-north-4", new Dictionary<string, string> { [key] = value }));

    [Fact]
    public void Region_list_has_the_spec_entries()
    {
        Assert.Equal(34, HuaweiCloudEndpoints.KnownRegions.Count);
        Assert.Contains("my-kualalumpur-1", HuaweiCloudEndpoints.KnownRegions);
    }
}
