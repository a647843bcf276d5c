namespace BackupQuery.Coverage;

/// <summary>Each service's backup status values, read as outcomes (case-insensitive; values not listed are <see cref="BackupOutcome.Other"/>).</summary>
internal sealed class BackupOutcomes
{
    private readonly Dictionary<string, BackupOutcome> _byStatus = new(StringComparer.OrdinalIgnoreCase);

    private BackupOutcomes(string[] succeeded, string[] failed, string[] inProgress)
    {
        foreach (var s in succeeded) _byStatus[s] = BackupOutcome.Succeeded;
        foreach (var s in failed) _byStatus[s] = BackupOutcome.Failed;
        foreach (var s in inProgress) _byStatus[s] = BackupOutcome.InProgress;
    }

    /// <summary>GeminiDB and RDS backups: COMPLETED, FAILED, BUILDING (DELETING decides nothing).</summary>
    public static readonly BackupOutcomes Database = new(["COMPLETED"], ["FAILED"], ["BUILDING"]);

    /// <summary>CBR backups: a backup that is available (or being restored from) exists; error failed; protecting is under way.</summary>
    public static readonly BackupOutcomes Cbr = new(["available", "restoring", "waiting_restore"], ["error"], ["protecting", "waiting_protect"]);

    /// <summary>ZStack volume and database backups: Ready, Failed, Creating.</summary>
    public static readonly BackupOutcomes ZStack = new(["Ready"], ["Failed", "Error"], ["Creating"]);

    public BackupOutcome Of(string? status) => status is not null && _byStatus.TryGetValue(status, out var outcome) ? outcome : BackupOutcome.Other;
}
