using System.Management.Automation;
using BackupQuery.HuaweiCloud;
using BackupQuery.Paging;
using BackupQuery.PowerShell.Infrastructure;
using BackupQuery.Records;

namespace BackupQuery.PowerShell.HuaweiCloud;

/// <summary>Lists CBR vaults: their capacity, the backup space they hold, and the resources they protect.</summary>
[Cmdlet(VerbsCommon.Get, "CbrVault", SupportsPaging = true, HelpUri = HelpLinks.Docs + "Get-CbrVault.md")]
[OutputType(typeof(CbrVault))]
public sealed class GetCbrVaultCommand : HuaweiCloudListingCmdlet
{
    [Parameter(Position = 0, HelpMessage = "Vault name.")]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    [Parameter(HelpMessage = "Kind of resource the vault protects (object_type); Tab lists the documented values.")]
    [ArgumentCompleter(typeof(CbrVaultObjectTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string? ResourceType { get; set; }

    [Parameter(HelpMessage = "What the vault is for (protect_type); Tab lists the documented values.")]
    [ValidateValueList(typeof(CbrVaultQuery), nameof(CbrVaultQuery.ProtectTypes))]
    [ArgumentCompleter(typeof(CbrProtectTypeCompleter))]
    public string? ProtectType { get; set; }

    [Parameter(HelpMessage = "Only the vaults bound to this backup policy.")]
    [ValidateNotNullOrEmpty]
    public string? PolicyId { get; set; }

    [Parameter(HelpMessage = "Vault status; Tab lists the documented values.")]
    [ArgumentCompleter(typeof(CbrVaultStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only the vaults that protect these resource ids.")]
    [ValidateNotNullOrEmpty]
    public string[]? ResourceId { get; set; }

    [Parameter(HelpMessage = "Enterprise project id, or all_granted_eps.")]
    [ValidateNotNullOrEmpty]
    public string? EnterpriseProjectId { get; set; }

    [Parameter(HelpMessage = "Records per request, 1-1000 (default 1000); a hint, never a cap on the results.")]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; } = 1000;

    protected override string Activity => "Listing CBR vaults";
    protected override int? RequestedPageSize => PageSize;

    private protected override IAsyncEnumerable<object> List(HuaweiCloudConnection connection, PagingOptions paging, CancellationToken cancellationToken) =>
        connection.GetCbrVaultsAsync(new CbrVaultQuery
        {
            Name = Name,
            ResourceType = ResourceType,
            ProtectType = ProtectType,
            PolicyId = PolicyId,
            Status = Status,
            ResourceIds = ResourceId ?? [],
            EnterpriseProjectId = EnterpriseProjectId,
        }, paging, cancellationToken);
}
