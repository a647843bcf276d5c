using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.HuaweiCloud;

/// <summary>Relational RDS backups: <c>ListBackups</c> of one instance, offset paging up to <c>total_count</c>.</summary>
internal sealed class RdsClient(HuaweiCloudServiceClient service, HuaweiCloudRecordMapper mapper, Func<DateTimeOffset> clock)
{
    public const int MaxPageSize = 100;

    public IAsyncEnumerable<RdsBackup> ListAsync(RdsBackupQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        service.ListAsync(new BackupListing<RdsBackupsReply, RdsBackup>
        {
            Service = HuaweiCloudEndpoints.Rds,
            Version = "v3",
            Resource = "backups",
            Operation = "ListBackups",
            Filters = query.Parameters(clock()),
            ReplyType = HuaweiCloudJsonContext.Default.RdsBackupsReply,
            ItemCount = r => r?.Backups?.Count,
            ToPage = r => new Page<RdsBackup>(r?.Backups?.Select(mapper.Map).ToList() ?? [], r?.TotalCount),
            Strategy = PagingStrategy.Offset,
            DefaultPageSize = MaxPageSize,
            MaxPageSize = MaxPageSize,
        }, paging, cancellationToken);
}
