using BackupQuery.Coverage;
using FsCheck;
using FsCheck.Fluent;
using static BackupQuery.Core.Tests.Properties.Generators;

namespace BackupQuery.Core.Tests.Coverage;

/// <summary>The four statuses, in the order, at one instant: examples of each rule, and properties against the rule as written.</summary>
public sealed class CoverageRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static BackupTally Tally(params (double HoursAgo, BackupOutcome Outcome)[] backups)
    {
        var tally = new BackupTally();
        foreach (var (hours, outcome) in backups) tally.Add(At.AddHours(-hours), outcome, outcome.ToString());
        return tally;
    }

    [Theory]
    [InlineData(true, CoverageStatus.Protected)]
    [InlineData(false, CoverageStatus.Protected)]
    public void A_success_within_max_age_is_protected_whatever_else(bool configured, CoverageStatus expected) =>
        Assert.Equal(expected, CoverageRules.Evaluate(Tally((1, BackupOutcome.Failed), (23.9, BackupOutcome.Succeeded)), configured, At, Day));

    [Fact]
    public void A_success_exactly_max_age_old_still_counts() =>
        Assert.Equal(CoverageStatus.Protected, CoverageRules.Evaluate(Tally((24, BackupOutcome.Succeeded)), false, At, Day));

    [Fact]
    public void Only_failures_within_max_age_is_failing_even_with_an_older_success() =>
        Assert.Equal(CoverageStatus.Failing, CoverageRules.Evaluate(Tally((3, BackupOutcome.Failed), (48, BackupOutcome.Succeeded)), false, At, Day));

    [Fact]
    public void A_failure_older_than_max_age_does_not_make_it_failing() =>
        Assert.Equal(CoverageStatus.Unprotected, CoverageRules.Evaluate(Tally((25, BackupOutcome.Failed)), false, At, Day));

    [Fact]
    public void An_old_success_only_is_stale() =>
        Assert.Equal(CoverageStatus.Stale, CoverageRules.Evaluate(Tally((240, BackupOutcome.Succeeded)), false, At, Day));

    [Fact]
    public void Protection_configured_but_never_backed_up_is_stale() =>
        Assert.Equal(CoverageStatus.Stale, CoverageRules.Evaluate(Tally(), true, At, Day));

    [Fact]
    public void Nothing_at_all_is_unprotected() =>
        Assert.Equal(CoverageStatus.Unprotected, CoverageRules.Evaluate(Tally(), false, At, Day));

    [Fact]
    public void An_in_progress_backup_decides_nothing_but_is_the_last_attempt()
    {
        var tally = Tally((0.3, BackupOutcome.InProgress), (30, BackupOutcome.Succeeded));
        Assert.Equal(CoverageStatus.Stale, CoverageRules.Evaluate(tally, true, At, Day));
        Assert.Equal(CoverageStatus.Protected, CoverageRules.Evaluate(tally, true, At, TimeSpan.FromDays(2)));
        Assert.Equal(At.AddHours(-0.3), tally.LastAttemptAt);
        Assert.Equal(nameof(BackupOutcome.InProgress), tally.LastAttemptStatus);
        Assert.Equal(At.AddHours(-30), tally.LastSuccessAt);
        Assert.Equal(2, tally.Count);
    }

    [Fact]
    public void A_backup_of_another_kind_is_counted_only()
    {
        var tally = Tally((1, BackupOutcome.Other));
        Assert.Equal((1, null, null), (tally.Count, tally.LastAttemptAt, tally.LastSuccessAt));
        Assert.Equal(CoverageStatus.Unprotected, CoverageRules.Evaluate(tally, false, At, Day));
    }

    private static readonly Gen<(double, BackupOutcome)> AnyBackup =
        from halfHours in Gen.Choose(-5, 600)
        from outcome in Gen.Elements(BackupOutcome.Succeeded, BackupOutcome.Failed, BackupOutcome.InProgress, BackupOutcome.Other)
        select (halfHours / 2.0, outcome);

    private static readonly Gen<((double, BackupOutcome)[] Backups, bool Configured, int MaxAgeHours)> AnyCase =
        from backups in AnyBackup.ArrayOf()
        from configured in Gen.Elements(true, false)
        from hours in Gen.Choose(1, 200)
        select (backups, configured, hours);

    /// <summary>The rule, word for word, over the whole list of backups (not a tally).</summary>
    private static CoverageStatus AsWritten((double HoursAgo, BackupOutcome Outcome)[] backups, bool configured, TimeSpan maxAge)
    {
        bool Within((double HoursAgo, BackupOutcome) b) => TimeSpan.FromHours(b.HoursAgo) <= maxAge;
        if (backups.Any(b => b.Outcome == BackupOutcome.Succeeded && Within(b))) return CoverageStatus.Protected;
        if (backups.Any(b => b.Outcome == BackupOutcome.Failed && Within(b))) return CoverageStatus.Failing;
        if (configured || backups.Any(b => b.Outcome == BackupOutcome.Succeeded)) return CoverageStatus.Stale;
        return CoverageStatus.Unprotected;
    }

    [Fact]
    public void For_any_backups_the_status_is_the_rule_as_written() =>
        Prop.ForAll(Arb(AnyCase), c =>
        {
            var maxAge = TimeSpan.FromHours(c.MaxAgeHours);
            Assert.Equal(AsWritten(c.Backups, c.Configured, maxAge), CoverageRules.Evaluate(Tally(c.Backups), c.Configured, At, maxAge));
        }).Check(Quick);

    [Fact]
    public void For_any_backups_adding_one_in_progress_changes_no_status() =>
        Prop.ForAll(Arb(from c in AnyCase from h in Gen.Choose(0, 400) select (c, h)), t =>
        {
            var (c, hours) = t;
            var maxAge = TimeSpan.FromHours(c.MaxAgeHours);
            var more = c.Backups.Append((hours / 2.0, BackupOutcome.InProgress)).ToArray();
            Assert.Equal(CoverageRules.Evaluate(Tally(c.Backups), c.Configured, At, maxAge), CoverageRules.Evaluate(Tally(more), c.Configured, At, maxAge));
        }).Check(Quick);

    [Fact]
    public void For_any_backups_in_any_order_the_tally_keeps_the_newest_of_each_and_counts_all() =>
        Prop.ForAll(Arb(AnyBackup.ArrayOf()), backups =>
        {
            var tally = Tally(backups);
            DateTimeOffset? Newest(Func<BackupOutcome, bool> which) =>
                backups.Where(b => which(b.Item2)).Select(b => (DateTimeOffset?)At.AddHours(-b.Item1)).DefaultIfEmpty(null).Max();
            Assert.Equal(backups.Length, tally.Count);
            Assert.Equal(Newest(o => o == BackupOutcome.Succeeded), tally.LastSuccessAt);
            Assert.Equal(Newest(o => o == BackupOutcome.Failed), tally.LastFailureAt);
            Assert.Equal(Newest(o => o != BackupOutcome.Other), tally.LastAttemptAt);
        }).Check(Quick);
}
