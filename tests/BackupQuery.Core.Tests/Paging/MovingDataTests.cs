using BackupQuery.Core.Tests.HuaweiCloud;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Core.Tests.ZStack;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.Paging;

/// <summary>
/// Records added at the head of a listing while it pages (the emulator's HeadInsert fault, after every page it serves):
/// every record that was there when the listing began comes exactly once, in order, with pages read ahead or one by one.
/// </summary>
public sealed class MovingDataTests
{
    private static FaultRule InsertAfterEveryPage(string path, int count) => new(path, FaultKind.HeadInsert, Times: 1000) { InsertCount = count };

    [Theory]
    [InlineData(8, 3)]
    [InlineData(8, 150)]
    [InlineData(1, 7)]
    [InlineData(1, 150)]
    public async Task ZStackListsEveryRecordOnceWhileRecordsArriveAtTheHead(int concurrency, int insertsPerPage)
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 3000);
        var expected = emulator.Data.Select(b => b.Uuid).ToList();
        var o = emulator.ConnectOptions(emulator.Account());
        var options = new ZStackConnectOptions { Server = o.Server, Credential = o.Credential, ServerTimeZone = o.ServerTimeZone, Retry = o.Retry, MaxConcurrency = concurrency };
        using var connection = await ZStackConnection.ConnectAsync(options, CancellationToken.None);
        emulator.Server.Faults.Add(InsertAfterEveryPage("/zstack/v1/database-backups", insertsPerPage));

        var listed = await connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions { PageSize = 400 }, CancellationToken.None).ToListAsync();

        Assert.True(emulator.Options.HeadInserts.Count > 0, "the emulator added records during the listing");
        Assert.Equal(expected, listed.Select(r => r.Uuid).Where(u => !u.StartsWith("inserted")));
        Assert.Equal(listed.Count, listed.Select(r => r.Uuid).Distinct().Count());
    }

    /// <summary>
    /// 100 records arrive at the head after every page of 50 served: no page brings a record not yet listed, so the
    /// listing gives up after 20 such pages in a row with the "kept moving" error, keeping the first page it wrote. The
    /// inserts stop after 60 pages: a listing that does not give up would end without an error and fail this test.
    /// </summary>
    [Fact]
    public async Task ZStackGivesUpWhenInsertsOutrunReadingAndKeepsWhatItWrote()
    {
        await using var emulator = await ZStackEmulator.StartAsync(o => o.ZStackCount = 300);
        var o = emulator.ConnectOptions(emulator.Account());
        var options = new ZStackConnectOptions { Server = o.Server, Credential = o.Credential, ServerTimeZone = o.ServerTimeZone, Retry = o.Retry, MaxConcurrency = 1 };
        using var connection = await ZStackConnection.ConnectAsync(options, CancellationToken.None);
        emulator.Server.Requests.Clear();
        emulator.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.HeadInsert, Times: 60) { InsertCount = 100 });

        var kept = new List<string>();
        var error = await Assert.ThrowsAsync<BackupQueryException>(async () =>
        {
            await foreach (var record in connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions { PageSize = 50 }, CancellationToken.None))
                kept.Add(record.Uuid);
        });

        Assert.Equal(ApiErrorKind.ServiceUnavailable, error.Kind);
        Assert.Equal("The listing kept moving faster than it could be read: 21 pages in a row brought no record that had not been listed. " +
            "Records already written stay written; list again, with a narrower filter or a larger -PageSize.", error.Message);
        Assert.Equal(emulator.Data.Take(50).Select(b => b.Uuid), kept);
        // The first page, then the 21 that brought nothing new; nothing after the listing gave up.
        Assert.Equal(22, emulator.Listings.Count());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public async Task GeminiDbAndCbrListEveryRecordOnceWhileRecordsArriveAtTheHead(int insertsPerPage)
    {
        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => { o.GeminiDbCount = 1200; o.CbrCount = 3500; });
        var geminiExpected = emulator.Server.HuaweiCloud.GeminiDb.Backups.Select(b => b.Id).ToList();
        var cbrExpected = emulator.Server.HuaweiCloud.Cbr.Backups.Select(b => b.Id).ToList();
        using var connection = await emulator.ConnectAsync();
        emulator.Server.Faults.Add(InsertAfterEveryPage("/gaussdb-nosql/", insertsPerPage));
        emulator.Server.Faults.Add(InsertAfterEveryPage("/cbr/", insertsPerPage));

        var gemini = await connection.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), new PagingOptions(), CancellationToken.None).ToListAsync();
        var cbr = await connection.GetCbrBackupsAsync(new CbrBackupQuery(), new PagingOptions { PageSize = 500 }, CancellationToken.None).ToListAsync();

        Assert.True(emulator.Options.HeadInserts.Count > 0, "the emulator added records during the listings");
        Assert.Equal(geminiExpected, gemini.Select(r => r.Id).Where(i => !i.StartsWith("inserted")));
        Assert.Equal(gemini.Count, gemini.Select(r => r.Id).Distinct().Count());
        Assert.Equal(cbrExpected, cbr.Select(r => r.Id).Where(i => !i.StartsWith("inserted")));
        Assert.Equal(cbr.Count, cbr.Select(r => r.Id).Distinct().Count());
    }
}
