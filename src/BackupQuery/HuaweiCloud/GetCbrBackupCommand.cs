using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;
using BackupQuery.Text;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Lists CBR backups; every documented filter is sent to the server.</summary>
[Cmdlet(VerbsCommon.Get, "CbrBackup", SupportsPaging = true, HelpUri = HelpLinks.Docs + "Get-CbrBackup.md")]
[OutputType(typeof(CbrBackup))]
public sealed class GetCbrBackupCommand : HuaweiCloudListingCmdlet
{
    [Parameter(Position = 0, HelpMessage = "Backup name; with wildcards (* ? []) the module matches the names, as the API matches exactly.")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(HelpMessage = "Status(es), in any case; Tab lists the documented values.")]
    [ArgumentCompleter(typeof(CbrStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Status { get; set; }

    [Parameter(HelpMessage = "Resource type, in any case; Tab lists the documented types.")]
    [ArgumentCompleter(typeof(CbrResourceTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ResourceType { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Id of the backed-up resource (server or disk).")]
    [ValidateNotNullOrEmpty]
    public string? ResourceId { get; set; }

    [Parameter(HelpMessage = "Name of the backed-up resource.")]
    [ValidateNotNullOrEmpty]
    public string? ResourceName { get; set; }

    [Parameter(HelpMessage = "Availability zone of the backed-up resource.")]
    [ValidateNotNullOrEmpty]
    public string? ResourceAz { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Vault id.")]
    [ValidateNotNullOrEmpty]
    public string? VaultId { get; set; }

    [Parameter(HelpMessage = "Restore point (checkpoint) id.")]
    [ValidateNotNullOrEmpty]
    public string? CheckpointId { get; set; }

    [Parameter(HelpMessage = "Parent backup id: lists the per-disk backups of a server backup.")]
    [ValidateNotNullOrEmpty]
    public string? ParentId { get; set; }

    [Parameter(HelpMessage = "Image type; the allowed values are listed by Tab and in the error for any other.")]
    [ValidateValueList(typeof(CbrBackupQuery), nameof(CbrBackupQuery.ImageTypes))]
    [ArgumentCompleter(typeof(CbrImageTypeCompleter))]
    public string? ImageType { get; set; }

    [Parameter(HelpMessage = "Ownership (default: the project's own backups); the allowed values are listed by Tab and in the error for any other.")]
    [ValidateValueList(typeof(CbrBackupQuery), nameof(CbrBackupQuery.OwnTypes))]
    [ArgumentCompleter(typeof(CbrOwnTypeCompleter))]
    public string? OwnType { get; set; }

    [Parameter(HelpMessage = "Share member status; the allowed values are listed by Tab and in the error for any other.")]
    [ValidateValueList(typeof(CbrBackupQuery), nameof(CbrBackupQuery.MemberStatuses))]
    [ArgumentCompleter(typeof(CbrMemberStatusCompleter))]
    public string? MemberStatus { get; set; }

    [Parameter(HelpMessage = "Enterprise project id, or all_granted_eps.")]
    [ValidateNotNullOrEmpty]
    public string? EnterpriseProjectId { get; set; }

    [Parameter(HelpMessage = "Only backups created at or after this time.")]
    public DateTime? CreatedAfter { get; set; }

    [Parameter(HelpMessage = "Only backups created at or before this time.")]
    public DateTime? CreatedBefore { get; set; }

    [Parameter(HelpMessage = "Only incremental backups (-Incremental:$false: only full ones).")]
    public SwitchParameter Incremental { get; set; }

    [Parameter(HelpMessage = "Include replicated backups.")]
    public SwitchParameter ShowReplication { get; set; }

    [Parameter(HelpMessage = "Server-side sort key; Tab lists the keys, and any other is refused with the list.")]
    [ArgumentCompleter(typeof(CbrSortKeyCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SortBy { get; set; }

    [Parameter(HelpMessage = "Sort descending (with -SortBy).")]
    public SwitchParameter Descending { get; set; }

    [Parameter(HelpMessage = "Records per request, 1-1000 (default 1000); a hint, never a cap on the results.")]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 1000;

    protected override string Activity => "Listing CBR backups";
    protected override int? RequestedPageSize => PageSize;

    private protected override IAsyncEnumerable<object> List(HuaweiCloudConnection connection, PagingOptions paging, CancellationToken cancellationToken) =>
        connection.GetCbrBackupsAsync(new CbrBackupQuery
        {
            Name = Name,
            Status = Status ?? [],
            ResourceType = ResourceType,
            ResourceId = ResourceId,
            ResourceName = ResourceName,
            ResourceAz = ResourceAz,
            VaultId = VaultId,
            CheckpointId = CheckpointId,
            ParentId = ParentId,
            ImageType = ImageType,
            OwnType = OwnType,
            MemberStatus = MemberStatus,
            EnterpriseProjectId = EnterpriseProjectId,
            CreatedAfter = Timestamps.FromDateTime(CreatedAfter),
            CreatedBefore = Timestamps.FromDateTime(CreatedBefore),
            // A switch that was not given sends nothing; -Switch:$false sends false.
            Incremental = BoundSwitch(nameof(Incremental)),
            ShowReplication = BoundSwitch(nameof(ShowReplication)),
            SortBy = SortBy,
            Descending = Descending,
        }, paging, cancellationToken);
}
