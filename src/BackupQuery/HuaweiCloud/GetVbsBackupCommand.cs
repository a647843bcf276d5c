using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Lists VBS disk backups: summaries by default, every field with -Detailed.</summary>
[Cmdlet(VerbsCommon.Get, "VbsBackup", SupportsPaging = true, HelpUri = HelpLinks.Docs + "Get-VbsBackup.md")]
[OutputType(typeof(VbsBackup))]
public sealed class GetVbsBackupCommand : HuaweiCloudListingCmdlet
{
    [Parameter(Position = 0, HelpMessage = "Backup name; with wildcards (* ? []) the module matches the names, as the API matches exactly.")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(HelpMessage = "Status, in any case; Tab lists the documented values.")]
    [ArgumentCompleter(typeof(VbsStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only backups of this disk (volume) id.")]
    [ValidateNotNullOrEmpty]
    public string? VolumeId { get; set; }

    [Parameter(HelpMessage = "Use the detail API: every field, including service metadata (implied by -SortBy and -Descending).")]
    public SwitchParameter Detailed { get; set; }

    [Parameter(HelpMessage = "Server-side sort key of the detail API (implies -Detailed); Tab lists the keys.")]
    [ArgumentCompleter(typeof(VbsSortKeyCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SortBy { get; set; }

    [Parameter(HelpMessage = "Sort descending (implies -Detailed; the server's default is descending on created_at).")]
    public SwitchParameter Descending { get; set; }

    [Parameter(HelpMessage = "Records per request, 1-1000 (default 1000); a hint, never a cap on the results.")]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 1000;

    protected override string Activity => "Listing VBS backups";
    protected override int? RequestedPageSize => PageSize;

    protected override string ResumeNote => "VBS pages by marker, so the skipped records are read again and dropped";

    /// <summary>The view of a summary record (only Id and Name are filled): BackupQuery.format.ps1xml keys it on this name.</summary>
    public const string SummaryTypeName = "BackupQuery.Records.VbsBackup#Summary";

    protected override object ForOutput(object record)
    {
        if (record is not VbsBackup { IsDetailed: false }) return record;
        var wrapped = PSObject.AsPSObject(record);
        wrapped.TypeNames.Insert(0, SummaryTypeName);
        return wrapped;
    }

    /// <summary>-Detailed, or implied by a sort (only the detail API sorts); an explicit -Detailed:$false stays false and Core says why.</summary>
    private bool UsesDetailApi =>
        BoundSwitch(nameof(Detailed)) ?? (SortBy is not null || MyInvocation.BoundParameters.ContainsKey(nameof(Descending)));

    private protected override IAsyncEnumerable<object> List(HuaweiCloudConnection connection, PagingOptions paging, CancellationToken cancellationToken) =>
        connection.GetVbsBackupsAsync(new VbsBackupQuery
        {
            Detailed = UsesDetailApi,
            Name = Name,
            Status = Status,
            VolumeId = VolumeId,
            SortBy = SortBy,
            Descending = BoundSwitch(nameof(Descending)),
        }, paging, cancellationToken);
}
