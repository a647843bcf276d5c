using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.ZStack;

/// <summary>QueryDatabaseBackup end to end against the emulator: paging, filters on the wire, auth, errors, retries.</summary>
public class ZStackDatabaseBackupTests
{
    private static IAsyncEnumerable<BackupQuery.Records.ZStackDatabaseBackup> List(ZStackConnection c, ZStackDatabaseBackupQuery? q = null, PagingOptions? p = null) =>
        c.GetDatabaseBackupsAsync(q ?? new ZStackDatabaseBackupQuery(), p ?? new PagingOptions(), CancellationToken.None);

    [Fact]
    public async Task ListsEveryBackupExactlyOnceOverSeveralPages()
    {
        await using var emulator = await ZStackEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();

        var all = await List(connection).ToListAsync();

        Assert.Equal(emulator.Data.Select(b => b.Uuid), all.Select(b => b.Uuid));
        var pages = emulator.Listings.ToList();
        // A first page of 100 (its total plans the rest), then 1000 at a time.
        Assert.Equal([0, 100, 1100, 2100, 3100, 4100], pages.Select(p => int.Parse(p.Value("start"), CultureInfo.InvariantCulture)).Order());
        Assert.All(pages, p => Assert.Equal("true", p.Value("replyWithCount")));
        Assert.All(all, b => Assert.Equal("emulator", b.Connection));
    }

    [Fact]
    public async Task FirstTenStopsAfterTheFirstPage()
    {
        await using var emulator = await ZStackEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();

        var ten = await List(connection, p: new PagingOptions { First = 10 }).ToListAsync();

        Assert.Equal(emulator.Data.Take(10).Select(b => b.Uuid), ten.Select(b => b.Uuid));
        var request = Assert.Single(emulator.Listings);
        Assert.Equal(("0", "10"), (request.Value("start"), request.Value("limit")));
    }

    [Fact]
    public async Task SkipIsSentAsStart()
    {
        await using var emulator = await ZStackEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();

        var tail = await List(connection, p: new PagingOptions { Skip = 4990 }).ToListAsync();

        Assert.Equal(emulator.Data.Skip(4990).Select(b => b.Uuid), tail.Select(b => b.Uuid));
        Assert.Equal("4990", Assert.Single(emulator.Listings).Value("start"));
    }

    [Fact]
    public async Task TheSeedRecordReadsWithItsJavaStyleSize()
    {
        await using var emulator = await ZStackEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();

        var seed = Assert.Single(await List(connection, new ZStackDatabaseBackupQuery { Uuid = ["742a7c7d4a4f3a01b206632a40ac414f"] }).ToListAsync());

        Assert.Equal("db-backup", seed.Name);
        Assert.Equal(13107L, seed.SizeBytes);
        Assert.Equal(["uuid=742a7c7d4a4f3a01b206632a40ac414f"], Assert.Single(emulator.Listings).Values("q"));
    }

    [Fact]
    public async Task NameWildcardIsALikeQueryOnTheServer()
    {
        await using var emulator = await ZStackEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();
        var expected = emulator.Data.Where(b => b.Name.StartsWith("db-backup-001", StringComparison.Ordinal)).Select(b => b.Uuid).ToList();

        var some = await List(connection, new ZStackDatabaseBackupQuery { Name = "db-backup-001*" }).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, some.Select(b => b.Uuid));
        var request = Assert.Single(emulator.Listings);
        Assert.Equal(["name~=db-backup-001%"], request.Values("q"));
        Assert.Contains("q=name~%3Ddb-backup-001%25", request.RawPairs());
    }

    [Fact]
    public async Task StatusStateStorageAndRawFiltersAreAndedOnTheServer()
    {
        await using var emulator = await ZStackEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();
        var storage = emulator.Data.BackupStorageUuids[1];
        var expected = emulator.Data
            .Where(b => b.Status == "Ready" && b.State == "Enabled" && b.BackupStorageRefs!.Any(r => r.BackupStorageUuid == storage) && b.Size > 1_000_000)
            .Select(b => b.Uuid).ToList();

        var some = await List(connection, new ZStackDatabaseBackupQuery
        {
            Status = ["Ready"],
            State = ["Enabled"],
            BackupStorageUuid = [storage],
            Filter = ["size>1000000"],
        }).ToListAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, some.Select(b => b.Uuid));
        Assert.All(emulator.Listings, e => Assert.Equal(
            ["state=Enabled", "status=Ready", "backupStorageRefs.backupStorageUuid=" + storage, "size>1000000"], e.Values("q")));
    }

    [Fact]
    public async Task CreatedBoundsAreSentInTheServerZoneAndFilterThere()
    {
        await using var emulator = await ZStackEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();
        var zone = emulator.Options.ZStackTimeZone;
        var dated = emulator.Data.Where(b => b.CreateDate is not null).OrderBy(b => b.CreateDate).ToList();
        // UTC bounds: the client must turn them into the server's wall clock.
        var after = dated[dated.Count / 3].CreateDate!.Value.ToUniversalTime();
        var before = dated[2 * dated.Count / 3].CreateDate!.Value.ToUniversalTime();
        var expected = emulator.Data.Where(b => b.CreateDate >= after && b.CreateDate < before).Select(b => b.Uuid).ToList();
        string ServerText(DateTimeOffset t) => t.ToOffset(zone.GetUtcOffset(t)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        var some = await List(connection, new ZStackDatabaseBackupQuery { CreatedAfter = after, CreatedBefore = before }).ToListAsync();

        Assert.NotEqual(TimeSpan.Zero, zone.GetUtcOffset(after));
        Assert.Equal(expected, some.Select(b => b.Uuid));
        Assert.All(emulator.Listings, e => Assert.Equal(["createDate>=" + ServerText(after), "createDate<" + ServerText(before)], e.Values("q")));
    }

    [Fact]
    public async Task SortIsSentWithItsDirection()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 1500);
        using var connection = await emulator.ConnectAsync();
        var expected = emulator.Data.Where(b => b.CreateDate is not null).OrderByDescending(b => b.CreateDate).Select(b => b.Uuid).ToList();

        var sorted = await List(connection, new ZStackDatabaseBackupQuery { SortBy = "createDate", Descending = true }).ToListAsync();

        Assert.Equal(1500, sorted.Count);
        Assert.Equal(expected, sorted.Where(b => b.CreatedAt is not null).Select(b => b.Uuid));
        Assert.All(emulator.Listings, e => Assert.Equal("-createDate", e.Value("sort")));
    }

    [Fact]
    public async Task WrongPasswordIsAnAuthenticationErrorNamingId1000()
    {
        await using var emulator = await ZStackEmulator.StartAsync();

        var error = await Assert.ThrowsAsync<ApiException>(() => emulator.ConnectAsync(emulator.Account("not-the-password")));

        Assert.Equal(ApiErrorKind.Authentication, error.Kind);
        Assert.Equal("ID.1000", error.ServiceCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("ID.1000", error.Message);
        Assert.Contains("HTTP 503", error.Message);
        Assert.DoesNotContain("not-the-password", error.ToString());
        Assert.DoesNotContain(ZStackPasswordHash.Compute("not-the-password"), error.ToString());
    }

    [Fact]
    public async Task AnExpiredSessionIsRenewedOnceTransparently()
    {
        await using var emulator = await ZStackEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.ExpireCredentials) { AfterRequests = 2 });

        var all = await List(connection).ToListAsync();

        Assert.Equal(emulator.Data.Select(b => b.Uuid), all.Select(b => b.Uuid));
        Assert.Equal(2, emulator.Server.Requests.ForPath("/zstack/v1/accounts/login").Count());
        Assert.Contains(emulator.Listings, e => e.Status == 503);
    }

    [Fact]
    public async Task ASessionThatStaysInvalidFailsAfterTheRetryCountOfRenewals()
    {
        await using var emulator = await ZStackEmulator.StartAsync();
        using var connection = await emulator.ConnectAsync();
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.ExpireCredentials, Times: 10));

        var error = await Assert.ThrowsAsync<ApiException>(() => List(connection).ToListAsync());

        Assert.Equal("ID.1001", error.ServiceCode);
        // Renewed while the failing session is the current one, until -MaximumRetryCount (3) renewals brought no progress.
        Assert.Equal(4, emulator.Server.Requests.ForPath("/zstack/v1/database-backups").Count());
        Assert.Equal(4, emulator.Server.Requests.ForPath("/zstack/v1/accounts/login").Count());
        Assert.Contains("Gave up after 4 attempt(s)", error.Message);
    }

    [Fact]
    public async Task ThrottlingAndGatewayErrorsAreRetried()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 2500);
        using var connection = await emulator.ConnectAsync();
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.TooManyRequests) { AfterRequests = 1, RetryAfter = TimeSpan.FromMilliseconds(200) });
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.Status, Times: 2) { StatusCode = 502, AfterRequests = 3 });
        var log = new CapturingLog { IsDebugEnabled = false };

        List<BackupQuery.Records.ZStackDatabaseBackup> all;
        using (ApiLog.Use(log)) all = await List(connection).ToListAsync();

        Assert.Equal(emulator.Data.Select(b => b.Uuid), all.Select(b => b.Uuid));
        Assert.Contains(emulator.Listings, e => e.Status == 429);
        Assert.Equal(2, emulator.Listings.Count(e => e.Status == 502));
        Assert.Equal(3, log.Lines.Count(l => l.Contains("retrying")));
    }

    [Fact]
    public async Task AFailedLaterPageKeepsWhatWasAlreadyRead()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 2500);
        using var connection = await emulator.ConnectAsync();
        // Broken JSON is asked for again: only a page that stays broken fails the listing.
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.MalformedJson, Times: 1_000_000) { AfterRequests = 1 });

        var read = new List<string>();
        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var b in List(connection)) read.Add(b.Uuid);
        });

        Assert.Equal(PagedListing.FirstPageSize, read.Count);
        Assert.Equal(ApiErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("start 100", error.Message);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task MetadataIsTheParsedMetadataStringOfEachBackup()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 300);
        using var connection = await emulator.ConnectAsync();

        var all = await List(connection).ToListAsync();

        var served = emulator.Data.ToDictionary(b => b.Uuid);
        Assert.Contains(all, b => b.Metadata is not null);
        Assert.All(all, b =>
        {
            var source = served[b.Uuid];
            Assert.Equal(source.Metadata, b.MetadataJson);
            Assert.Equal(source.MetadataVersion, b.Metadata?.Version);
            Assert.Equal(source.MetadataType, b.Metadata?.Type);
            Assert.Equal(source.MetadataMd5, b.Metadata?.Md5);
            Assert.Equal(b.Metadata?.Version, b.DatabaseVersion);
        });
    }

    [Fact]
    public async Task APageThatCameBrokenIsAskedAgainAndVerboseSaysSo()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 2500);
        using var connection = await emulator.ConnectAsync();
        // Pages are read as bytes and parsed when the listing reaches them: a broken one is asked again then.
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.MalformedJson) { AfterRequests = 2 });
        var log = new CapturingLog { IsDebugEnabled = false };

        List<BackupQuery.Records.ZStackDatabaseBackup> all;
        using (ApiLog.Use(log)) all = await List(connection).ToListAsync();

        Assert.Equal(emulator.Data.Select(b => b.Uuid), all.Select(b => b.Uuid));
        var lines = log.Lines.Where(l => l.Contains("-> 200")).ToList();
        var broken = Assert.Single(lines, l => l.Contains("not valid JSON"));
        Assert.EndsWith("asking again", broken);
        Assert.DoesNotContain(" items", broken);
        // Every page that was read says how many items it held, the one asked again included.
        Assert.Equal(all.Count, lines.Where(l => l != broken).Sum(l => int.Parse(Regex.Match(l, @"(\d+) items").Groups[1].Value, CultureInfo.InvariantCulture)));
        Assert.Equal(lines.Count, emulator.Listings.Count());
    }

    [Fact]
    public async Task UserAndAccessKeyLoginsWork()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 30);
        var o = emulator.Options;
        using var user = await emulator.ConnectAsync(new ZStackCredential.User(o.ZStackAccountName, o.ZStackUserName, Connections.SensitiveString.FromPlainText(o.ZStackUserPassword)));
        using var key = await emulator.ConnectAsync(new ZStackCredential.AccessKey(o.ZStackAccessKeyId, Connections.SensitiveString.FromPlainText(o.ZStackAccessKeySecret)));

        Assert.Equal(30, (await List(user).ToListAsync()).Count);
        Assert.Equal(30, (await List(key).ToListAsync()).Count);
        Assert.Single(emulator.Server.Requests.ForPath("/zstack/v1/accounts/users/login"));
        Assert.Contains(emulator.Listings, e => e.Headers.TryGetValue("Authorization", out var a) && a.StartsWith("ZStack " + o.ZStackAccessKeyId + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AWrongAccessKeySecretIsRejected()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 3);
        var error = await Assert.ThrowsAsync<ApiException>(() => emulator.ConnectAsync(
            new ZStackCredential.AccessKey(emulator.Options.ZStackAccessKeyId, Connections.SensitiveString.FromPlainText("wrong-secret"))));
        Assert.Equal(ApiErrorKind.Authentication, error.Kind);
    }

    [Fact]
    public async Task DisconnectLogsTheSessionOut()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 3);
        var connection = await emulator.ConnectAsync();
        var session = Assert.Single(emulator.Server.ZStack.Sessions.Active).Uuid;

        await connection.DisconnectAsync(CancellationToken.None);

        var logout = Assert.Single(emulator.Server.Requests.Entries, e => e.Method == "DELETE");
        Assert.Equal("/zstack/v1/accounts/sessions/" + session, logout.Path);
        Assert.Equal(200, logout.Status);
        Assert.Empty(emulator.Server.ZStack.Sessions.Active);
        Assert.False(connection.Connected);
    }

    [Fact]
    public async Task LoggingOutKeepsTheSessionIdOutOfTheLogs()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 3);
        using var connection = await emulator.ConnectAsync();
        await List(connection).ToListAsync();
        var session = emulator.Listings.First().Headers["Authorization"].Substring("OAuth ".Length);
        var log = new CapturingLog();

        using (ApiLog.Use(log)) await connection.DisconnectAsync(CancellationToken.None);

        Assert.Contains(log.Lines, l => l.StartsWith("VERBOSE DELETE /zstack/v1/accounts/sessions/***", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.StartsWith("DEBUG DELETE", StringComparison.Ordinal));
        Assert.All(log.Lines, l => Assert.DoesNotContain(session, l));
        Assert.EndsWith(session, Assert.Single(emulator.Server.Requests.Entries, e => e.Method == "DELETE").Path);
    }

    [Fact]
    public async Task NeitherTheConnectionNorTheLogsShowASecret()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 3);
        var log = new CapturingLog();
        ZStackConnection connection;
        using (ApiLog.Use(log))
        {
            connection = await emulator.ConnectAsync();
            await List(connection).ToListAsync();
        }
        var authorization = emulator.Listings.First().Headers["Authorization"];
        var session = authorization.Substring("OAuth ".Length);
        var secrets = new[] { emulator.Options.ZStackPassword, ZStackPasswordHash.Compute(emulator.Options.ZStackPassword), session };

        var visible = Secrets.Visible(connection) + "\n" + string.Join("\n", log.Lines);

        Assert.Contains(log.Lines, l => l.StartsWith("DEBUG", StringComparison.Ordinal));
        Assert.All(secrets, s => Assert.DoesNotContain(s, visible));
        connection.Dispose();
    }
}
