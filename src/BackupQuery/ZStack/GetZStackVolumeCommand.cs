using System.Management.Automation;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;
using BackupQuery.ZStack;

namespace BackupQuery.PowerShell.ZStack;

/// <summary>Lists ZStack volumes (QueryVolume). Every filter is sent to the server as a query condition.</summary>
[Cmdlet(VerbsCommon.Get, "ZStackVolume", SupportsPaging = true, HelpUri = HelpLinks.Docs + "Get-ZStackVolume.md")]
[OutputType(typeof(ZStackVolume))]
public sealed class GetZStackVolumeCommand : ZStackQueryListingCmdlet
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

    protected override string Activity => "Listing ZStack volumes";
    private protected override IReadOnlyList<string> SortFields => ZStackVolumeQuery.SortFields;

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
