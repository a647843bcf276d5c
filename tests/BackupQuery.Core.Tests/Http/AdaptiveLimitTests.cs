using System.Net;
using BackupQuery.Core.Tests.HuaweiCloud;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Core.Tests.ZStack;
using BackupQuery.Emulator.Hosting;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.ZStack;
using static BackupQuery.Core.Tests.HuaweiCloud.HuaweiCloudEmulator;

namespace BackupQuery.Core.Tests.Http;

/// <summary>The connection's limit meets a throttling gateway: lowered on 429, regrown on success, every record still listed once.</summary>
public class AdaptiveLimitTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_429_from_the_Huawei_gateway_halves_the_limit_and_successes_restore_it()
    {
        await using var emulator = await StartAsync(o => o.CbrCount = 3000);
        // One burst of throttling while the planned pages are in flight (no Retry-After, like the real gateway).
        emulator.Server.Faults.Add(new FaultRule("/cbr/", FaultKind.TooManyRequests, Times: 3) { AfterRequests = 2 });
        using var connection = await emulator.ConnectAsync();
        var seen = new List<int>();

        var records = new List<string>();
        await foreach (var record in connection.GetCbrBackupsAsync(new CbrBackupQuery(), new PagingOptions { PageSize = 10 }, None))
        {
            records.Add(record.Id);
            seen.Add(connection.Limit.Current);
        }

        Assert.Equal(3000, records.Distinct().Count());
        Assert.Equal(emulator.Server.HuaweiCloud.Cbr.Backups.Select(b => b.Id), records);
        Assert.InRange(connection.Limit.Reductions, 1, 3);
        Assert.InRange(seen.Min(), 1, 4);
        // Enough successes followed to grow back to the maximum, and never beyond it.
        Assert.Equal(connection.MaxConcurrency, connection.Limit.Current);
        Assert.All(seen, limit => Assert.InRange(limit, 1, connection.MaxConcurrency));
    }

    [Fact]
    public async Task A_429_from_ZStack_lowers_the_limit_too()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 2000);
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.TooManyRequests, Times: 2) { AfterRequests = 2, RetryAfter = TimeSpan.Zero });
        using var connection = await emulator.ConnectAsync();

        var records = await connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions { PageSize = 100 }, None).ToListAsync();

        Assert.Equal(2000, records.Select(r => r.Uuid).Distinct().Count());
        Assert.True(connection.Limit.Reductions >= 1);
    }

    [Fact]
    public async Task The_emulated_gateway_throttles_each_credential_beyond_its_rate_without_Retry_After()
    {
        await using var emulator = await StartAsync(o => { o.RateLimit = 5; o.CbrCount = 10; });
        using var http = new HttpClient();
        var url = new Uri(emulator.Server.HuaweiEndpoint("cbr"), $"cbr/v3/{emulator.DataProjectId}/backups");

        async Task<HttpResponseMessage> Get(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
            return await http.SendAsync(request);
        }

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 20; i++)
        {
            var reply = await Get("token-a");
            statuses.Add(reply.StatusCode);
            if (reply.StatusCode == HttpStatusCode.TooManyRequests) throttled ??= reply;
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Null(throttled!.Headers.RetryAfter);
        Assert.Contains("APIGW.0308", await throttled.Content.ReadAsStringAsync());
        Assert.True(emulator.Server.Gateway.Throttled > 0);
        // Another credential has its own allowance.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Get("token-b")).StatusCode);
    }
}
