using BackupQuery.Coverage;

namespace BackupQuery.Records;

/// <summary>
/// How well one resource is protected at one instant (<see cref="EvaluatedAt"/>): its <see cref="Status"/>, what protects it,
/// and its last successful and last attempted backups. One per resource, whatever the provider.
/// </summary>
public sealed class BackupCoverage
{
    internal BackupCoverage() { }

    /// <summary><c>ZStack</c> or <c>HuaweiCloud</c>.</summary>
    public string Provider { get; internal init; } = "";
    /// <summary>What was evaluated: <c>ZStackVolume</c>, <c>ZStackDatabase</c>, <c>GeminiDB</c>, <c>RDS</c> or <c>CBR</c>.</summary>
    public CoverageService Service { get; internal init; }
    /// <summary>The service's kind of resource: a CBR resource type (<c>OS::Nova::Server</c>), a database engine, a volume type.</summary>
    public string? ResourceType { get; internal init; }
    public string ResourceId { get; internal init; } = "";
    public string? ResourceName { get; internal init; }
    public CoverageStatus Status { get; internal init; }
    /// <summary>The vault, policy, scheduler job or automated-backup setting that protects the resource, as text; null when none.</summary>
    public string? ProtectedBy { get; internal init; }
    /// <summary>When the last successful backup was created; null when there is none.</summary>
    public DateTimeOffset? LastSuccessAt { get; internal init; }
    /// <summary>When the last backup attempt (successful, failed or in progress) was created.</summary>
    public DateTimeOffset? LastAttemptAt { get; internal init; }
    /// <summary>The service's status value of the last attempt, e.g. <c>COMPLETED</c>, <c>error</c>, <c>Creating</c>.</summary>
    public string? LastAttemptStatus { get; internal init; }
    /// <summary>Time from the last success to <see cref="EvaluatedAt"/>; null when there is no success.</summary>
    public TimeSpan? SuccessAge => LastSuccessAt is { } at ? EvaluatedAt - at : null;
    /// <summary>Backups seen for the resource, whatever their status.</summary>
    public int BackupCount { get; internal init; }
    /// <summary>The instant the status holds for (one for the whole run).</summary>
    public DateTimeOffset EvaluatedAt { get; internal init; }
    /// <summary>The age a success may have and still count (<c>-MaxAge</c>).</summary>
    public TimeSpan MaxAge { get; internal init; }
    /// <summary>Name of the connection the resource was read through.</summary>
    public string Connection { get; internal init; } = "";
    /// <summary>Huawei Cloud region; null for ZStack.</summary>
    public string? Region { get; internal init; }
    /// <summary>Huawei Cloud project; null for ZStack.</summary>
    public string? ProjectId { get; internal init; }

    public override string ToString() => $"{Status}: {ResourceName ?? ResourceId}";
}
