using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.HuaweiCloud;

/// <summary>GeminiDB and RDS <c>ListInstances</c>: offset paging up to <c>total_count</c>, 100 at most per page, on each service's endpoint.</summary>
internal static class DatabaseInstanceListing
{
    public const int MaxPageSize = 100;

    public static PagedApi<DatabaseInstancesReply, DatabaseInstance> GeminiDb(DatabaseInstanceQuery query, HuaweiCloudProject project) =>
        For(HuaweiCloudEndpoints.GeminiDb, "GeminiDB", query, project);

    public static PagedApi<DatabaseInstancesReply, DatabaseInstance> Rds(DatabaseInstanceQuery query, HuaweiCloudProject project) =>
        For(HuaweiCloudEndpoints.Rds, "RDS", query, project);

    private static PagedApi<DatabaseInstancesReply, DatabaseInstance> For(string endpoint, string service, DatabaseInstanceQuery query, HuaweiCloudProject project) =>
        project.Listing(endpoint, "v3", "instances", "ListInstances", query.Parameters(), PagingStrategy.Offset, MaxPageSize,
            HuaweiCloudJsonContext.Default.DatabaseInstancesReply, r => r?.Instances, dto => project.Inventory.Map(dto, service), r => r?.TotalCount);
}
