using System.Net.Http.Json;
using System.Text.Json;
using BackupQuery.Connections;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.ZStack;

namespace BackupQuery.Bench;

/// <summary>One API under test: how the raw clients address its pages and read them, and how the module lists it.</summary>
internal sealed class BenchApi
{
    public required string Name { get; init; }
    public required int PageSize { get; init; }
    /// <summary>The URL of the page at <c>offset</c> (or after <c>marker</c>) of <c>limit</c> records.</summary>
    public required Func<long, string?, int, Uri> PageUrl { get; init; }
    public required PageScanner Scanner { get; init; }
    /// <summary>Marker-paged (VBS): pages cannot be addressed ahead.</summary>
    public bool Marker { get; init; }
    public required Func<PagingOptions, IAsyncEnumerable<string>> ListWithModule { get; init; }
    public required Action<HttpRequestMessage> Authenticate { get; init; }

    /// <summary>Connected clients of one emulator: the module's connections and the raw clients' credentials.</summary>
    public sealed class Session : IDisposable
    {
        public required ZStackConnection ZStack { get; init; }
        public required HuaweiCloudConnection Huawei { get; init; }
        public required string ZStackSession { get; init; }
        public required string IamToken { get; init; }
        public required EmulatorProcess Emulator { get; init; }

        public static async Task<Session> ConnectAsync(EmulatorProcess emulator, HttpClient http, int maxConcurrency = 8)
        {
            var zstack = await ZStackConnection.ConnectAsync(new ZStackConnectOptions
            {
                Server = emulator.ZStack.ToString(),
                Credential = new ZStackCredential.Account("admin", SensitiveString.FromPlainText("password")),
                ServerTimeZone = TimeZoneInfo.Utc,
                MaxConcurrency = maxConcurrency,
            }, CancellationToken.None);
            var huawei = await HuaweiCloudConnection.ConnectAsync(new HuaweiCloudConnectOptions
            {
                Region = "cn-north-4",
                Credential = new HuaweiCloudCredential.Password("demo-domain", "demo-user", SensitiveString.FromPlainText("Demo@Passw0rd")),
                Endpoints = emulator.HuaweiEndpoints,
                MaxConcurrency = maxConcurrency,
            }, CancellationToken.None);

            var login = await http.PutAsJsonAsync(new Uri(emulator.BaseAddress, "zstack/v1/accounts/login"),
                new { logInByAccount = new { accountName = "admin", password = ZStackPasswordHash.Compute("password") } });
            var session = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inventory").GetProperty("uuid").GetString()!;
            var body = JsonContent.Create(new
            {
                auth = new
                {
                    identity = new { methods = new[] { "password" }, password = new { user = new { domain = new { name = "demo-domain" }, name = "demo-user", password = "Demo@Passw0rd" } } },
                    scope = new { project = new { name = "cn-north-4" } },
                },
            });
            using var token = await http.PostAsync(new Uri(emulator.BaseAddress, "iam/v3/auth/tokens?nocatalog=true"), body);
            return new Session { ZStack = zstack, Huawei = huawei, ZStackSession = session, IamToken = token.Headers.GetValues("X-Subject-Token").First(), Emulator = emulator };
        }

        public void Dispose()
        {
            ZStack.Dispose();
            Huawei.Dispose();
        }
    }

    public static IReadOnlyList<BenchApi> All(Session s)
    {
        var project = s.Huawei.ProjectId;
        var rdsInstance = s.Emulator.BusiestRdsInstance;
        Uri Huawei(string service, string path) => new(s.Emulator.Huawei(service) + "/" + path);
        void Token(HttpRequestMessage m) => m.Headers.TryAddWithoutValidation("X-Auth-Token", s.IamToken);
        var none = CancellationToken.None;
        return
        [
            new BenchApi
            {
                Name = "GeminiDB", PageSize = 100, Authenticate = Token,
                PageUrl = (offset, _, limit) => Huawei("gaussdb-nosql", $"v3.1/{project}/backups?offset={offset}&limit={limit}"),
                Scanner = new PageScanner("backups", "id", "total_count"),
                ListWithModule = p => Ids(s.Huawei.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), With(p, 100), none), r => r.Id),
            },
            new BenchApi
            {
                Name = "RDS", PageSize = 100, Authenticate = Token,
                PageUrl = (offset, _, limit) => Huawei("rds", $"v3/{project}/backups?instance_id={rdsInstance}&offset={offset}&limit={limit}"),
                Scanner = new PageScanner("backups", "id", "total_count"),
                ListWithModule = p => Ids(s.Huawei.GetRdsBackupsAsync(new RdsBackupQuery { InstanceId = rdsInstance }, With(p, 100), none), r => r.Id),
            },
            new BenchApi
            {
                Name = "CBR", PageSize = 1000, Authenticate = Token,
                PageUrl = (offset, _, limit) => Huawei("cbr", $"v3/{project}/backups?offset={offset}&limit={limit}"),
                Scanner = new PageScanner("backups", "id", "count"),
                ListWithModule = p => Ids(s.Huawei.GetCbrBackupsAsync(new CbrBackupQuery(), With(p, 1000), none), r => r.Id),
            },
            new BenchApi
            {
                Name = "ZStack", PageSize = 1000,
                Authenticate = m => m.Headers.TryAddWithoutValidation("Authorization", "OAuth " + s.ZStackSession),
                PageUrl = (offset, _, limit) => new Uri(s.Emulator.ZStack + $"/v1/database-backups?start={offset}&limit={limit}&replyWithCount=true"),
                Scanner = new PageScanner("inventories", "uuid", "total"),
                ListWithModule = p => Ids(s.ZStack.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), With(p, 1000), none), r => r.Id),
            },
            new BenchApi
            {
                Name = "VBS", PageSize = 1000, Authenticate = Token, Marker = true,
                PageUrl = (_, marker, limit) => Huawei("vbs", $"v2/{project}/backups?limit={limit}{(marker is null ? "" : "&marker=" + Uri.EscapeDataString(marker))}"),
                Scanner = new PageScanner("backups", "id", null),
                ListWithModule = p => Ids(s.Huawei.GetVbsBackupsAsync(new VbsBackupQuery(), With(p, 1000), none), r => r.Id),
            },
        ];
    }

    private static PagingOptions With(PagingOptions paging, int pageSize) => new() { First = paging.First, Skip = paging.Skip, PageSize = paging.PageSize ?? pageSize };

    private static async IAsyncEnumerable<string> Ids<T>(IAsyncEnumerable<T> records, Func<T, string> id)
    {
        await foreach (var record in records) yield return id(record);
    }
}
