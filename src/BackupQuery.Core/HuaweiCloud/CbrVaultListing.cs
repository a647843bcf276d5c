using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.HuaweiCloud;

/// <summary>CBR vaults: <c>ListVault</c>, offset paging up to <c>count</c>, 1,000 at most per page.</summary>
internal static class CbrVaultListing
{
    public const int MaxPageSize = 1000;

    public static PagedApi<CbrVaultsReply, CbrVault> For(CbrVaultQuery query, HuaweiCloudProject project) =>
        project.Listing(HuaweiCloudEndpoints.Cbr, "v3", "vaults", "ListVault", query.Parameters(), PagingStrategy.Offset, MaxPageSize,
            HuaweiCloudJsonContext.Default.CbrVaultsReply, r => r?.Vaults, project.Inventory.Map, r => r?.Count);
}
