using System.Net;
using System.Text.Json;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Core.Tests.EmulatorFaults;

/// <summary>Random faults per list call: each kind as a client sees it, at its chance, the same for the same seed, and
/// never on sign-in.</summary>
public sealed class RandomFaultTests
{
    /// <summary>The mix of issue 13, item 3, with 429s that carry Retry-After added.</summary>
    private static RandomFaults Mix(int seed) => new(seed)
    {
        GatewayError = 0.25,
        Throttle = 0.2,
        ThrottleWithRetryAfter = 0.1,
        ConnectionReset = 0.1,
        TruncatedBody = 0.1,
        RetryAfter = TimeSpan.FromSeconds(2),
    };

    /// <summary>What the client received, named by the random fault that gives it ("ok" for a whole JSON reply).</summary>
    private static async Task<string> OutcomeAsync(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage reply;
        try
        {
            reply = await send();
        }
        catch (HttpRequestException)
        {
            return nameof(RandomFaultKind.ConnectionReset);
        }
        using (reply)
        {
            var body = await reply.Content.ReadAsStringAsync();
            switch ((int)reply.StatusCode)
            {
                case 502 or 503 or 504:
                    Assert.Equal("text/html", reply.Content.Headers.ContentType?.MediaType);
                    Assert.StartsWith($"<html><body><h1>{(int)reply.StatusCode} ", body);
                    return $"{nameof(RandomFaultKind.GatewayError)} {(int)reply.StatusCode}";
                case 429:
                    return reply.Headers.RetryAfter?.Delta is { } wait ? $"{nameof(RandomFaultKind.ThrottleWithRetryAfter)} {wait.TotalSeconds}" : nameof(RandomFaultKind.Throttle);
                case 200:
                    try
                    {
                        JsonDocument.Parse(body).Dispose();
                        return "ok";
                    }
                    catch (JsonException)
                    {
                        return nameof(RandomFaultKind.TruncatedBody);
                    }
                default:
                    return $"unexpected {(int)reply.StatusCode}: {body}";
            }
        }
    }

    /// <summary><paramref name="calls"/> list calls one after another, alternating ZStack and CBR: their outcomes in order.</summary>
    private static async Task<List<string>> ListCallsAsync(EmulatorClient emulator, int calls)
    {
        var session = await emulator.ZStackSessionAsync();
        var token = await emulator.IamTokenAsync();
        var outcomes = new List<string>();
        for (var i = 0; i < calls; i++)
        {
            outcomes.Add(await OutcomeAsync(() => i % 2 == 0
                ? emulator.ZStackGetAsync(session, $"zstack/v1/database-backups?start={i}&limit=20&replyWithCount=true")
                : emulator.HuaweiGetAsync(token, $"cbr/v3/{emulator.ProjectId}/backups?offset={i}&limit=20")));
        }
        return outcomes;
    }

    [Fact]
    public async Task Each_kind_reaches_the_client_at_its_chance_as_the_emulator_counts_it()
    {
        await using var emulator = await EmulatorClient.StartAsync(o => o.RandomFaults = Mix(seed: 7));
        const int calls = 400;
        var outcomes = await ListCallsAsync(emulator, calls);

        var faults = emulator.Options.RandomFaults!;
        Assert.Equal(calls, faults.Calls);
        var byKind = outcomes.GroupBy(o => o.Split(' ')[0]).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (kind, chance) in new[]
                 {
                     (RandomFaultKind.GatewayError, 0.25), (RandomFaultKind.Throttle, 0.2), (RandomFaultKind.ThrottleWithRetryAfter, 0.1),
                     (RandomFaultKind.ConnectionReset, 0.1), (RandomFaultKind.TruncatedBody, 0.1),
                 })
        {
            // What the client saw is what the emulator says it drew, and near the chance (within 4 standard deviations).
            var seen = byKind.GetValueOrDefault(kind.ToString());
            Assert.Equal(faults.Hits(kind), seen);
            Assert.InRange(seen, calls * chance - 4 * Math.Sqrt(calls * chance * (1 - chance)), calls * chance + 4 * Math.Sqrt(calls * chance * (1 - chance)));
        }
        Assert.Equal(calls - Enum.GetValues<RandomFaultKind>().Sum(faults.Hits), byKind.GetValueOrDefault("ok"));
        Assert.DoesNotContain(outcomes, o => o.StartsWith("unexpected"));
        // The proxy pages come as 502, 503 and 504; a 429 with Retry-After carries the configured wait.
        Assert.Equal(new[] { "GatewayError 502", "GatewayError 503", "GatewayError 504" }, outcomes.Where(o => o.StartsWith("GatewayError")).Distinct().Order());
        Assert.All(outcomes.Where(o => o.StartsWith(nameof(RandomFaultKind.ThrottleWithRetryAfter))), o => Assert.Equal("ThrottleWithRetryAfter 2", o));

        // The journal names the fault of every list call: 5xx pages and 429s as Status and TooManyRequests, resets with no status.
        var journal = emulator.Server.Requests.Entries.Where(e => RandomFaults.IsListCall(e.Method, e.Path)).ToList();
        Assert.Equal(calls, journal.Count);
        Assert.Equal(faults.Hits(RandomFaultKind.GatewayError), journal.Count(e => e.Fault == FaultKind.Status && e.Status is 502 or 503 or 504));
        Assert.Equal(faults.Hits(RandomFaultKind.Throttle) + faults.Hits(RandomFaultKind.ThrottleWithRetryAfter), journal.Count(e => e.Fault == FaultKind.TooManyRequests && e.Status == 429));
        Assert.Equal(faults.Hits(RandomFaultKind.ConnectionReset), journal.Count(e => e.Fault == FaultKind.ConnectionReset && e.Status == FaultMiddleware.AbortedStatus));
        Assert.Equal(faults.Hits(RandomFaultKind.TruncatedBody), journal.Count(e => e.Fault == FaultKind.TruncatedJson && e.Status == 200));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_in_the_same_order_of_calls_and_another_seed_others()
    {
        await using var emulator = await EmulatorClient.StartAsync();
        emulator.Options.RandomFaults = Mix(seed: 7);
        var first = await ListCallsAsync(emulator, 80);
        emulator.Options.RandomFaults = Mix(seed: 7);
        var again = await ListCallsAsync(emulator, 80);
        emulator.Options.RandomFaults = Mix(seed: 8);
        var other = await ListCallsAsync(emulator, 80);

        Assert.Contains(first, o => o != "ok");
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Sign_in_is_never_faulted_while_every_list_call_is()
    {
        await using var emulator = await EmulatorClient.StartAsync(o => o.RandomFaults = new RandomFaults(3) { GatewayError = 1 });

        using (var login = await emulator.ZStackLogInAsync()) Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using (var token = await emulator.IamTokenRequestAsync()) Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        var session = await emulator.ZStackSessionAsync();
        var iam = await emulator.IamTokenAsync();
        using (var projects = await emulator.HuaweiGetAsync(iam, "iam/v3/projects")) Assert.Equal(HttpStatusCode.OK, projects.StatusCode);
        using (var list = await emulator.ZStackGetAsync(session, "zstack/v1/database-backups?limit=1")) Assert.Equal("text/html", list.Content.Headers.ContentType?.MediaType);
        using (var list = await emulator.HuaweiGetAsync(iam, $"gaussdb-nosql/v3.1/{emulator.ProjectId}/backups?limit=1")) Assert.Equal("text/html", list.Content.Headers.ContentType?.MediaType);

        Assert.Equal(2, emulator.Options.RandomFaults!.Calls);
        Assert.Equal(2, emulator.Options.RandomFaults.Hits(RandomFaultKind.GatewayError));
    }

    [Theory]
    [InlineData(1.5, 0)]
    [InlineData(-0.1, 0)]
    [InlineData(0.6, 0.5)]
    public void Chances_outside_0_to_1_or_adding_up_past_1_are_refused(double gateway, double reset) =>
        Assert.Throws<ArgumentException>(() => new EmulatorOptions { RandomFaults = new RandomFaults(1) { GatewayError = gateway, ConnectionReset = reset } });
}
