using BackupQuery.Core.Tests.Support;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;

namespace BackupQuery.Core.Tests.HuaweiCloud;

public class HuaweiCloudQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Map(IEnumerable<KeyValuePair<string, string>> parameters) => parameters.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void GeminiDb_times_are_utc_with_a_colonless_offset_and_an_open_window_is_closed()
    {
        var after = new DateTimeOffset(2026, 2, 1, 8, 30, 0, TimeSpan.FromHours(8));
        var p = Map(new GeminiDbBackupQuery { CreatedAfter = after, BackupType = "auto", DatastoreType = "Cassandra" }.Parameters(Now));
        Assert.Equal("2026-02-01T00:30:00+0000", p["begin_time"]);
        Assert.Equal("2026-03-02T12:00:00+0000", p["end_time"]);
        Assert.Equal("Auto", p["backup_type"]);
        Assert.Equal("cassandra", p["datastore_type"]);

        var onlyBefore = Map(new GeminiDbBackupQuery { CreatedBefore = Now }.Parameters(Now));
        Assert.Equal("1970-01-01T00:00:00+0000", onlyBefore["begin_time"]);
    }

    [Fact]
    public void Bad_combinations_are_invalid_arguments()
    {
        const ApiErrorKind Invalid = ApiErrorKind.InvalidArgument;
        Expect.Rejected(Invalid, "-CreatedAfter (2026-03-01", () => new GeminiDbBackupQuery { CreatedAfter = Now, CreatedBefore = Now.AddDays(-1) }.Parameters(Now));
        Expect.Rejected(Invalid, "-Type DatabaseTable exists for Cassandra only, not for datastore type 'mongodb'", () => new GeminiDbBackupQuery { Type = "DatabaseTable", DatastoreType = "mongodb" }.Parameters(Now));
        Expect.Rejected(Invalid, "give -InstanceId", () => new RdsBackupQuery().Parameters(Now));
        Expect.Rejected(Invalid, "add -Detailed", () => new VbsBackupQuery { SortBy = "name" }.Parameters());
        Expect.Rejected(Invalid, "-SortBy 'colour' is not a VBS sort key", () => new VbsBackupQuery { Detailed = true, SortBy = "colour" }.Parameters());
        Expect.Rejected(Invalid, "-SortBy 'size' is not a CBR sort key", () => new CbrBackupQuery { SortBy = "size" }.Parameters());
        Expect.Rejected(Invalid, "-Name is longer than 255 characters", () => new CbrBackupQuery { Name = new string('n', 256) }.Parameters());
        Expect.Rejected(Invalid, "-CreatedAfter (2026-03-01", () => new CbrBackupQuery { CreatedAfter = Now, CreatedBefore = Now }.Parameters());
    }

    [Fact]
    public void Cbr_every_filter_in_its_wire_form()
    {
        var p = new CbrBackupQuery
        {
            Status = ["available", "Error", "available"],
            ResourceType = "os::nova::server",
            ResourceId = "r",
            ResourceName = "n",
            ResourceAz = "az",
            VaultId = "v",
            CheckpointId = "c",
            ParentId = "pa",
            Name = "nm",
            ImageType = "backup",
            OwnType = "private",
            MemberStatus = "accepted",
            EnterpriseProjectId = "0",
            CreatedAfter = new DateTimeOffset(2018, 2, 1, 20, 0, 0, TimeSpan.FromHours(8)),
            CreatedBefore = Now,
            ShowReplication = true,
            Incremental = false,
            SortBy = "created_at",
            Descending = true,
        }.Parameters();
        Assert.Equal(["available", "error"], p.Where(x => x.Key == "status").Select(x => x.Value));
        var map = p.GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        Assert.Equal("OS::Nova::Server", map["resource_type"]);
        Assert.Equal("2018-02-01T12:00:00Z", map["start_time"]);
        Assert.Equal("2026-03-01T12:00:00Z", map["end_time"]);
        Assert.Equal("created_at:desc", map["sort"]);
        Assert.Equal(("true", "false"), (map["show_replication"], map["incremental"]));
        // Every documented filter of spec §9 (paging keys aside) but `dec`, which only Dedicated Cloud serves.
        Assert.Equal(18, map.Count);
    }

    [Fact]
    public void Vbs_detail_sort_and_resource()
    {
        var query = new VbsBackupQuery { Detailed = true, SortBy = "SIZE", Descending = false, Status = "Available" };
        var p = Map(query.Parameters());
        Assert.Equal(("size", "asc", "available"), (p["sort_key"], p["sort_dir"], p["status"]));
        Assert.Equal(("backups/detail", "ListBackupsDetails"), (HuaweiCloudApis.VbsBackupDetails.Resource, HuaweiCloudApis.VbsBackupDetails.Operation));
    }

    [Fact]
    public void Vbs_marker_comes_from_the_next_link_only()
    {
        var reply = new VbsBackupsReply<VbsBackupDto>
        {
            BackupsLinks = [new LinkDto { Rel = "next", Href = "http://192.168.82.222:8776/b23b579f08c84228b9b4673c46f0c442/backups?limit=1&offset=1&marker=1d1139d8-8989-49d3-8aa1-83eb691e6db2" }],
        };
        Assert.Equal("1d1139d8-8989-49d3-8aa1-83eb691e6db2", VbsNextLink.NextMarker(reply));
        Assert.Null(VbsNextLink.NextMarker(new VbsBackupsReply<VbsBackupDto> { BackupsLinks = [new LinkDto { Rel = "self", Href = "http://h/x?marker=a" }] }));
        Assert.Null(VbsNextLink.NextMarker(new VbsBackupsReply<VbsBackupDto>()));
    }

    [Fact]
    public void Environment_credential_names_the_missing_variable()
    {
        var error = Expect.Rejected(ApiErrorKind.Authentication, "HUAWEICLOUD_SDK_SK", () => HuaweiCloudCredential.FromEnvironment(name => name == HuaweiCloudCredential.AccessKeyVariable ? "AK" : null));
        Assert.StartsWith("The environment variable HUAWEICLOUD_SDK_SK is not set", error.Message);

        var key = HuaweiCloudCredential.FromEnvironment(name => name switch
        {
            HuaweiCloudCredential.AccessKeyVariable => "AK1",
            HuaweiCloudCredential.SecretKeyVariable => "SK1",
            HuaweiCloudCredential.SecurityTokenVariable => "TOKEN",
            _ => null,
        });
        Assert.Equal(("AK1", "TemporaryAccessKey"), (key.AccessKeyId, key.AuthKind));
    }
}
