using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Lists VBS disk backups: summaries by default, every field with -Detailed.</summary>
[Cmdlet(VerbsCommon.Get, "VbsBackup", SupportsPaging = true, DefaultParameterSetName = SummarySet)]
[OutputType(typeof(VbsBackup))]
public sealed class GetVbsBackupCommand : HuaweiCloudListingCmdlet
{
    private const string SummarySet = "Summary";
    private const string DetailSet = "Detail";

    [Parameter(Position = 0, HelpMessage = "Backup name.")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(HelpMessage = "Status: available, error, restoring, creating, deleting or error_restoring.")]
    [ArgumentCompleter(typeof(VbsStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only backups of this disk (volume) id.")]
    [ValidateNotNullOrEmpty]
    public string? VolumeId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = DetailSet, HelpMessage = "Use the detail API: every field, including service metadata.")]
    public SwitchParameter Detailed { get; set; }

    [Parameter(ParameterSetName = DetailSet, HelpMessage = "Server-side sort key (with -Detailed), e.g. created_at, size, name.")]
    [ArgumentCompleter(typeof(VbsSortKeyCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SortBy { get; set; }

    [Parameter(ParameterSetName = DetailSet, HelpMessage = "Sort descending (the server's default is descending on created_at).")]
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

    protected override IAsyncEnumerable<object> List(HuaweiCloudConnection connection, PagingOptions paging, CancellationToken cancellationToken) =>
        connection.GetVbsBackupsAsync(new VbsBackupQuery
        {
            Detailed = Detailed,
            Name = Name,
            Status = Status,
            VolumeId = VolumeId,
            SortBy = SortBy,
            Descending = BoundSwitch(nameof(Descending)),
        }, paging, cancellationToken);
}
