namespace BackupQuery.Coverage;

/// <summary>
/// What the backups of one resource add up to, gathered one backup at a time so a listing of any size is never held:
/// how many, the last success, the last failure and the last attempt of any kind.
/// </summary>
internal sealed class BackupTally
{
    public int Count { get; private set; }
    public DateTimeOffset? LastSuccessAt { get; private set; }
    public DateTimeOffset? LastFailureAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    /// <summary>The service's status value of the last attempt, as it sent it.</summary>
    public string? LastAttemptStatus { get; private set; }

    /// <summary>Adds one backup: when it was created (null when unknown: counted only), what it says, and its status text.</summary>
    public void Add(DateTimeOffset? createdAt, BackupOutcome outcome, string? status)
    {
        Count++;
        if (createdAt is not { } at) return;
        if (outcome == BackupOutcome.Succeeded && !(LastSuccessAt >= at)) LastSuccessAt = at;
        if (outcome == BackupOutcome.Failed && !(LastFailureAt >= at)) LastFailureAt = at;
        if (outcome != BackupOutcome.Other && !(LastAttemptAt >= at))
        {
            LastAttemptAt = at;
            LastAttemptStatus = status;
        }
    }
}
