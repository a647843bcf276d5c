using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BackupQuery.Connections;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Core.Tests.ZStack;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.Reliability;

/// <summary>How long a request is tried: Retry-After waited for, the wait budget bounding attempts and waits alike.</summary>
public class RetryBudgetTests
{
    [Fact]
    public async Task Retry_after_is_waited_for()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 10);
        var options = new ZStackConnectOptions
        {
            Server = emulator.Server.ZStackUrl.ToString(),
            Credential = emulator.Account(),
            ServerTimeZone = emulator.Options.ZStackTimeZone,
            Retry = new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(10) },
        };
        using var connection = await ZStackConnection.ConnectAsync(options, CancellationToken.None);
        // Warm up first (code paths compiled, connection open), so the time below is the wait and little else.
        await connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions(), CancellationToken.None).ToListAsync();
        emulator.Server.Requests.Clear();
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.TooManyRequests) { RetryAfter = TimeSpan.FromSeconds(1) });

        var clock = Stopwatch.StartNew();
        var records = await connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions(), CancellationToken.None).ToListAsync();
        Assert.Equal(10, records.Count);
        Assert.Equal([429, 200], emulator.Server.Requests.ForPath("/zstack/v1/database-backups").Select(r => r.Status));
        // The backoff alone would have waited about a millisecond.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_server_that_accepts_and_never_answers_is_given_up_within_the_wait_budget()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true) held.Add(await silent.AcceptTcpClientAsync());
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
            }
        });
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var options = new ZStackConnectOptions
        {
            Server = $"http://127.0.0.1:{port}",
            Credential = new ZStackCredential.Account("admin", SensitiveString.FromPlainText("password")),
            Transport = new TransportOptions { Timeout = TimeSpan.FromSeconds(2) },
            Retry = new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(10), MaxTotalWait = TimeSpan.FromSeconds(3) },
        };

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ApiException>(() => ZStackConnection.ConnectAsync(options, CancellationToken.None));
        clock.Stop();
        silent.Stop();
        foreach (var client in held) client.Dispose();

        // Four attempts of 2 s each would take 8 s; the budget of 3 s bounds attempts and waits together.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(5));
        Assert.Equal(ApiErrorKind.Timeout, error.Kind);
        Assert.Contains("Gave up after 2 attempt(s)", error.Message);
        Assert.Contains("-TimeoutSec", error.Message);
        Assert.Contains("-MaximumRetryWaitSec", error.Message);
    }

    [Fact]
    public async Task A_dead_server_fails_a_listing_within_the_wait_budget()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 2000);
        using var connection = await emulator.ConnectAsync();
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.Status, Times: 1_000_000) { StatusCode = 502, AfterRequests = 1 });

        var read = new List<string>();
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var b in connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions(), CancellationToken.None)) read.Add(b.Uuid);
        });
        // A retry whose wait would pass the budget is not made: the listing ends within one longest wait of the budget.
        var budget = ZStackEmulator.FastRetry.MaxTotalWait;
        Assert.InRange(clock.Elapsed, budget - ZStackEmulator.FastRetry.MaxDelay - TimeSpan.FromSeconds(0.5), budget + TimeSpan.FromSeconds(3));
        Assert.Equal(emulator.Data.Take(PagedListing.FirstPageSize).Select(b => b.Uuid), read);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Contains("no request of the listing succeeded for 5 s", error.Message);
    }

    [Fact]
    public async Task Cancelling_stops_a_listing_that_is_retrying_at_once()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 2000);
        using var connection = await emulator.ConnectAsync();
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.Status, Times: 1_000_000) { StatusCode = 503, AfterRequests = 1 });

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions(), cancel.Token))
            {
            }
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"stopped after {clock.Elapsed.TotalMilliseconds:0} ms");
    }
}
