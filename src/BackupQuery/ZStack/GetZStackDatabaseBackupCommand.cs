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
public sealed class GetZStackDatabaseBackupCommand : ZStackQueryListingCmdlet
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

    protected override string Activity => "Listing ZStack database backups";
    private protected override IReadOnlyList<string> SortFields => ZStackDatabaseBackupQuery.SortFields;

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
