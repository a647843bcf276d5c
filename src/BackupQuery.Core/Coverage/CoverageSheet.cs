using BackupQuery.Records;

namespace BackupQuery.Coverage;

/// <summary>Turns one service's resources and backup tallies into coverage records, stamped with their source, at the query's instant.</summary>
internal sealed class CoverageSheet(CoverageService service, string provider, string connection, string? region = null, string? projectId = null)
{
    public IReadOnlyList<BackupCoverage> Evaluate(IEnumerable<CoverageResource> resources, BackupTallies tallies, CoverageQuery query) =>
        resources.Select(r => Evaluate(r, tallies.For(r.Id), query)).ToList();

    public BackupCoverage Evaluate(CoverageResource resource, BackupTally tally, CoverageQuery query) => new()
    {
        Provider = provider,
        Service = service,
        ResourceType = resource.Type,
        ResourceId = resource.Id,
        ResourceName = resource.Name,
        Status = CoverageRules.Evaluate(tally, resource.ProtectedBy is not null, query.At, query.MaxAge),
        ProtectedBy = resource.ProtectedBy,
        LastSuccessAt = tally.LastSuccessAt,
        LastAttemptAt = tally.LastAttemptAt,
        LastAttemptStatus = tally.LastAttemptStatus,
        BackupCount = tally.Count,
        EvaluatedAt = query.At,
        MaxAge = query.MaxAge,
        Connection = connection,
        Region = region,
        ProjectId = projectId,
    };
}
