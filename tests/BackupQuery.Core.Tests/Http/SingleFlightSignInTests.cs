using BackupQuery.Core.Tests.HuaweiCloud;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Core.Tests.ZStack;
using BackupQuery.Emulator.Hosting;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.Http;

/// <summary>Eight requests meet one expired credential: one renewal, and each of the eight is repeated once.</summary>
public class SingleFlightSignInTests
{
    private const int Requests = 8;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Eight_requests_meeting_an_expired_IAM_token_cause_one_sign_in()
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => o.CbrCount = 100);
        using var connection = await emulator.ConnectAsync();
        emulator.Server.ExpireCredentials();
        // Held long enough that all eight are sent with the old token before the first 401 comes back.
        emulator.Server.Faults.Add(new FaultRule("/cbr/", FaultKind.Delay, Times: Requests) { Delay = TimeSpan.FromMilliseconds(300) });

        var lists = Enumerable.Range(0, Requests).Select(i =>
            connection.GetCbrBackupsAsync(new CbrBackupQuery(), new PagingOptions { Skip = i, First = 1 }, None).ToListAsync());
        var results = await Task.WhenAll(lists);

        Assert.All(results, r => Assert.Single(r));
        Assert.Equal(2, connection.SignInCount); // Connect, then one renewal.
        Assert.Equal(2, emulator.Server.HuaweiCloud.TokenIssueCount);
        var statuses = emulator.Requests("/cbr/").Select(r => r.Status).ToList();
        Assert.Equal(Requests, statuses.Count(s => s == 401));
        Assert.Equal(Requests, statuses.Count(s => s == 200));
    }

    [Fact]
    public async Task Eight_requests_meeting_an_expired_ZStack_session_cause_one_login()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 100);
        using var connection = await emulator.ConnectAsync();
        emulator.Server.ExpireCredentials();
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.Delay, Times: Requests) { Delay = TimeSpan.FromMilliseconds(300) });

        var lists = Enumerable.Range(0, Requests).Select(i =>
            connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions { Skip = i, First = 1 }, None).ToListAsync());
        var results = await Task.WhenAll(lists);

        Assert.All(results, r => Assert.Single(r));
        Assert.Equal(2, connection.LoginCount);
        var listings = emulator.Listings.ToList();
        Assert.Equal(Requests * 2, listings.Count);
        Assert.Equal(Requests, listings.Count(r => r.Status == 200));
    }
}
