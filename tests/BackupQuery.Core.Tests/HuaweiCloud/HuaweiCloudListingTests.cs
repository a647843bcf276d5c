using System.Globalization;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using static BackupQuery.Core.Tests.HuaweiCloud.HuaweiCloudEmulator;

namespace BackupQuery.Core.Tests.HuaweiCloud;

/// <summary>The four listings against the emulator: every record across page caps, filters on the wire, faults.</summary>
public class HuaweiCloudListingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GeminiDb_lists_every_record_past_the_100_cap()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.GeminiDbCount = 250);
        using var connection = await emulator.ConnectAsync();
        var records = await ToListAsync(connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), AllPages, None));

        Assert.Equal(emulator.Server.HuaweiCloud.GeminiDb.Backups.Select(b => b.Id), records.Select(r => r.Id));
        var pages = emulator.Requests("/gaussdb-nosql/");
        // The first page gives the total; the rest are planned, the last one asking only for what remains.
        Assert.Equal([("0", "100"), ("100", "100"), ("200", "50")], pages.Select(p => (p.Value("offset"), p.Value("limit"))).OrderBy(p => int.Parse(p.Item1)));
        var first = emulator.Server.HuaweiCloud.GeminiDb[0];
        Assert.Equal((long)Math.Round(first.Size * 1024), records[0].SizeBytes);
        Assert.Equal(first.BeginTime, records[0].CreatedAt);
    }

    [Fact]
    public async Task GeminiDb_filters_reach_the_server_and_filter()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.GeminiDbCount = 250);
        using var connection = await emulator.ConnectAsync(emulator.AccessKey());
        var data = emulator.Server.HuaweiCloud.GeminiDb.Backups.ToList();
        var middle = data.OrderBy(b => b.BeginTime).ElementAt(data.Count / 2).BeginTime;
        var after = new DateTimeOffset(middle.UtcDateTime.Date, TimeSpan.Zero).AddDays(-30);
        var before = after.AddDays(60);
        var datastore = data[0].DatastoreType;

        var records = await ToListAsync(connection.GetGeminiDbBackupsAsync(
            new GeminiDbBackupQuery { DatastoreType = datastore, BackupType = "manual", CreatedAfter = after, CreatedBefore = before }, AllPages, None));

        var expected = data.Where(b => b.DatastoreType == datastore && b.Type == "Manual" && b.BeginTime >= after && b.BeginTime <= before).Select(b => b.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, records.Select(r => r.Id));
        var request = emulator.Requests("/gaussdb-nosql/")[0];
        Assert.Equal(datastore, request.Value("datastore_type"));
        Assert.Equal("Manual", request.Value("backup_type"));
        Assert.Equal(after.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+0000", request.Value("begin_time"));
        Assert.Equal(before.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+0000", request.Value("end_time"));
        Assert.Equal(0, emulator.Server.HuaweiCloud.SignatureFailureCount);
    }

    [Fact]
    public async Task GeminiDb_one_bound_supplies_the_other()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.GeminiDbCount = 50);
        using var connection = await emulator.ConnectAsync();
        var before = emulator.Server.HuaweiCloud.GeminiDb.Backups.Select(b => b.BeginTime).OrderBy(t => t).ElementAt(25);
        var records = await ToListAsync(connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery { CreatedBefore = before }, AllPages, None));

        Assert.Equal(emulator.Server.HuaweiCloud.GeminiDb.Backups.Count(b => b.BeginTime <= before), records.Count);
        Assert.Equal("1970-01-01T00:00:00+0000", emulator.Requests("/gaussdb-nosql/")[0].Value("begin_time"));
    }

    [Fact]
    public async Task Rds_lists_every_backup_of_an_instance_past_the_100_cap()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.RdsCount = 250);
        using var connection = await emulator.ConnectAsync();
        var instance = emulator.Server.HuaweiCloud.Rds.BusiestInstance.Id;
        var expected = emulator.Server.HuaweiCloud.Rds.Backups.Where(b => b.InstanceId == instance).ToList();
        Assert.True(expected.Count > 100);

        var records = await ToListAsync(connection.GetRdsBackupsAsync(new RdsBackupQuery { InstanceId = instance }, AllPages, None));

        Assert.Equal(expected.Select(b => b.Id), records.Select(r => r.Id));
        Assert.Equal(expected[0].Size * 1024, records[0].SizeBytes);
        Assert.Equal(expected[0].Databases, records[0].Databases.Select(d => d.Name));
        Assert.Equal(expected[0].DatastoreType, records[0].DatastoreType);
        // Every page names the instance and asks for at most the cap (the last planned page only for what remains).
        Assert.All(emulator.Requests("/rds/"), r => Assert.Equal(instance, r.Value("instance_id")));
        Assert.All(emulator.Requests("/rds/"), r => Assert.InRange(int.Parse(r.Value("limit")!), 1, 100));
    }

    [Fact]
    public async Task Rds_filters_reach_the_server()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.RdsCount = 250);
        using var connection = await emulator.ConnectAsync(emulator.AccessKey());
        var instance = emulator.Server.HuaweiCloud.Rds.BusiestInstance.Id;
        var data = emulator.Server.HuaweiCloud.Rds.Backups.Where(b => b.InstanceId == instance).ToList();
        var type = data[0].Type;
        var status = data[0].Status;

        var records = await ToListAsync(connection.GetRdsBackupsAsync(new RdsBackupQuery { InstanceId = instance, BackupType = type.ToUpperInvariant(), Status = status.ToLowerInvariant() }, AllPages, None));

        Assert.Equal(data.Where(b => b.Type == type && b.Status == status).Select(b => b.Id), records.Select(r => r.Id));
        var request = emulator.Requests("/rds/")[0];
        Assert.Equal(type, request.Value("backup_type"));
        Assert.Equal(status, request.Value("status"));
    }

    [Fact]
    public async Task Rds_without_an_instance_is_rejected_before_any_request()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();
        Expect.Rejected(ApiErrorKind.InvalidArgument, "-InstanceId", () => connection.GetRdsBackupsAsync(new RdsBackupQuery(), AllPages, None));
        Assert.Empty(emulator.Requests("/rds/"));
    }

    [Fact]
    public async Task Vbs_summary_follows_markers_on_the_configured_endpoint_past_the_1000_cap()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.VbsCount = 1500);
        using var connection = await emulator.ConnectAsync();
        var records = await ToListAsync(connection.GetVbsBackupsAsync(new VbsBackupQuery(), AllPages, None));

        Assert.Equal(emulator.Server.HuaweiCloud.Vbs.Backups.Select(b => b.Id), records.Select(r => r.Id));
        Assert.All(records, r => Assert.False(r.IsDetailed));
        var pages = emulator.Requests("/vbs/");
        Assert.All(pages, p => Assert.Equal($"/vbs/v2/{emulator.DataProjectId}/backups", p.Path));
        Assert.Empty(pages[0].Values("marker"));
        // The page after the first by its last record's marker; one read ahead (past the end here, and dropped when the
        // listing ends, perhaps before it reached the server) by the same marker and an offset past it.
        Assert.Contains(pages, p => p.Values("marker").SingleOrDefault() == records[999].Id && p.Values("offset").Count == 0);
        Assert.All(pages.Skip(1), p => Assert.Equal(records[999].Id, p.Value("marker")));
        Assert.All(pages, p => Assert.Equal("1000", p.Value("limit")));
    }

    [Fact]
    public async Task Vbs_asks_for_each_next_page_once_and_none_past_First()
    {
        // The first page alone; then pages read ahead by offset after the last record taken, each once, each starting with
        // the last record of the page before (1,000 a page: 999 new records each).
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.VbsCount = 2500);
        using var connection = await emulator.ConnectAsync();
        var records = await ToListAsync(connection.GetVbsBackupsAsync(new VbsBackupQuery(), AllPages, None));

        Assert.Equal(emulator.Server.HuaweiCloud.Vbs.Backups.Select(b => b.Id), records.Select(r => r.Id));
        // In the order they reach the server (pages asked for at once may cross); a page asked for past the end is dropped
        // when the listing ends, perhaps before it reached the server.
        var asked = emulator.Requests("/vbs/").Select(p => (Marker: p.Values("marker").SingleOrDefault() ?? "", Offset: p.Values("offset").SingleOrDefault() ?? "")).ToList();
        Assert.Equal(("", ""), asked[0]);
        Assert.Contains((records[999].Id, ""), asked);
        Assert.Contains((records[999].Id, "999"), asked);
        Assert.All(asked.Skip(1), a => Assert.Contains(a, new[] { (records[999].Id, ""), (records[999].Id, "999"), (records[1999].Id, "998"), (records[1999].Id, "1997") }));
        Assert.Equal(asked.Count, asked.Distinct().Count());

        // A page that may reach -First asks for none after it (requests the first listing dropped past its end may still
        // arrive: they follow its later markers).
        emulator.Server.Requests.Clear();
        var first = await ToListAsync(connection.GetVbsBackupsAsync(new VbsBackupQuery(), new PagingOptions { First = 1000 }, None));
        Assert.Equal(records.Take(1000).Select(r => r.Id), first.Select(r => r.Id));
        var second = emulator.Requests("/vbs/").Where(p => p.Values("marker").SingleOrDefault() != records[1999].Id).ToList();
        Assert.Empty(Assert.Single(second).Values("marker"));
    }

    [Fact]
    public async Task Vbs_detail_filters_and_sort_reach_the_server()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.VbsCount = 1500);
        using var connection = await emulator.ConnectAsync(emulator.AccessKey());
        var data = emulator.Server.HuaweiCloud.Vbs.Backups.ToList();
        var records = await ToListAsync(connection.GetVbsBackupsAsync(
            new VbsBackupQuery { Detailed = true, Status = "available", SortBy = "size", Descending = false }, new PagingOptions { PageSize = 300 }, None));

        var expected = data.Where(b => b.Status == "available").ToList();
        // The emulator breaks ties in dataset order, as a stable OrderBy does.
        Assert.Equal(expected.OrderBy(b => b.Size).Select(b => b.Id), records.Select(r => r.Id));
        var pages = emulator.Requests("/vbs/");
        Assert.All(pages.Skip(1), p => Assert.NotEmpty(p.Values("marker")));
        Assert.All(pages, p =>
        {
            Assert.Equal($"/vbs/v2/{emulator.DataProjectId}/backups/detail", p.Path);
            Assert.Equal(("available", "size", "asc", "300"), (p.Value("status"), p.Value("sort_key"), p.Value("sort_dir"), p.Value("limit")));
        });
        var sample = records.First(r => r.Id == expected[0].Id);
        Assert.Equal(expected[0].Size * 1024L * 1024 * 1024, sample.SizeBytes);
        Assert.Equal(expected[0].ServiceMetadata, sample.ServiceMetadataJson);
        Assert.NotNull(sample.ServiceMetadata);
        Assert.Equal(new DateTimeOffset(expected[0].CreatedAt, TimeSpan.Zero), sample.CreatedAt);
    }

    [Fact]
    public async Task Vbs_volume_filter()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.VbsCount = 300);
        using var connection = await emulator.ConnectAsync();
        var volume = emulator.Server.HuaweiCloud.Vbs[0].VolumeId;
        var records = await ToListAsync(connection.GetVbsBackupsAsync(new VbsBackupQuery { VolumeId = volume, Detailed = true }, AllPages, None));
        Assert.Equal(emulator.Server.HuaweiCloud.Vbs.Backups.Where(b => b.VolumeId == volume).Select(b => b.Id), records.Select(r => r.Id));
        Assert.Equal(volume, emulator.Requests("/vbs/")[0].Value("volume_id"));
    }

    [Fact]
    public async Task Cbr_lists_every_record_past_the_1000_cap()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 1500);
        using var connection = await emulator.ConnectAsync();
        var records = await ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery(), AllPages, None));

        var data = emulator.Server.HuaweiCloud.Cbr.Backups.ToList();
        Assert.Equal(data.Select(b => b.Id), records.Select(r => r.Id));
        // A first page of 100 (its total plans the rest), then full pages.
        Assert.Equal([("0", "100"), ("100", "1000"), ("1100", "400")], emulator.Requests("/cbr/").Select(p => (p.Value("offset"), p.Value("limit"))).OrderBy(p => int.Parse(p.Item1)));
        var withChildren = data.First(b => b.Children.Count > 0);
        var record = records.Single(r => r.Id == withChildren.Id);
        Assert.Equal(withChildren.Children.Select(c => c.Id), record.Children.Select(c => c.Id));
        // resource_size is the protected resource's size: kept in GB, and no backup size is claimed.
        Assert.Equal(((long?)withChildren.ResourceSize, (long?)null), (record.ResourceSizeGB, record.SizeBytes));
        Assert.Equal(new DateTimeOffset(withChildren.CreatedAt, TimeSpan.Zero), record.CreatedAt);
        var replicated = data.FirstOrDefault(b => b.ReplicationRecords.Count > 0);
        Assert.True(replicated is not null, "The emulated CBR data holds no replicated backup, so replication records would go unchecked.");
        Assert.Equal(replicated!.ReplicationRecords.Select(r => r.DestinationVaultId), records.Single(r => r.Id == replicated.Id).ReplicationRecords.Select(r => r.DestinationVaultId));
    }

    [Fact]
    public async Task Cbr_filters_reach_the_server_and_filter()
    {
        // The coverage fixtures stand at the head whatever their dates, so a sort by date does not hold across them: leave them out.
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => { o.CbrCount = 1500; o.CoverageFixtures = false; });
        using var connection = await emulator.ConnectAsync(emulator.AccessKey());
        var data = emulator.Server.HuaweiCloud.Cbr.Backups.ToList();
        var after = data.Select(b => b.CreatedAt).OrderBy(t => t).ElementAt(300);
        var afterUtc = new DateTimeOffset(DateTime.SpecifyKind(after, DateTimeKind.Utc)).AddTicks(-(after.Ticks % TimeSpan.TicksPerSecond));
        var resourceType = data[0].ResourceType;

        var records = await ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery
        {
            Status = ["available", "error"],
            ResourceType = resourceType,
            CreatedAfter = afterUtc,
            ImageType = "backup",
            SortBy = "created_at",
            Descending = false,
        }, AllPages, None));

        var expected = data.Where(b => (b.Status is "available" or "error") && b.ResourceType == resourceType && b.ImageType == "backup" && b.CreatedAt >= afterUtc.UtcDateTime).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(b => b.CreatedAt).Select(b => b.Id), records.Select(r => r.Id));
        var request = emulator.Requests("/cbr/")[0];
        Assert.Equal(["available", "error"], request.Values("status"));
        Assert.Equal(resourceType, request.Value("resource_type"));
        Assert.Equal("backup", request.Value("image_type"));
        Assert.Equal("created_at:asc", request.Value("sort"));
        Assert.Equal(afterUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), request.Value("start_time"));
        Assert.Equal(0, emulator.Server.HuaweiCloud.SignatureFailureCount);
    }

    [Fact]
    public async Task Cbr_vault_and_resource_filters()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 400);
        using var connection = await emulator.ConnectAsync();
        var target = emulator.Server.HuaweiCloud.Cbr[3];
        var records = await ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery { VaultId = target.VaultId, ResourceId = target.ResourceId, ResourceName = target.ResourceName }, AllPages, None));
        Assert.Equal(emulator.Server.HuaweiCloud.Cbr.Backups.Where(b => b.VaultId == target.VaultId && b.ResourceId == target.ResourceId && b.ResourceName == target.ResourceName).Select(b => b.Id), records.Select(r => r.Id));
        var request = emulator.Requests("/cbr/")[0];
        Assert.Equal((target.VaultId, target.ResourceId, target.ResourceName), (request.Value("vault_id"), request.Value("resource_id"), request.Value("resource_name")));
    }

    [Fact]
    public async Task Cbr_resource_az_lists_the_backups_of_that_zone_only()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 600);
        using var connection = await emulator.ConnectAsync();
        var data = emulator.Server.HuaweiCloud.Cbr.Backups.ToList();
        // The zone with the most backups, over several pages; a filter dropped on the way lists the other zones' too.
        var zone = data.GroupBy(b => b.ResourceAz).OrderByDescending(g => g.Count()).First();
        Assert.True(zone.Count() < data.Count, "the emulated CBR data has one zone only, so a zone filter could not be told from none");

        var records = await ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery { ResourceAz = zone.Key }, new PagingOptions { PageSize = 100 }, None));

        Assert.Equal(zone.Select(b => b.Id), records.Select(r => r.Id));
        Assert.All(records, r => Assert.Equal(zone.Key, r.ResourceAz));
    }

    [Fact]
    public async Task Awkward_values_are_signed_and_sent_the_same_way()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 20);
        using var connection = await emulator.ConnectAsync(emulator.AccessKey());
        const string name = "a b+c:d/é 一&x=y";

        var records = await ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery
        {
            Name = name,
            ResourceName = "x+y",
            Status = ["error", "available", "deleting"],
            EnterpriseProjectId = "all_granted_eps",
            CreatedAfter = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)),
        }, AllPages, None));

        Assert.Empty(records);
        var call = Assert.Single(emulator.Requests("/cbr/"));
        Assert.Equal(200, call.Status);
        Assert.Contains("name=a%20b%2Bc%3Ad%2F%C3%A9%20%E4%B8%80%26x%3Dy", call.RawPairs());
        Assert.Contains("resource_name=x%2By", call.RawPairs());
        Assert.Equal((name, "x+y", "all_granted_eps"), (call.Value("name"), call.Value("resource_name"), call.Value("enterprise_project_id")));
        Assert.Equal(["available", "deleting", "error"], call.Values("status").Order());
        Assert.Equal(0, emulator.Server.HuaweiCloud.SignatureFailureCount);
    }

    [Fact]
    public async Task An_expired_token_mid_listing_is_renewed_once()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 2500);
        using var connection = await emulator.ConnectAsync();
        emulator.Server.Faults.Add(new FaultRule("/cbr/", FaultKind.ExpireCredentials) { AfterRequests = 1 });

        var records = await ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery(), AllPages, None));

        Assert.Equal(emulator.Server.HuaweiCloud.Cbr.Backups.Select(b => b.Id), records.Select(r => r.Id));
        Assert.Equal(2, emulator.Server.HuaweiCloud.TokenIssueCount);
        // Pages 2 and 3 are in flight together: whichever met the expired token was repeated once.
        var statuses = emulator.Requests("/cbr/").Select(r => r.Status).ToList();
        Assert.Equal(4, statuses.Count(s => s == 200)); // 100, then 1000, 1000, 400
        Assert.All(statuses, s => Assert.Contains(s, new[] { 200, 401 }));
    }

    [Fact]
    public async Task A_token_that_stays_rejected_fails_after_the_retry_count_of_renewals()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 10);
        using var connection = await emulator.ConnectAsync();
        emulator.Server.Faults.Add(new FaultRule("/cbr/", FaultKind.ExpireCredentials, Times: 5));

        var error = await Assert.ThrowsAsync<ApiException>(() => ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery(), AllPages, None)));
        Assert.Equal(ApiErrorKind.Authentication, error.Kind);
        // The first sign-in, then one renewal per rejection until -MaximumRetryCount (3) renewals brought no progress.
        Assert.Equal(4, emulator.Requests("/cbr/").Count);
        Assert.Equal(4, emulator.Server.HuaweiCloud.TokenIssueCount);
    }

    [Fact]
    public async Task A_token_near_expiry_is_renewed_before_use()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => { o.CbrCount = 10; o.IamTokenLifetime = TimeSpan.FromMinutes(4); });
        using var connection = await emulator.ConnectAsync();
        var records = await ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery(), AllPages, None));

        Assert.Equal(10, records.Count);
        Assert.Equal(2, emulator.Server.HuaweiCloud.TokenIssueCount); // within the 5-minute margin: renewed before the call
        Assert.Equal([200], emulator.Requests("/cbr/").Select(r => r.Status));
    }

    [Fact]
    public async Task Throttling_with_retry_after_is_retried()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.GeminiDbCount = 250);
        using var connection = await emulator.ConnectAsync();
        emulator.Server.Faults.Add(new FaultRule("/gaussdb-nosql/", FaultKind.TooManyRequests, Times: 2) { AfterRequests = 1, RetryAfter = TimeSpan.FromSeconds(1) });

        var records = await ToListAsync(connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), AllPages, None));

        Assert.Equal(250, records.Count);
        Assert.Equal([200, 429, 429, 200, 200], emulator.Requests("/gaussdb-nosql/").Select(r => r.Status));
    }

    [Fact]
    public async Task Gateway_errors_are_retried_and_a_lasting_one_reports_its_kind()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.RdsCount = 20);
        using var connection = await emulator.ConnectAsync();
        var instance = emulator.Server.HuaweiCloud.Rds.BusiestInstance.Id;
        emulator.Server.Faults.Add(new FaultRule("/rds/", FaultKind.Status, Times: 1_000_000) { StatusCode = 503 });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ApiException>(() => ToListAsync(connection.GetRdsBackupsAsync(new RdsBackupQuery { InstanceId = instance }, AllPages, None)));
        Assert.Equal(ApiErrorKind.ServiceUnavailable, error.Kind);
        // A listing is bounded by time without progress (FastRetry: 5 s), not by a count of attempts.
        Assert.True(emulator.Requests("/rds/").Count > HuaweiCloudEmulator.FastRetry.MaxAttempts);
        Assert.InRange(clock.Elapsed, HuaweiCloudEmulator.FastRetry.MaxTotalWait - TimeSpan.FromSeconds(1), HuaweiCloudEmulator.FastRetry.MaxTotalWait + TimeSpan.FromSeconds(3));
        Assert.Contains($"no request of the listing succeeded for 5 s (-MaximumRetryWaitSec)", error.Message);
    }

    [Fact]
    public async Task Ten_gateway_errors_in_a_row_do_not_end_a_listing()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.RdsCount = 20);
        using var connection = await emulator.ConnectAsync();
        var instance = emulator.Server.HuaweiCloud.Rds.BusiestInstance.Id;
        emulator.Server.Faults.Add(new FaultRule("/rds/", FaultKind.Status, Times: 10) { StatusCode = 503 });

        var records = await ToListAsync(connection.GetRdsBackupsAsync(new RdsBackupQuery { InstanceId = instance }, AllPages, None));
        Assert.Equal(emulator.Server.HuaweiCloud.Rds.BusiestInstance.Id, Assert.Single(records.Select(r => r.InstanceId).Distinct()));
        Assert.Equal(11, emulator.Requests("/rds/").Count);
        Assert.Equal([.. Enumerable.Repeat(503, 10), 200], emulator.Requests("/rds/").Select(r => r.Status));
    }

    [Fact]
    public async Task Bad_parameter_reply_is_an_invalid_argument()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();
        var error = await Assert.ThrowsAsync<ApiException>(() => ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery { Status = ["no_such_status"] }, AllPages, None)));
        Assert.Equal(ApiErrorKind.InvalidArgument, error.Kind);
        Assert.StartsWith("BackupService.", error.ServiceCode);
        Assert.Single(emulator.Requests("/cbr/"));
    }

    [Fact]
    public async Task First_and_skip_go_to_the_server()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 50);
        using var connection = await emulator.ConnectAsync();
        var records = await ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery(), new PagingOptions { First = 5, Skip = 10 }, None));

        Assert.Equal(emulator.Server.HuaweiCloud.Cbr.Backups.Skip(10).Take(5).Select(b => b.Id), records.Select(r => r.Id));
        var call = Assert.Single(emulator.Requests("/cbr/"));
        Assert.Equal(("10", "5"), (call.Value("offset"), call.Value("limit")));
    }
}
