using System.Text;
using BackupQuery.HuaweiCloud;
using BackupQuery.Text;

namespace BackupQuery.Core.Tests.HuaweiCloud;

/// <summary>The VBS next marker read off a reply's bytes before they are parsed, against the parsed reply's.</summary>
public class VbsNextLinkTests
{
    private static string? Early(string json) => VbsNextLink.NextMarkerOf(Encoding.UTF8.GetBytes(json));

    private const string Records = """{"backups":[{"id":"b-1","name":"backups_links","links":[{"href":"http://h/p/backups/b-1","rel":"self"}]}]""";

    [Theory]
    // As the emulator writes it (the seed's internal host, no /v2), and with spaces, the next link among others, escaped text.
    [InlineData(Records + ""","backups_links":[{"href":"http://192.168.82.222:8776/p/backups?limit=1&marker=b-1","rel":"next"}]}""", "b-1")]
    [InlineData(Records + """ , "backups_links" : [ { "rel" : "self", "href" : "http://h/x?marker=no" }, { "rel" : "NEXT", "href" : "http://h/x?limit=2&marker=b%2F2" } ] }""", "b/2")]
    [InlineData(Records + ""","backups_links":[{"extra":{"rel":"next"},"href":"http://h/x?marker=b-3","rel":"next"}],"count":3}""", "b-3")]
    [InlineData(Records + ""","backups_links":[{"href":"http://h/x?marker=b\u002D4","rel":"next"}]}""", "b-4")]
    // No next link, none at all, cut short, or the words only inside a record's text: nothing early.
    [InlineData(Records + ""","backups_links":[{"href":"http://h/x?marker=b-1","rel":"self"}]}""", null)]
    [InlineData(Records + "}", null)]
    [InlineData(Records + ""","backups_links":[{"href":"http://h/x?marker=b-1","rel":"ne""", null)]
    [InlineData("""{"backups":[{"id":"b-1","name":"\"backups_links","description":"x"}]}""", null)]
    public void Reads_the_next_marker_before_the_reply_is_parsed(string json, string? marker) => Assert.Equal(marker, Early(json));

    [Fact]
    public void Names_the_marker_the_parsed_reply_names()
    {
        const string json = Records + ""","backups_links":[{"href":"http://192.168.82.222:8776/p/backups?limit=1&offset=1&marker=b%20one","rel":"next"}]}""";
        var parsed = System.Text.Json.JsonSerializer.Deserialize(json, HuaweiCloudJsonContext.Replies.Contract<VbsBackupsReply<VbsBackupDto>>());

        Assert.Equal(VbsNextLink.NextMarker(parsed), Early(json));
        Assert.Equal("b one", Early(json));
    }
}
