using System.Net;

namespace BackupQuery.Core.Tests.EmulatorFaults;

/// <summary>Sessions that end after N calls: the API's own expiry error on call N+1, and a new login lasts N again.</summary>
public sealed class SessionCallLimitTests
{
    private const int Limit = 3;

    [Fact]
    public async Task A_ZStack_session_ends_after_N_calls_with_ID_1001_and_a_new_login_lasts_N_again()
    {
        await using var emulator = await EmulatorClient.StartAsync(o => o.SessionCallLimit = Limit);
        var first = await emulator.ZStackSessionAsync();
        await AssertLastsLimitCallsAsync(emulator, first);

        using (var validate = await emulator.Http.GetAsync($"zstack/v1/accounts/sessions/{first}/valid"))
            Assert.False((await EmulatorClient.JsonAsync(validate))["valid"]!.GetValue<bool>());

        var second = await emulator.ZStackSessionAsync();
        Assert.NotEqual(first, second);
        await AssertLastsLimitCallsAsync(emulator, second);
        Assert.Equal(2, emulator.Server.ZStack.LoginCount);
    }

    private static async Task AssertLastsLimitCallsAsync(EmulatorClient emulator, string session)
    {
        for (var call = 1; call <= Limit; call++)
        {
            using var ok = await emulator.ZStackGetAsync(session, "zstack/v1/database-backups?limit=2");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        for (var call = 0; call < 2; call++)
        {
            using var ended = await emulator.ZStackGetAsync(session, "zstack/v1/database-backups?limit=2");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ended.StatusCode);
            Assert.Equal("ID.1001", (await EmulatorClient.JsonAsync(ended))["error"]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task An_IAM_token_ends_after_N_calls_with_401_APIGW_0301_and_a_new_token_lasts_N_again()
    {
        await using var emulator = await EmulatorClient.StartAsync(o => o.SessionCallLimit = Limit);
        var issued = new HashSet<string>();
        for (var round = 0; round < 2; round++)
        {
            var token = await emulator.IamTokenAsync();
            Assert.True(issued.Add(token));
            for (var call = 1; call <= Limit; call++)
            {
                // Every authenticated call counts, IAM's own project listing included.
                using var ok = await emulator.HuaweiGetAsync(token, call == 1 ? "iam/v3/projects" : $"cbr/v3/{emulator.ProjectId}/backups?limit=2");
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            }
            using var ended = await emulator.HuaweiGetAsync(token, $"rds/v3/{emulator.ProjectId}/backups?instance_id=x");
            Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
            Assert.Equal("APIGW.0301", (await EmulatorClient.JsonAsync(ended))["error_code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Without_a_limit_a_session_lasts()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        var session = await emulator.ZStackSessionAsync();
        for (var call = 0; call < 20; call++)
        {
            using var ok = await emulator.ZStackGetAsync(session, "zstack/v1/database-backups?limit=1");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
    }
}
