using BackupQuery.Emulator;
using BackupQuery.Emulator.Hosting;

namespace BackupQuery.Core.Tests.EmulatorFaults;

/// <summary>The command line sets the faults of the whole run as tests set them through <see cref="EmulatorOptions"/>.</summary>
public sealed class RunFaultOptionTests
{
    private static EmulatorOptions Parse(params string[] args)
    {
        var options = new EmulatorOptions();
        List<FaultRule> rules = [];
        Assert.True(Program.TryParse(args, options, rules, out _));
        Assert.Empty(rules);
        return options;
    }

    [Fact]
    public void Random_takes_a_seed_and_a_chance_per_kind()
    {
        var faults = Parse("--fault", "Random=seed:7,5xx:0.25,429:0.2,429-retry-after:0.05,reset:0.1,truncate:0.1,retry-after:3").RandomFaults!;
        Assert.Equal((7, 0.25, 0.2, 0.05, 0.1, 0.1, TimeSpan.FromSeconds(3)),
            (faults.Seed, faults.GatewayError, faults.Throttle, faults.ThrottleWithRetryAfter, faults.ConnectionReset, faults.TruncatedBody, faults.RetryAfter));
    }

    [Fact]
    public void SessionCalls_DeadServer_and_EmptyPagesFrom_set_the_run()
    {
        var options = Parse("--fault", "SessionCalls=5", "--fault", "deadserver", "--fault", "EmptyPagesFrom=2100");
        Assert.Equal((5, true, 2100), (options.SessionCallLimit, options.DeadServer, options.EmptyPagesFrom));
        var plain = new EmulatorOptions();
        Assert.Equal((0, false, null), (plain.SessionCallLimit, plain.DeadServer, plain.EmptyPagesFrom));
        Assert.Null(plain.RandomFaults);
    }

    [Fact]
    public void EmptyPage_is_also_a_rule_on_a_path()
    {
        List<FaultRule> rules = [];
        Assert.True(Program.TryParse(["--fault", "EmptyPage:/cbr/:2:1"], new EmulatorOptions(), rules, out _));
        Assert.Equal(new FaultRule("/cbr/", FaultKind.EmptyPage, 2) { AfterRequests = 1 }, Assert.Single(rules));
    }

    [Theory]
    [InlineData("Random=5xx:0.25", "needs a seed")]
    [InlineData("Random=seed:1,5xx:0.7,reset:0.4", "more than 1")]
    [InlineData("Random=seed:1,5xx:2", "between 0 and 1")]
    [InlineData("Random=seed:1,teapot:0.1", "unknown --fault Random key 'teapot'")]
    [InlineData("SessionCalls=0", "integer >= 1")]
    [InlineData("SessionCalls", "needs a value")]
    [InlineData("DeadServer=1", "takes no value")]
    [InlineData("EmptyPagesFrom=x", "integer >= 0")]
    public void Bad_values_are_refused_with_what_is_expected(string fault, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => Program.TryParse(["--fault", fault], new EmulatorOptions(), [], out _)).Message);
}
