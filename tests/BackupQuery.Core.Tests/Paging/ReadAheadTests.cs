using BackupQuery.Core.Tests.HuaweiCloud;
using BackupQuery.Emulator.Hosting;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using static BackupQuery.Core.Tests.HuaweiCloud.HuaweiCloudEmulator;

namespace BackupQuery.Core.Tests.Paging;

/// <summary>Ordered, bounded, concurrent read-ahead against the emulator: order, -First, stopping, cancellation, the limit.</summary>
public class ReadAheadTests
{
    private const string GeminiDb = "/gaussdb-nosql/";
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The journal status of a request whose client went away before the reply.</summary>
    private const int Aborted = 0;

    /// <summary>Every request on <paramref name="path"/> after the first <paramref name="after"/> waits <paramref name="delay"/>.</summary>
    private static void DelayAll(EmulatorServer server, string path, TimeSpan delay, int after = 1) =>
        server.Faults.Add(new FaultRule(path, FaultKind.Delay, Times: int.MaxValue - after) { AfterRequests = after, Delay = delay });

    [Fact]
    public async Task Records_keep_server_order_while_pages_arrive_out_of_order()
    {
        await using var emulator = await StartAsync(o => o.GeminiDbCount = 3000);
        // Each request gets its own random delay, so later pages often finish before earlier ones.
        var random = new Random(7);
        for (var i = 1; i < 40; i++)
        {
            emulator.Server.Faults.Add(new FaultRule(GeminiDb, FaultKind.Delay) { AfterRequests = i, Delay = TimeSpan.FromMilliseconds(random.Next(0, 60)) });
        }
        using var connection = await emulator.ConnectAsync();

        var records = await ToListAsync(connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), AllPages, None));

        Assert.Equal(emulator.Server.HuaweiCloud.GeminiDb.Backups.Select(b => b.Id), records.Select(r => r.Id));
        Assert.Equal(30, emulator.Requests(GeminiDb).Count);
        Assert.InRange(emulator.Server.Gateway.MaxInFlight, 2, connection.MaxConcurrency);
    }

    [Fact]
    public async Task First_plans_only_the_pages_it_needs()
    {
        await using var emulator = await StartAsync(o => o.GeminiDbCount = 10_000);
        using var connection = await emulator.ConnectAsync();

        var records = await ToListAsync(connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), new PagingOptions { First = 250 }, None));

        Assert.Equal(emulator.Server.HuaweiCloud.GeminiDb.Backups.Take(250).Select(b => b.Id), records.Select(r => r.Id));
        Assert.Equal(["?offset=0&limit=100", "?offset=100&limit=100", "?offset=200&limit=50"], emulator.Requests(GeminiDb).Select(r => r.RawQuery).Order());
    }

    [Fact]
    public async Task Stopping_early_cancels_the_pages_in_flight()
    {
        await using var emulator = await StartAsync(o => o.GeminiDbCount = 10_000);
        DelayAll(emulator.Server, GeminiDb, TimeSpan.FromMinutes(5));
        using var connection = await emulator.ConnectAsync();

        // Select-Object -First 1 downstream: the consumer stops after one record, once the next pages are on the wire.
        await foreach (var _ in connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), AllPages, None))
        {
            await InFlightAsync(emulator, connection.MaxConcurrency);
            break;
        }

        // The planned pages were sent, then abandoned: the emulator sees each one aborted, none served.
        var aborted = await JournalAsync(emulator, r => r.Status == Aborted, connection.MaxConcurrency);
        Assert.Equal(connection.MaxConcurrency, aborted.Count);
        Assert.Single(emulator.Requests(GeminiDb), r => r.Status == 200);
    }

    [Fact]
    public async Task Cancelling_the_token_stops_the_listing_and_its_requests()
    {
        await using var emulator = await StartAsync(o => o.GeminiDbCount = 10_000);
        DelayAll(emulator.Server, GeminiDb, TimeSpan.FromMinutes(5));
        using var connection = await emulator.ConnectAsync();
        using var stop = new CancellationTokenSource();

        var received = 0;
        var listing = Task.Run(async () =>
        {
            await foreach (var _ in connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), AllPages, stop.Token))
            {
                if (++received < 100) continue;
                await InFlightAsync(emulator, connection.MaxConcurrency);
                stop.Cancel(); // Ctrl+C while the next pages are in flight
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing);
        Assert.Equal(100, received);
        var aborted = await JournalAsync(emulator, r => r.Status == Aborted, connection.MaxConcurrency);
        Assert.Equal(connection.MaxConcurrency, aborted.Count);
    }

    [Fact]
    public async Task Requests_in_flight_never_exceed_the_connection_limit_across_listings()
    {
        await using var emulator = await StartAsync(o => { o.GeminiDbCount = 2000; o.CbrCount = 2000; });
        DelayAll(emulator.Server, GeminiDb, TimeSpan.FromMilliseconds(20));
        DelayAll(emulator.Server, "/cbr/", TimeSpan.FromMilliseconds(20), after: 0);
        using var connection = await HuaweiCloudConnection.ConnectAsync(new HuaweiCloudConnectOptions
        {
            Region = emulator.Region,
            Credential = emulator.Password(),
            Endpoints = emulator.Endpoints,
            Retry = FastRetry,
            MaxConcurrency = 3,
        }, None);

        // Two listings share the one connection, and its limit.
        var gemini = ToListAsync(connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), AllPages, None));
        var cbr = ToListAsync(connection.GetCbrBackupsAsync(new CbrBackupQuery(), new PagingOptions { PageSize = 100 }, None));
        await Task.WhenAll(gemini, cbr);

        Assert.Equal(2000, (await gemini).Select(r => r.Id).Distinct().Count());
        Assert.Equal(2000, (await cbr).Select(r => r.Id).Distinct().Count());
        Assert.Equal(3, connection.MaxConcurrency);
        Assert.InRange(emulator.Server.Gateway.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task A_limit_of_one_is_a_sequential_listing()
    {
        await using var emulator = await StartAsync(o => o.GeminiDbCount = 1000);
        DelayAll(emulator.Server, GeminiDb, TimeSpan.FromMilliseconds(5));
        var options = emulator.ConnectOptions(emulator.Password());
        using var connection = await HuaweiCloudConnection.ConnectAsync(new HuaweiCloudConnectOptions
        {
            Region = options.Region,
            Credential = options.Credential,
            Endpoints = options.Endpoints,
            MaxConcurrency = 1,
        }, None);

        var records = await ToListAsync(connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), AllPages, None));

        Assert.Equal(emulator.Server.HuaweiCloud.GeminiDb.Backups.Select(b => b.Id), records.Select(r => r.Id));
        Assert.Equal(1, emulator.Server.Gateway.MaxInFlight);
    }

    /// <summary>Waits until the emulator is serving <paramref name="count"/> requests at once.</summary>
    private static async Task InFlightAsync(HuaweiCloudEmulator emulator, int count)
    {
        for (var i = 0; i < 200 && emulator.Server.Gateway.InFlight < count; i++) await Task.Delay(50);
    }

    /// <summary>Waits until the journal holds <paramref name="count"/> matching listing requests (a request is journaled when the server is done with it).</summary>
    private static async Task<List<JournalEntry>> JournalAsync(HuaweiCloudEmulator emulator, Func<JournalEntry, bool> match, int count)
    {
        for (var i = 0; i < 200; i++)
        {
            var found = emulator.Requests(GeminiDb).Where(match).ToList();
            if (found.Count >= count) return found;
            await Task.Delay(50);
        }
        return emulator.Requests(GeminiDb).Where(match).ToList();
    }
}
