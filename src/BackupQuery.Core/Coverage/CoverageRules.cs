namespace BackupQuery.Coverage;

/// <summary>The status rules, evaluated at one instant: pure, so every rule is tested on its own.</summary>
internal static class CoverageRules
{
    /// <summary>
    /// <see cref="CoverageStatus.Protected"/> when a success is within <paramref name="maxAge"/> of <paramref name="at"/>;
    /// else <see cref="CoverageStatus.Failing"/> when a failure is; else <see cref="CoverageStatus.Stale"/> when protection
    /// is configured or an older success exists; else <see cref="CoverageStatus.Unprotected"/>.
    /// </summary>
    public static CoverageStatus Evaluate(BackupTally tally, bool protectionConfigured, DateTimeOffset at, TimeSpan maxAge)
    {
        var since = at - maxAge;
        if (tally.LastSuccessAt >= since) return CoverageStatus.Protected;
        if (tally.LastFailureAt >= since) return CoverageStatus.Failing;
        return protectionConfigured || tally.LastSuccessAt is not null ? CoverageStatus.Stale : CoverageStatus.Unprotected;
    }
}
