using BackupQuery.Connections;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.Records;
using BackupQuery.ZStack;
using Xunit.Abstractions;

namespace BackupQuery.Core.Tests.Reliability;

/// <summary>
/// Every listing against every fault, the fault armed on a later page (the first for the single-request image-store
/// scan). A fault that passes (retried, renewed, or survived) must leave the exact id set in order; a permanent one the
/// precise error and the number of records written before it. Each cell prints its row of the matrix.
/// </summary>
public sealed class FaultMatrixTests(FaultMatrixTests.Emulator emulator, ITestOutputHelper output) : IClassFixture<FaultMatrixTests.Emulator>
{
    private static readonly string[] Listings = ["ZStack", "ImageStore", "GeminiDB", "RDS", "VBS", "VBS detail", "CBR"];

    private static readonly string[] Faults =
        ["429 + Retry-After", "429 bare", "502 burst", "reset", "truncated", "malformed", "slower than the timeout", "credential expires", "head inserts", "odd record"];

    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var listing in Listings)
        {
            foreach (var fault in Faults) cells.Add(listing, fault);
        }
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EachListingSurvivesOrReportsEachFault(string listing, string fault)
    {
        await emulator.Gate.WaitAsync();
        try
        {
            var (path, list, expected, pageRequests) = emulator.Listing(listing);
            // Pages the previous cell abandoned may still reach the server: they must not count toward this fault.
            for (var wait = 0; emulator.Server.Gateway.InFlight > 0 && wait < 100; wait++) await Task.Delay(50);
            emulator.Server.Faults.Clear();
            // A credential another cell expired is renewed now, so this cell's requests are only its pages.
            await emulator.WarmUpAsync();
            emulator.Server.Faults.Add(Rule(fault, path, listing) with { AfterRequests = pageRequests });
            var written = new List<BackupRecord>();
            Exception? failure = null;
            try
            {
                await foreach (var record in list()) written.Add(record);
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                emulator.Server.Faults.Clear();
            }

            var ids = written.Select(r => r.Id).Where(i => !i.StartsWith("inserted")).ToList();
            if (fault == "malformed")
            {
                var error = Assert.IsAssignableFrom<ApiException>(failure);
                Assert.Equal(ApiErrorKind.InvalidResponse, error.Kind);
                Assert.Equal(expected.Take(written.Count), ids);
                Assert.Equal(pageRequests == 0 ? 0 : emulator.FirstPageSize(listing), written.Count);
                output.WriteLine($"{listing,-11} | {fault,-24} | failed as InvalidResponse after {written.Count} records (as it should)");
                return;
            }
            Assert.True(failure is null, $"{listing} × {fault}: {failure}");
            Assert.Equal(expected, ids);
            // The image-store scan's odd record is the one the rewriter can reach in its reply shape, if any.
            if (fault == "odd record" && listing != "ImageStore") Assert.Single(written, r => r.OddValues.Count > 0);
            output.WriteLine($"{listing,-11} | {fault,-24} | all {ids.Count} records, once each, in order");
        }
        finally
        {
            emulator.Options.HeadInserts.Reset();
            emulator.Gate.Release();
        }
    }

    private static FaultRule Rule(string fault, string path, string listing) => fault switch
    {
        "429 + Retry-After" => new(path, FaultKind.TooManyRequests) { RetryAfter = TimeSpan.FromSeconds(1) },
        "429 bare" => new(path, FaultKind.TooManyRequests, Times: 2) { RetryAfter = TimeSpan.Zero },
        "502 burst" => new(path, FaultKind.Status, Times: 2) { StatusCode = 502 },
        "reset" => new(path, FaultKind.ConnectionReset),
        "truncated" => new(path, FaultKind.TruncatedJson),
        "malformed" => new(path, FaultKind.MalformedJson, Times: 1_000_000),
        "slower than the timeout" => new(path, FaultKind.Delay) { Delay = Emulator.Timeout + TimeSpan.FromSeconds(1) },
        "credential expires" => new(path, FaultKind.ExpireCredentials),
        "head inserts" => new(path, FaultKind.HeadInsert, Times: 1000) { InsertCount = 7 },
        // A VBS summary holds no size (id, name and links only): its odd value is the name.
        "odd record" => new(path, FaultKind.OddRecord) { OddRecord = listing == "VBS" ? OddRecordKind.Object : OddRecordKind.Size },
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    /// <summary>One emulator serving both providers, a password connection to each, and the listings as data.</summary>
    public sealed class Emulator : IAsyncLifetime
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
        private static readonly RetryPolicy Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2), MaxTotalWait = TimeSpan.FromSeconds(3) };

        public SemaphoreSlim Gate { get; } = new(1, 1);
        public EmulatorServer Server { get; private set; } = null!;
        public EmulatorOptions Options => Server.Options;
        private ZStackConnection _zstack = null!;
        private HuaweiCloudConnection _huawei = null!;
        private string _instance = "";

        public async Task InitializeAsync()
        {
            Server = await TestEmulator.StartServerAsync(new EmulatorOptions { ZStackCount = 1500, ImageStoreCount = 40, GeminiDbCount = 250, RdsCount = 400, VbsCount = 1200, CbrCount = 1200 });
            var transport = new TransportOptions { Timeout = Timeout };
            _zstack = await ZStackConnection.ConnectAsync(new ZStackConnectOptions
            {
                Server = Server.ZStackUrl.ToString(),
                Credential = new ZStackCredential.Account(Options.ZStackAccountName, SensitiveString.FromPlainText(Options.ZStackPassword)),
                ServerTimeZone = TimeZoneInfo.Utc,
                Retry = Fast,
                Transport = transport,
            }, CancellationToken.None);
            _huawei = await HuaweiCloudConnection.ConnectAsync(new HuaweiCloudConnectOptions
            {
                Region = Options.Projects[0].Name,
                Credential = new HuaweiCloudCredential.Password(Options.HuaweiDomainName, Options.HuaweiUserName, SensitiveString.FromPlainText(Options.HuaweiPassword)),
                Endpoints = EmulatorServer.HuaweiServices.ToDictionary(s => s, s => Server.HuaweiEndpoint(s).ToString()),
                Retry = Fast,
                Transport = transport,
            }, CancellationToken.None);
            _instance = Server.HuaweiCloud.Rds.BusiestInstance.Id;
        }

        /// <summary>Records on the first page: the small first page of addressable listings, a whole page of 400 for VBS's markers.</summary>
        public async Task WarmUpAsync()
        {
            var one = new PagingOptions { First = 1 };
            await foreach (var _ in _zstack.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), one, CancellationToken.None)) { }
            await foreach (var _ in _huawei.GetCbrBackupsAsync(new CbrBackupQuery(), one, CancellationToken.None)) { }
        }

        public int FirstPageSize(string listing) => listing.StartsWith("VBS") ? 400 : PagedListing.FirstPageSize;

        /// <summary>The listing's path prefix, its records, the ids it must give, and the requests before its second page.</summary>
        public (string Path, Func<IAsyncEnumerable<BackupRecord>> List, IReadOnlyList<string> Expected, int PageRequests) Listing(string name)
        {
            var paging = new PagingOptions { PageSize = 400 };
            var none = CancellationToken.None;
            var huawei = Server.HuaweiCloud;
            return name switch
            {
                "ZStack" => ("/zstack/v1/database-backups", () => _zstack.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), paging, none),
                    Server.ZStack.Backups.Select(b => b.Uuid).ToList(), 1),
                "ImageStore" => ("/zstack/v1/database-backups/image-store", () => ImageStore(paging),
                    Server.ZStack.ImageStore.Images.Select(i => i.Id).ToList(), 0),
                "GeminiDB" => ("/gaussdb-nosql/", () => _huawei.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), paging, none),
                    huawei.GeminiDb.Backups.Select(b => b.Id).ToList(), 1),
                "RDS" => ("/rds/", () => _huawei.GetRdsBackupsAsync(new RdsBackupQuery { InstanceId = _instance }, paging, none),
                    huawei.Rds.Backups.Where(b => b.InstanceId == _instance).Select(b => b.Id).ToList(), 1),
                "VBS" => ("/vbs/", () => _huawei.GetVbsBackupsAsync(new VbsBackupQuery(), paging, none),
                    huawei.Vbs.Backups.Select(b => b.Id).ToList(), 1),
                "VBS detail" => ("/vbs/", () => _huawei.GetVbsBackupsAsync(new VbsBackupQuery { Detailed = true }, paging, none),
                    huawei.Vbs.Backups.Select(b => b.Id).ToList(), 1),
                "CBR" => ("/cbr/", () => _huawei.GetCbrBackupsAsync(new CbrBackupQuery(), paging, none),
                    huawei.Cbr.Backups.Select(b => b.Id).ToList(), 1),
                _ => throw new ArgumentOutOfRangeException(nameof(name)),
            };
        }

        private async IAsyncEnumerable<BackupRecord> ImageStore(PagingOptions paging)
        {
            using var scan = new ImageStoreScan("127.0.0.1", Options.ImageStoreSshUser, SensitiveString.FromPlainText(Options.ImageStoreSshPassword)) { BackupStoragePath = "/zstack_bs" };
            await foreach (var record in _zstack.GetImageStoreBackupsAsync(scan, paging, CancellationToken.None)) yield return record;
        }

        public async Task DisposeAsync()
        {
            _zstack?.Dispose();
            _huawei?.Dispose();
            if (Server is not null) await Server.DisposeAsync();
        }
    }
}
