namespace BackupQuery.Emulator.Coverage;

/// <summary>What became of one backup attempt of a fixture resource.</summary>
public enum FixtureOutcome
{
    Success,
    Failed,
    InProgress,
}

/// <summary>The six situations every service has a named resource in.</summary>
public enum CoverageScenario
{
    RecentSuccess,
    FailuresOnly,
    OldSuccess,
    NeverBackedUp,
    Unprotected,
    InProgress,
}

/// <summary>One backup of a fixture resource, <see cref="Age"/> before the emulator's start.</summary>
public sealed record FixtureAttempt(TimeSpan Age, FixtureOutcome Outcome);

/// <summary>
/// A named resource whose backups are dated relative to the emulator's start, with the facts a coverage run must
/// report for it. <see cref="Attempts"/> are newest first.
/// </summary>
public sealed record CoverageFixture(
    string Service, string ResourceType, string ResourceId, string ResourceName, CoverageScenario Scenario,
    bool ProtectionOn, string? ProtectedBy, IReadOnlyList<FixtureAttempt> Attempts)
{
    /// <summary>The scenario's slug, the end of <see cref="ResourceName"/>.</summary>
    public string Slug => CoverageFixtures.Slug(Scenario);

    /// <summary>Backups the resource has, whatever their outcome.</summary>
    public int BackupCount => Attempts.Count;

    public DateTimeOffset? LastSuccessAt(DateTimeOffset startedAt) =>
        Attempts.FirstOrDefault(a => a.Outcome == FixtureOutcome.Success) is { } a ? startedAt - a.Age : null;

    public DateTimeOffset? LastAttemptAt(DateTimeOffset startedAt) => Attempts.Count > 0 ? startedAt - Attempts[0].Age : null;

    public FixtureOutcome? LastAttemptOutcome => Attempts.Count > 0 ? Attempts[0].Outcome : null;

    /// <summary>The rule, evaluated at the emulator's start: Protected, Failing, Stale or Unprotected.</summary>
    public string ExpectedStatus(TimeSpan maxAge)
    {
        if (Attempts.Any(a => a.Outcome == FixtureOutcome.Success && a.Age <= maxAge)) return "Protected";
        if (Attempts.Any(a => a.Outcome == FixtureOutcome.Failed && a.Age <= maxAge)) return "Failing";
        if (ProtectionOn || Attempts.Any(a => a.Outcome == FixtureOutcome.Success)) return "Stale";
        return "Unprotected";
    }
}

/// <summary>
/// The coverage fixtures of every service in one place: ids and names are fixed, dates follow the emulator's start
/// (<c>EmulatorServer.StartedAt</c>). The datasets build their records from these definitions; tests read them to know
/// what a coverage run must answer. See docs/api_facts.md.
/// </summary>
public static class CoverageFixtures
{
    public const string GeminiDb = "GeminiDB";
    public const string Rds = "RDS";
    public const string Cbr = "CBR";
    public const string ZStackVolume = "ZStackVolume";

    public const string CbrServerType = "OS::Nova::Server";
    public const string CbrDiskType = "OS::Cinder::Volume";

    /// <summary>The automated-backup setting of a protected GeminiDB/RDS fixture instance.</summary>
    public const int KeepDays = 7;
    public const string BackupWindow = "02:00-03:00";

    public const string CbrServerVaultId = "c0ffeefa-0000-4000-8000-000000000001";
    public const string CbrServerVaultName = "cov-vault-servers";
    public const string CbrDiskVaultId = "c0ffeefa-0000-4000-8000-000000000002";
    public const string CbrDiskVaultName = "cov-vault-disks";
    /// <summary>The policy both fixture vaults are bound to (the vault listing's <c>policy_id</c> filter).</summary>
    public const string CbrPolicyId = "c0ffeeb0-0000-4000-8000-000000000001";

    /// <summary>The VM the ZStack never-backed-up volume is the root volume of; a VM backup job targets it.</summary>
    public const string ZStackVmUuid = "c0ffee2500000000000000000000ff01";

    public const string VolumeBackupJobClass = "org.zstack.storage.backup.CreateVolumeBackupJob";
    public const string VmBackupJobClass = "org.zstack.storage.backup.CreateVmBackupJob";

    private static readonly (CoverageScenario Scenario, bool ProtectionOn, FixtureAttempt[] Attempts)[] Scenarios =
    [
        (CoverageScenario.RecentSuccess, true, [new(TimeSpan.FromHours(2), FixtureOutcome.Success), new(TimeSpan.FromHours(26), FixtureOutcome.Success)]),
        (CoverageScenario.FailuresOnly, true, [new(TimeSpan.FromHours(3), FixtureOutcome.Failed), new(TimeSpan.FromHours(7), FixtureOutcome.Failed)]),
        (CoverageScenario.OldSuccess, false, [new(TimeSpan.FromDays(10), FixtureOutcome.Success)]),
        (CoverageScenario.NeverBackedUp, true, []),
        (CoverageScenario.Unprotected, false, []),
        (CoverageScenario.InProgress, true, [new(TimeSpan.FromMinutes(20), FixtureOutcome.InProgress), new(TimeSpan.FromHours(30), FixtureOutcome.Success)]),
    ];

    public static string Slug(CoverageScenario scenario) => scenario switch
    {
        CoverageScenario.RecentSuccess => "recent-success",
        CoverageScenario.FailuresOnly => "failures-only",
        CoverageScenario.OldSuccess => "old-success",
        CoverageScenario.NeverBackedUp => "never-backed-up",
        CoverageScenario.Unprotected => "unprotected",
        _ => "in-progress",
    };

    /// <summary>Every fixture resource: GeminiDB, RDS, CBR servers, CBR disks, ZStack volumes; six each.</summary>
    public static IReadOnlyList<CoverageFixture> All { get; } = [.. Build()];

    /// <summary>The fixtures of one service (<see cref="GeminiDb"/>, <see cref="Rds"/>, <see cref="Cbr"/>, <see cref="ZStackVolume"/>).</summary>
    public static IReadOnlyList<CoverageFixture> For(string service) => [.. All.Where(f => f.Service == service)];

    /// <summary>The fixture named <paramref name="name"/> (e.g. <c>cov-rds-failures-only</c>).</summary>
    public static CoverageFixture Named(string name) => All.Single(f => f.ResourceName == name);

    /// <summary>The CBR fixtures of one resource type (<see cref="CbrServerType"/> or <see cref="CbrDiskType"/>).</summary>
    public static IReadOnlyList<CoverageFixture> CbrOfType(string resourceType) => [.. All.Where(f => f.Service == Cbr && f.ResourceType == resourceType)];

    /// <summary>The id of the <paramref name="attempt"/>-th backup of a fixture: stable, distinct across services.</summary>
    public static string BackupId(CoverageFixture fixture, int attempt) => fixture.Service switch
    {
        GeminiDb => Hex32($"6eb{attempt}", Index(fixture)) + "br02",
        Rds => Hex32($"4db{attempt}", Index(fixture)) + "br01",
        Cbr => $"c0ffeeb{(fixture.ResourceType == CbrServerType ? '5' : 'd')}-{attempt:x4}-4000-8000-{Index(fixture):x12}",
        _ => Hex32($"25b{attempt}", Index(fixture)),
    };

    /// <summary>Position of the fixture among its service's (and CBR type's) six.</summary>
    public static int Index(CoverageFixture fixture) => (int)fixture.Scenario;

    /// <summary>
    /// Every backup of <paramref name="fixtures"/>, newest first per fixture, as <paramref name="make"/> builds it from the
    /// fixture, the backup's position among the fixture's attempts and its time (<paramref name="startedAt"/> minus its age).
    /// </summary>
    public static IEnumerable<T> Backups<T>(IEnumerable<CoverageFixture> fixtures, DateTimeOffset startedAt, Func<CoverageFixture, int, DateTimeOffset, T> make) =>
        fixtures.SelectMany(f => f.Attempts.Select((a, k) => make(f, k, startedAt - a.Age)));

    private static IEnumerable<CoverageFixture> Build()
    {
        // CBR disks' backups are a minute older than the servers': one listing holds both, and equal times would leave its order to chance.
        (string Service, string Type, Func<int, string> Id, string Prefix, Func<CoverageScenario, string> ProtectedBy, TimeSpan Older)[] kinds =
        [
            (GeminiDb, "Instance", n => Hex32("6e", n) + "in06", "cov-geminidb", _ => AutomatedBackup, TimeSpan.Zero),
            (Rds, "Instance", n => Hex32("4d", n) + "in01", "cov-rds", _ => AutomatedBackup, TimeSpan.Zero),
            (Cbr, CbrServerType, n => $"c0ffee5e-0000-4000-8000-{n:x12}", "cov-cbr-server", _ => CbrServerVaultName, TimeSpan.Zero),
            (Cbr, CbrDiskType, n => $"c0ffeed1-0000-4000-8000-{n:x12}", "cov-cbr-disk", _ => CbrDiskVaultName, TimeSpan.FromMinutes(1)),
            (ZStackVolume, "Volume", n => Hex32("25", n), "cov-zstack", s => $"scheduler job {JobName(s)}", TimeSpan.Zero),
        ];
        foreach (var kind in kinds)
        {
            foreach (var (scenario, on, attempts) in Scenarios)
            {
                FixtureAttempt[] dated = [.. attempts.Select(a => a with { Age = a.Age + kind.Older })];
                yield return new(kind.Service, kind.Type, kind.Id((int)scenario), $"{kind.Prefix}-{Slug(scenario)}", scenario, on,
                    on ? kind.ProtectedBy(scenario) : null, dated);
            }
        }
    }

    private const string AutomatedBackup = "automated backup, 7 days";

    /// <summary>Name of the scheduler job of a ZStack fixture volume (the unprotected one has a Disabled job).</summary>
    public static string JobName(CoverageScenario scenario) => $"cov-job-{Slug(scenario)}";

    /// <summary>The scheduler job uuid of a ZStack fixture volume.</summary>
    public static string JobUuid(CoverageScenario scenario) => Hex32("ee", (int)scenario);

    private static string Hex32(string tag, int n) => "c0ffee" + tag + new string('0', 32 - 6 - tag.Length - 2) + n.ToString("x2");
}
