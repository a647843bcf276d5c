namespace BackupQuery.Coverage;

/// <summary>What coverage can be evaluated for: each is one kind of resource and the backups that protect it.</summary>
public enum CoverageService
{
    /// <summary>ZStack volumes (QueryVolume) and their volume backups; a backup scheduler job is their protection.</summary>
    ZStackVolume,
    /// <summary>The ZStack management database (one resource per connection) and its database backups.</summary>
    ZStackDatabase,
    /// <summary>GeminiDB instances and their backups; the automated-backup setting is their protection.</summary>
    GeminiDB,
    /// <summary>Relational RDS instances and their backups (listed per instance); the automated-backup setting is their protection.</summary>
    RDS,
    /// <summary>CBR servers and disks (protectables and vault resources) and their CBR backups; a vault is their protection.</summary>
    CBR,
}
