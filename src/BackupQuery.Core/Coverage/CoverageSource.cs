using BackupQuery.Records;

namespace BackupQuery.Coverage;

/// <summary>One service of one connection to evaluate: its listings run when <see cref="Evaluate"/> is called.</summary>
internal sealed record CoverageSource(string Connection, CoverageService Service, Func<CancellationToken, Task<IReadOnlyList<BackupCoverage>>> Evaluate);

/// <summary>A service of a connection whose coverage could not be evaluated; the others still were.</summary>
internal sealed record CoverageFailure(string Connection, CoverageService Service, Exception Error)
{
    public override string ToString() => $"{Connection} {Service}";
}
