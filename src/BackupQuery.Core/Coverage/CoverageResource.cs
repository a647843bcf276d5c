namespace BackupQuery.Coverage;

/// <summary>A resource of an inventory as coverage sees it: what it is, and what (if anything) is configured to protect it.</summary>
/// <param name="Id">The id its backups name (instance id, resource id, volume uuid).</param>
/// <param name="Name">Its name, as its inventory gives it.</param>
/// <param name="Type">Its kind, as its service names it (<c>OS::Nova::Server</c>, a database engine, a volume type).</param>
/// <param name="ProtectedBy">The vault, policy, scheduler job or automated-backup setting, as text; null when none.</param>
internal sealed record CoverageResource(string Id, string? Name, string? Type, string? ProtectedBy);
