using BackupQuery.Http;

namespace BackupQuery.Core.Tests.Http;

public class UriEncodingTests
{
    [Theory]
    [InlineData("name~=db-backup-00%", "name~%3Ddb-backup-00%25")] // "~" is unreserved: the server decodes it as the Java SDK's %7E
    [InlineData("a b+c:d,e", "a%20b%2Bc%3Ad%2Ce")]
    [InlineData("一 (&=?!#%.*)", "%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29")] // Huawei's canonical query example
    [InlineData("AZaz09-_.~", "AZaz09-_.~")]
    public void EncodesAllButUnreserved(string value, string expected) => Assert.Equal(expected, UriEncoding.Encode(value));
}
