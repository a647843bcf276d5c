using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.HuaweiCloud;

/// <summary>GeminiDB (GaussDB NoSQL) backups: <c>ShowAllInstancesBackupsNew</c>, offset paging up to <c>total_count</c>.</summary>
internal sealed class GeminiDbClient(HuaweiCloudServiceClient service, HuaweiCloudRecordMapper mapper, Func<DateTimeOffset> clock)
{
    public const int MaxPageSize = 100;

    public IAsyncEnumerable<GeminiDbBackup> ListAsync(GeminiDbBackupQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        service.ListAsync(new BackupListing<GeminiDbBackupsReply, GeminiDbBackup>
        {
            Service = HuaweiCloudEndpoints.GeminiDb,
            Version = "v3.1",
            Resource = "backups",
            Operation = "ShowAllInstancesBackupsNew",
            Filters = query.Parameters(clock()),
            ReplyType = HuaweiCloudJsonContext.Default.GeminiDbBackupsReply,
            ItemCount = r => r?.Backups?.Count,
            ToPage = r => new Page<GeminiDbBackup>(r?.Backups?.Select(mapper.Map).ToList() ?? [], r?.TotalCount),
            Strategy = PagingStrategy.Offset,
            DefaultPageSize = MaxPageSize,
            MaxPageSize = MaxPageSize,
        }, paging, cancellationToken);
}
