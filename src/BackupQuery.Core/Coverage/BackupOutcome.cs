namespace BackupQuery.Coverage;

/// <summary>What one backup says about its resource's protection, read from the service's status value.</summary>
internal enum BackupOutcome
{
    /// <summary>A usable backup exists.</summary>
    Succeeded,
    /// <summary>The attempt failed.</summary>
    Failed,
    /// <summary>Still being made: decides nothing, but shows as the last attempt.</summary>
    InProgress,
    /// <summary>Neither (being deleted, or a status this build does not know): counted, nothing more.</summary>
    Other,
}
