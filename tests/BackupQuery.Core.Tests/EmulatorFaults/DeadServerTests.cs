using System.Net;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Core.Tests.EmulatorFaults;

/// <summary>A dead server answers every call, sign-in included, with a proxy's 502 page, until it comes back.</summary>
public sealed class DeadServerTests
{
    [Fact]
    public async Task Every_call_answers_502_sign_in_included_and_the_server_comes_back_when_it_is_cleared()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        var session = await emulator.ZStackSessionAsync();
        var token = await emulator.IamTokenAsync();
        emulator.Server.Requests.Clear();
        emulator.Options.DeadServer = true;

        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            emulator.ZStackLogInAsync,
            emulator.IamTokenRequestAsync,
            () => emulator.ZStackGetAsync(session, "zstack/v1/database-backups?limit=1"),
            () => emulator.HuaweiGetAsync(token, $"cbr/v3/{emulator.ProjectId}/backups?limit=1"),
            () => emulator.Http.DeleteAsync($"zstack/v1/accounts/sessions/{session}"),
        };
        foreach (var call in calls)
        {
            using var reply = await call();
            Assert.Equal(HttpStatusCode.BadGateway, reply.StatusCode);
            Assert.Equal("text/html", reply.Content.Headers.ContentType?.MediaType);
        }
        Assert.All(emulator.Server.Requests.Entries, e => Assert.Equal((502, FaultKind.Status), (e.Status, e.Fault!.Value)));
        Assert.Equal(calls.Length, emulator.Server.Requests.Entries.Count);
        Assert.Equal(1, emulator.Server.ZStack.LoginCount);

        emulator.Options.DeadServer = false;
        using var back = await emulator.ZStackGetAsync(session, "zstack/v1/database-backups?limit=1");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}
