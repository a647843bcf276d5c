using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.HuaweiCloud;

/// <summary>CBR <c>ListProtectable</c>: offset paging, 50 at most per page, no total in the reply: a short page ends it.</summary>
internal static class CbrProtectableListing
{
    public const int MaxPageSize = 50;

    public static PagedApi<CbrProtectablesReply, CbrProtectable> For(CbrProtectableQuery query, HuaweiCloudProject project) =>
        project.Listing(HuaweiCloudEndpoints.Cbr, "v3", $"protectables/{query.PathType}/instances", "ListProtectable", query.Parameters(), PagingStrategy.Offset, MaxPageSize,
            HuaweiCloudJsonContext.Default.CbrProtectablesReply, r => r?.Instances, project.Inventory.Map, _ => null);
}
