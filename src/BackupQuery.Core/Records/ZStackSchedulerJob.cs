namespace BackupQuery.Records;

/// <summary>A ZStack scheduler job (QuerySchedulerJob): what runs on a schedule against which resource (read by coverage only).</summary>
internal sealed class ZStackSchedulerJob : InventoryRecord
{
    internal ZStackSchedulerJob(RecordSource source) : base(source) { }

    public override string Provider => ZStack.ZStackProtocol.ProviderName;

    public string Uuid => Id;
    public string? Description { get; internal init; }
    /// <summary>The resource the job acts on (a volume or a VM).</summary>
    public string? TargetResourceUuid { get; internal init; }
    /// <summary>The job's Java class, e.g. <c>org.zstack.storage.backup.CreateVolumeBackupJob</c>.</summary>
    public string? JobClassName { get; internal init; }
    public string? State { get; internal init; }
    public DateTimeOffset? CreatedAt { get; internal init; }
}
