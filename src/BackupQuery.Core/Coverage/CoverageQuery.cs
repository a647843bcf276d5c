using BackupQuery.Http;

namespace BackupQuery.Coverage;

/// <summary>What Get-BackupCoverage asks: which services, how old a success may be, and the instant it is judged at.</summary>
internal sealed class CoverageQuery
{
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromDays(1);

    /// <summary>The services to evaluate; empty means every service the connection's provider has.</summary>
    public IReadOnlyList<CoverageService> Services { get; init; } = [];
    public TimeSpan MaxAge { get; init; } = DefaultMaxAge;
    /// <summary>The one instant every status holds for.</summary>
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;

    internal bool Wants(CoverageService service) => Services.Count == 0 || Services.Contains(service);

    internal void Check()
    {
        if (MaxAge <= TimeSpan.Zero) throw new BackupQueryException($"-MaxAge must be positive (was {MaxAge}).", ApiErrorKind.InvalidArgument);
    }
}
