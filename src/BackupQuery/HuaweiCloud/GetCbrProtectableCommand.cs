using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Lists the servers or disks CBR could protect, with the vault each is in (none: not protected by CBR).</summary>
[Cmdlet(VerbsCommon.Get, "CbrProtectable", SupportsPaging = true, HelpUri = HelpLinks.Docs + "Get-CbrProtectable.md")]
[OutputType(typeof(CbrProtectable))]
public sealed class GetCbrProtectableCommand : HuaweiCloudListingCmdlet
{
    [Parameter(Position = 0, HelpMessage = "What kind of resource to list (default Server); Tab lists the kinds.")]
    public CbrProtectableType Type { get; set; } = CbrProtectableType.Server;

    [Parameter(HelpMessage = "Resource id.")]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    [Parameter(HelpMessage = "Resource name.")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(HelpMessage = "Resource status; Tab lists the documented values.")]
    [ValidateNotNullOrEmpty]
    public string? Status { get; set; }

    [Parameter(HelpMessage = "With -Type Disk: the disks attached to this server.")]
    [ValidateNotNullOrEmpty]
    public string? ServerId { get; set; }

    [Parameter(HelpMessage = "Records per request, 1-50 (default 50); a hint, never a cap on the results.")]
    [ValidateRange(1, 50)]
    public int PageSize { get; set; } = 50;

    protected override string Activity => "Listing CBR protectable resources";
    protected override int? RequestedPageSize => PageSize;

    private protected override IAsyncEnumerable<object> List(HuaweiCloudConnection connection, PagingOptions paging, CancellationToken cancellationToken) =>
        connection.GetCbrProtectablesAsync(new CbrProtectableQuery { Type = Type, Id = Id, Name = Name, Status = Status, ServerId = ServerId }, paging, cancellationToken);
}
