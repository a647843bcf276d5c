using System.Text.Json.Nodes;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Core.Tests.EmulatorFaults;

/// <summary>Pages past an offset come back empty while the total stays: on each offset or start API, as the journal
/// counts the requests.</summary>
public sealed class EmptyPagesTests
{
    private const int From = 200;

    public static TheoryData<string> Apis() => ["ZStack", "GeminiDB", "RDS", "CBR"];

    /// <summary>The page request at <paramref name="offset"/>, the reply's record array and total, and the API's total as the emulator holds it.</summary>
    private static (string Path, Func<int, string> Page, string Records, string Total, int Expected) Api(EmulatorClient emulator, string api)
    {
        var project = emulator.ProjectId;
        var huawei = emulator.Server.HuaweiCloud;
        switch (api)
        {
            case "ZStack":
                return ("/zstack/v1/database-backups", o => $"zstack/v1/database-backups?start={o}&limit=100&replyWithCount=true", "inventories", "total", emulator.Options.ZStackCount);
            case "GeminiDB":
                return ($"/gaussdb-nosql/v3.1/{project}/backups", o => $"gaussdb-nosql/v3.1/{project}/backups?offset={o}&limit=100", "backups", "total_count", emulator.Options.GeminiDbCount);
            case "RDS":
                var instance = huawei.Rds.BusiestInstance.Id;
                return ($"/rds/v3/{project}/backups", o => $"rds/v3/{project}/backups?instance_id={instance}&offset={o}&limit=100", "backups", "total_count",
                    Enumerable.Range(0, huawei.Rds.Count).Count(i => huawei.Rds[i].InstanceId == instance));
            default:
                return ($"/cbr/v3/{project}/backups", o => $"cbr/v3/{project}/backups?offset={o}&limit=100", "backups", "count", emulator.Options.CbrCount);
        }
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task Pages_at_or_past_the_offset_are_empty_and_the_total_stays(string api)
    {
        await using var emulator = await EmulatorClient.StartAsync(o => o.EmptyPagesFrom = From);
        var (path, page, records, total, expected) = Api(emulator, api);
        Assert.True(expected > From + 100, $"{api}: the data must reach past the empty pages");
        var session = await emulator.ZStackSessionAsync();
        var token = await emulator.IamTokenAsync();
        emulator.Server.Requests.Clear();

        var offsets = new[] { 0, From - 100, From, From + 100 };
        var replies = new List<(int Records, long Total)>();
        foreach (var offset in offsets)
        {
            using var reply = api == "ZStack" ? await emulator.ZStackGetAsync(session, page(offset)) : await emulator.HuaweiGetAsync(token, page(offset));
            reply.EnsureSuccessStatusCode();
            var json = await EmulatorClient.JsonAsync(reply);
            replies.Add((json[records]!.AsArray().Count, json[total]!.GetValue<long>()));
        }

        Assert.Equal(new (int, long)[] { (100, expected), (100, expected), (0, expected), (0, expected) }, replies);
        var journal = emulator.Server.Requests.ForPath(path).ToList();
        Assert.Equal(offsets.Length, journal.Count);
        Assert.Equal(new FaultKind?[] { null, null, FaultKind.EmptyPage, FaultKind.EmptyPage }, journal.Select(e => e.Fault));
    }

    [Fact]
    public void Only_the_record_arrays_are_emptied_links_and_totals_are_kept()
    {
        var body = """{"backups":[{"id":"a"},{"id":"b"}],"backups_links":[{"href":"next","rel":"next"}],"count":7}"""u8.ToArray();
        var rewritten = JsonNode.Parse(EmptyPageRewriter.Rewrite(body))!;
        Assert.Equal("""{"backups":[],"backups_links":[{"href":"next","rel":"next"}],"count":7}""", rewritten.ToJsonString());
        Assert.Null(EmptyPageRewriter.Rewrite("<html>"u8.ToArray()));
    }
}
