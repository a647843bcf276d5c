using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.HuaweiCloud;

/// <summary>CBR backups: <c>ListBackups</c>, offset paging up to <c>count</c> (the total of matches, not the page size).</summary>
internal sealed class CbrClient(HuaweiCloudServiceClient service, HuaweiCloudRecordMapper mapper)
{
    public const int MaxPageSize = 1000;

    public IAsyncEnumerable<CbrBackup> ListAsync(CbrBackupQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        service.ListAsync(new BackupListing<CbrBackupsReply, CbrBackup>
        {
            Service = HuaweiCloudEndpoints.Cbr,
            Version = "v3",
            Resource = "backups",
            Operation = "ListBackups",
            Filters = query.Parameters(),
            ReplyType = HuaweiCloudJsonContext.Default.CbrBackupsReply,
            ItemCount = r => r?.Backups?.Count,
            ToPage = r => new Page<CbrBackup>(r?.Backups?.Select(mapper.Map).ToList() ?? [], r?.Count),
            Strategy = PagingStrategy.Offset,
            DefaultPageSize = MaxPageSize,
            MaxPageSize = MaxPageSize,
        }, paging, cancellationToken);
}
