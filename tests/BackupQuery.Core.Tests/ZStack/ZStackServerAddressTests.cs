using BackupQuery.Http;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.ZStack;

public class ZStackServerAddressTests
{
    [Theory]
    [InlineData("node1", "http://node1:8080/zstack/")]
    [InlineData("node1:8081", "http://node1:8081/zstack/")]
    [InlineData("10.0.0.5", "http://10.0.0.5:8080/zstack/")]
    [InlineData("https://zstack.example.com", "https://zstack.example.com/zstack/")]
    [InlineData("https://zstack.example.com/proxy/zstack", "https://zstack.example.com/proxy/zstack/")]
    [InlineData("http://127.0.0.1:5080/zstack/", "http://127.0.0.1:5080/zstack/")]
    public void AcceptsHostHostPortAndUrls(string server, string expected) =>
        Assert.Equal(expected, ZStackServerAddress.Parse(server).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("ftp://node1")]
    [InlineData("http://")]
    public void RejectsWhatIsNotAnAddress(string server) =>
        Assert.Equal(ApiErrorKind.InvalidArgument, Assert.ThrowsAny<BackupQueryException>(() => ZStackServerAddress.Parse(server)).Kind);
}
