using System.Management.Automation;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;
using BackupQuery.Text;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Lists ZStack database backups (QueryDatabaseBackup). Every filter is sent to the server as a query condition.</summary>
[Cmdlet(VerbsCommon.Get, "ZStackDatabaseBackup", SupportsPaging = true, HelpUri = HelpLinks.Docs + "Get-ZStackDatabaseBackup.md")]
[OutputType(typeof(ZStackDatabaseBackup))]
public sealed class GetZStackDatabaseBackupCommand : ZStackListingCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Backup uuid(s).")]
    [ValidateNotNullOrEmpty]
    public string[]? Uuid { get; set; }

    [Parameter(HelpMessage = "Backup name; * and ? wildcards become a server-side like query.")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(HelpMessage = "State(s), in any case (sent in the documented spelling); Tab lists the documented values.")]
    [ArgumentCompleter(typeof(ZStackStateCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? State { get; set; }

    [Parameter(HelpMessage = "Status(es), in any case (sent in the documented spelling); Tab lists the documented values.")]
    [ArgumentCompleter(typeof(ZStackStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Status { get; set; }

    [Parameter(HelpMessage = "Only backups created at or after this time.")]
    public DateTime? CreatedAfter { get; set; }

    [Parameter(HelpMessage = "Only backups created before this time.")]
    public DateTime? CreatedBefore { get; set; }

    [Parameter(HelpMessage = "Only backups on these backup storage uuid(s).")]
    [ValidateNotNullOrEmpty]
    public string[]? BackupStorageUuid { get; set; }

    [Parameter(HelpMessage = "Raw ZStack query conditions, e.g. 'size>1048576' or 'description is null'.")]
    [ValidateNotNullOrEmpty]
    public string[]? Filter { get; set; }

    [Parameter(HelpMessage = "Field the server sorts by, in any case; Tab lists the documented fields.")]
    [ArgumentCompleter(typeof(ZStackSortFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SortBy { get; set; }

    [Parameter(HelpMessage = "Sort descending (with -SortBy).")]
    public SwitchParameter Descending { get; set; }

    [Parameter(HelpMessage = "Records per request (default 1000); a hint to the server, never a cap on the results.")]
    [ValidateRange(1, ZStackDatabaseBackupListing.MaxPageSize)]
    public int PageSize { get; set; } = ZStackDatabaseBackupListing.DefaultPageSize;

    protected override string Activity => "Listing ZStack database backups";
    protected override int? RequestedPageSize => PageSize;

    private protected override IAsyncEnumerable<object> List(ZStackConnection connection, PagingOptions paging, CancellationToken cancellationToken) =>
        connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery
        {
            Uuid = Uuid ?? [],
            Name = Name,
            State = State ?? [],
            Status = Status ?? [],
            CreatedAfter = Timestamps.FromDateTime(CreatedAfter),
            CreatedBefore = Timestamps.FromDateTime(CreatedBefore),
            BackupStorageUuid = BackupStorageUuid ?? [],
            Filter = Filter ?? [],
            SortBy = SortBy,
            Descending = Descending,
        }, paging, cancellationToken);
}
