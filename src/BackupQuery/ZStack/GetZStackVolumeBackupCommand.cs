using System.Management.Automation;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;
using BackupQuery.Text;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Lists ZStack volume backups (QueryVolumeBackup). Every filter is sent to the server as a query condition.</summary>
[Cmdlet(VerbsCommon.Get, "ZStackVolumeBackup", SupportsPaging = true, HelpUri = HelpLinks.Docs + "Get-ZStackVolumeBackup.md")]
[OutputType(typeof(ZStackVolumeBackup))]
public sealed class GetZStackVolumeBackupCommand : ZStackQueryListingCmdlet
{
    [Parameter(Position = 0, HelpMessage = "Backup uuid(s).")]
    [ValidateNotNullOrEmpty]
    public string[]? Uuid { get; set; }

    [Parameter(HelpMessage = "Backup name; * and ? wildcards become a server-side like query.")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only the backups of these volume uuid(s).")]
    [ValidateNotNullOrEmpty]
    public string[]? VolumeUuid { get; set; }

    [Parameter(HelpMessage = "State(s); Tab lists the documented values, sent in their documented spelling.")]
    [ArgumentCompleter(typeof(ZStackStateCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? State { get; set; }

    [Parameter(HelpMessage = "Status(es); Tab lists the documented values, sent in their documented spelling.")]
    [ArgumentCompleter(typeof(ZStackVolumeBackupStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Status { get; set; }

    [Parameter(HelpMessage = "Only backups created at or after this time.")]
    public DateTime? CreatedAfter { get; set; }

    [Parameter(HelpMessage = "Only backups created before this time.")]
    public DateTime? CreatedBefore { get; set; }

    protected override string Activity => "Listing ZStack volume backups";
    private protected override IReadOnlyList<string> SortFields => ZStackVolumeBackupQuery.SortFields;

    private protected override IAsyncEnumerable<object> List(ZStackConnection connection, PagingOptions paging, CancellationToken cancellationToken) =>
        connection.GetVolumeBackupsAsync(new ZStackVolumeBackupQuery
        {
            Uuid = Uuid ?? [],
            Name = Name,
            VolumeUuid = VolumeUuid ?? [],
            State = State ?? [],
            Status = Status ?? [],
            CreatedAfter = Timestamps.FromDateTime(CreatedAfter),
            CreatedBefore = Timestamps.FromDateTime(CreatedBefore),
            Filter = Filter ?? [],
            SortBy = SortBy,
            Descending = Descending,
        }, paging, cancellationToken);
}
