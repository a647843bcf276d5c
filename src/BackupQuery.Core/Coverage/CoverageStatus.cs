namespace BackupQuery.Coverage;

/// <summary>How well a resource is protected at one instant; the first that applies, in this order.</summary>
public enum CoverageStatus
{
    /// <summary>A successful backup was created within the maximum age.</summary>
    Protected,
    /// <summary>No success within the maximum age, and a backup attempted within it failed.</summary>
    Failing,
    /// <summary>Neither of the above, but protection is configured or an older successful backup exists.</summary>
    Stale,
    /// <summary>No protection configured and no successful backup at all.</summary>
    Unprotected,
}
