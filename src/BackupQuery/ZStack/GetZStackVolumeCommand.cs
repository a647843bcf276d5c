using System.Management.Automation;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Lists ZStack volumes (QueryVolume). Every filter is sent to the server as a query condition.</summary>
[Cmdlet(VerbsCommon.Get, "ZStackVolume", SupportsPaging = true, HelpUri = HelpLinks.Docs + "Get-ZStackVolume.md")]
[OutputType(typeof(ZStackVolume))]
public sealed class GetZStackVolumeCommand : ZStackListingCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Volume uuid(s).")]
    [ValidateNotNullOrEmpty]
    public string[]? Uuid { get; set; }

    [Parameter(HelpMessage = "Volume name; * and ? wildcards become a server-side like query.")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(HelpMessage = "Volume type(s); Tab lists the documented values.")]
    [ArgumentCompleter(typeof(ZStackVolumeTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Type { get; set; }

    [Parameter(HelpMessage = "Only the volumes of these VM uuid(s).")]
    [ValidateNotNullOrEmpty]
    public string[]? VmInstanceUuid { get; set; }

    [Parameter(HelpMessage = "State(s); Tab lists the documented values, sent in their documented spelling.")]
    [ArgumentCompleter(typeof(ZStackStateCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? State { get; set; }

    [Parameter(HelpMessage = "Status(es); Tab lists the documented values, sent in their documented spelling.")]
    [ArgumentCompleter(typeof(ZStackVolumeStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Status { get; set; }

    [Parameter(HelpMessage = "Raw ZStack query conditions, e.g. 'size>1073741824'.")]
    [ValidateNotNullOrEmpty]
    public string[]? Filter { get; set; }

    [Parameter(HelpMessage = "Field the server sorts by; Tab lists the documented fields.")]
    [ArgumentCompleter(typeof(ZStackVolumeSortFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string? SortBy { get; set; }

    [Parameter(HelpMessage = "Sort descending (with -SortBy).")]
    public SwitchParameter Descending { get; set; }

    [Parameter(HelpMessage = "Records per request (default 1000); a hint to the server, never a cap on the results.")]
    [ValidateRange(1, ZStackQueryListing.MaxPageSize)]
    public int PageSize { get; set; } = ZStackQueryListing.DefaultPageSize;

    protected override string Activity => "Listing ZStack volumes";
    protected override int? RequestedPageSize => PageSize;

    private protected override IAsyncEnumerable<object> List(ZStackConnection connection, PagingOptions paging, CancellationToken cancellationToken) =>
        connection.GetVolumesAsync(new ZStackVolumeQuery
        {
            Uuid = Uuid ?? [],
            Name = Name,
            Type = Type ?? [],
            VmInstanceUuid = VmInstanceUuid ?? [],
            State = State ?? [],
            Status = Status ?? [],
            Filter = Filter ?? [],
            SortBy = SortBy,
            Descending = Descending,
        }, paging, cancellationToken);
}
