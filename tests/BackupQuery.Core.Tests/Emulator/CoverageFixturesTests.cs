using BackupQuery.Emulator.Coverage;

namespace BackupQuery.Core.Tests.Emulator;

/// <summary>The fixture definitions cover the four statuses for every service, with stable distinct ids.</summary>
public sealed class CoverageFixturesTests
{
    [Theory]
    [InlineData(CoverageFixtures.GeminiDb, 6)]
    [InlineData(CoverageFixtures.Rds, 6)]
    [InlineData(CoverageFixtures.Cbr, 12)]
    [InlineData(CoverageFixtures.ZStackVolume, 6)]
    public void Every_service_has_resources_in_every_status(string service, int count)
    {
        var fixtures = CoverageFixtures.For(service);
        Assert.Equal(count, fixtures.Count);
        var day = TimeSpan.FromDays(1);
        Assert.Equal(["Protected", "Failing", "Stale", "Stale", "Unprotected", "Stale"], fixtures.Take(6).Select(f => f.ExpectedStatus(day)));
        Assert.Equal("Protected", fixtures.Single(f => f.Scenario == CoverageScenario.InProgress && f.ResourceType == fixtures[0].ResourceType).ExpectedStatus(TimeSpan.FromDays(2)));
    }

    [Fact]
    public void Ids_and_names_are_distinct_across_resources_and_backups()
    {
        var ids = CoverageFixtures.All.Select(f => f.ResourceId)
            .Concat(CoverageFixtures.All.SelectMany(f => f.Attempts.Select((_, k) => CoverageFixtures.BackupId(f, k))))
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(CoverageFixtures.All.Count, CoverageFixtures.All.Select(f => f.ResourceName).Distinct().Count());
    }
}
