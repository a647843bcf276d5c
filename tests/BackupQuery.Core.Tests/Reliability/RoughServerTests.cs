using BackupQuery.Connections;
using BackupQuery.Emulator.Hosting;
using BackupQuery.Http;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.Records;
using BackupQuery.ZStack;

namespace BackupQuery.Core.Tests.Reliability;

/// <summary>
/// Listings with 8 pages in flight against a server that fails about half of its calls at random (the mix of issue 13:
/// a gateway error 1 in 4, a bare 429 1 in 5, a reset and a body cut short 1 in 10 each), and against sessions that end
/// after a few calls: each returns its exact id set, nothing twice, on every seed.
/// </summary>
public class RoughServerTests(RoughServerTests.Emulator emulator) : IClassFixture<RoughServerTests.Emulator>
{
    public static TheoryData<string, int> Cells()
    {
        var cells = new TheoryData<string, int>();
        foreach (var listing in new[] { "ZStack", "GeminiDB", "RDS", "CBR", "VBS" })
        {
            for (var seed = 1; seed <= 10; seed++) cells.Add(listing, seed);
        }
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Every_listing_returns_its_exact_ids_under_random_faults(string listing, int seed)
    {
        var faults = new RandomFaults(seed) { GatewayError = 0.25, Throttle = 0.2, ConnectionReset = 0.1, TruncatedBody = 0.1 };
        var (list, expected) = emulator.Listing(listing);
        emulator.Options.RandomFaults = faults;
        List<string> ids;
        try
        {
            ids = await Ids(list());
        }
        finally
        {
            emulator.Options.RandomFaults = null;
        }
        Assert.Equal(expected, ids);
        // The mix was served: the listing met faults of every kind and got through them.
        Assert.True(faults.Hits(RandomFaultKind.GatewayError) > 0 && faults.Hits(RandomFaultKind.Throttle) > 0, $"{faults.Calls} calls");
    }

    [Fact]
    public async Task ZStack_sessions_that_end_every_few_calls_are_renewed_as_often_as_needed()
    {
        var logins = emulator.Server.Requests.ForPath("/zstack/v1/accounts/login").Count();
        emulator.Options.SessionCallLimit = 5;
        List<string> ids;
        try
        {
            ids = await Ids(emulator.ZStack.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), new PagingOptions { PageSize = 100 }, CancellationToken.None));
        }
        finally
        {
            emulator.Options.SessionCallLimit = 0;
        }
        Assert.Equal(emulator.Server.ZStack.Backups.Select(b => b.Uuid), ids);
        // 26 pages, a session lasting 5 calls: several renewals, one per ended session however many pages met it.
        var renewals = emulator.Server.Requests.ForPath("/zstack/v1/accounts/login").Count() - logins;
        Assert.InRange(renewals, 5, 26);
    }

    [Fact]
    public async Task Huawei_tokens_that_end_every_few_calls_are_renewed_as_often_as_needed()
    {
        emulator.Options.SessionCallLimit = 3;
        List<string> ids;
        try
        {
            ids = await Ids(emulator.Huawei.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), new PagingOptions(), CancellationToken.None));
        }
        finally
        {
            emulator.Options.SessionCallLimit = 0;
        }
        Assert.Equal(emulator.Server.HuaweiCloud.GeminiDb.Backups.Select(b => b.Id), ids);
    }

    private static async Task<List<string>> Ids(IAsyncEnumerable<BackupRecord> records)
    {
        var ids = new List<string>();
        await foreach (var record in records) ids.Add(record.Id);
        return ids;
    }

    /// <summary>One emulator for both providers, a password connection to each; pages of 100, 8 in flight.</summary>
    public sealed class Emulator : IAsyncLifetime
    {
        private static readonly RetryPolicy Quick = new() { BaseDelay = TimeSpan.FromMilliseconds(2), MaxDelay = TimeSpan.FromMilliseconds(50), MaxTotalWait = TimeSpan.FromSeconds(60) };
        private static readonly PagingOptions Pages = new() { PageSize = 100 };

        public EmulatorServer Server { get; private set; } = null!;
        public EmulatorOptions Options => Server.Options;
        public ZStackConnection ZStack { get; private set; } = null!;
        public HuaweiCloudConnection Huawei { get; private set; } = null!;
        private string _instance = "";

        public async Task InitializeAsync()
        {
            Server = await EmulatorServer.StartAsync(new EmulatorOptions { ZStackCount = 2501, GeminiDbCount = 2000, RdsCount = 6000, VbsCount = 2000, CbrCount = 2500 });
            ZStack = await ZStackConnection.ConnectAsync(new ZStackConnectOptions
            {
                Server = Server.ZStackUrl.ToString(),
                Credential = new ZStackCredential.Account(Options.ZStackAccountName, SensitiveString.FromPlainText(Options.ZStackPassword)),
                ServerTimeZone = TimeZoneInfo.Utc,
                Retry = Quick,
            }, CancellationToken.None);
            Huawei = await HuaweiCloudConnection.ConnectAsync(new HuaweiCloudConnectOptions
            {
                Region = Options.Projects[0].Name,
                Credential = new HuaweiCloudCredential.Password(Options.HuaweiDomainName, Options.HuaweiUserName, SensitiveString.FromPlainText(Options.HuaweiPassword)),
                Endpoints = EmulatorServer.HuaweiServices.ToDictionary(s => s, s => Server.HuaweiEndpoint(s).ToString()),
                Retry = Quick,
            }, CancellationToken.None);
            _instance = Server.HuaweiCloud.Rds.BusiestInstance.Id;
        }

        /// <summary>A listing and the ids it must give, in order.</summary>
        public (Func<IAsyncEnumerable<BackupRecord>> List, IReadOnlyList<string> Expected) Listing(string name)
        {
            var none = CancellationToken.None;
            var huawei = Server.HuaweiCloud;
            return name switch
            {
                "ZStack" => (() => ZStack.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), Pages, none), Server.ZStack.Backups.Select(b => b.Uuid).ToList()),
                "GeminiDB" => (() => Huawei.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), Pages, none), huawei.GeminiDb.Backups.Select(b => b.Id).ToList()),
                "RDS" => (() => Huawei.GetRdsBackupsAsync(new RdsBackupQuery { InstanceId = _instance }, Pages, none),
                    huawei.Rds.Backups.Where(b => b.InstanceId == _instance).Select(b => b.Id).ToList()),
                "VBS" => (() => Huawei.GetVbsBackupsAsync(new VbsBackupQuery(), Pages, none), huawei.Vbs.Backups.Select(b => b.Id).ToList()),
                "CBR" => (() => Huawei.GetCbrBackupsAsync(new CbrBackupQuery(), Pages, none), huawei.Cbr.Backups.Select(b => b.Id).ToList()),
                _ => throw new ArgumentOutOfRangeException(nameof(name)),
            };
        }

        public async Task DisposeAsync()
        {
            ZStack?.Dispose();
            Huawei?.Dispose();
            if (Server is not null) await Server.DisposeAsync();
        }
    }
}
