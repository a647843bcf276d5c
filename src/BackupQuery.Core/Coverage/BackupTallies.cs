namespace BackupQuery.Coverage;

/// <summary>The tally of each resource id's backups, filled by one listing as it streams (not thread-safe: one writer).</summary>
internal sealed class BackupTallies
{
    private readonly Dictionary<string, BackupTally> _byResource = new(StringComparer.Ordinal);

    /// <summary>Adds a backup of <paramref name="resourceId"/>; one that names no resource is left out.</summary>
    public void Add(string? resourceId, DateTimeOffset? createdAt, BackupOutcome outcome, string? status)
    {
        if (string.IsNullOrEmpty(resourceId)) return;
        if (!_byResource.TryGetValue(resourceId!, out var tally)) _byResource[resourceId!] = tally = new BackupTally();
        tally.Add(createdAt, outcome, status);
    }

    /// <summary>The tally of a resource: empty when no backup named it.</summary>
    public BackupTally For(string resourceId) => _byResource.TryGetValue(resourceId, out var tally) ? tally : new BackupTally();
}
