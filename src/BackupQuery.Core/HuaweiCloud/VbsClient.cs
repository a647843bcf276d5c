using BackupQuery.Http;
using BackupQuery.Paging;
using BackupQuery.Records;

namespace BackupQuery.HuaweiCloud;

/// <summary>
/// VBS backups, summary or detailed: marker paging. The <c>next</c> link may name an internal host and drop
/// <c>/v2</c>, so only its <c>marker</c> is taken and the next page is asked of the configured endpoint.
/// </summary>
internal sealed class VbsClient(HuaweiCloudServiceClient service, HuaweiCloudRecordMapper mapper)
{
    public const int MaxPageSize = 1000;

    public IAsyncEnumerable<VbsBackup> ListAsync(VbsBackupQuery query, PagingOptions paging, CancellationToken cancellationToken) =>
        service.ListAsync(new BackupListing<VbsBackupsReply, VbsBackup>
        {
            Service = HuaweiCloudEndpoints.Vbs,
            Version = "v2",
            Resource = query.Resource,
            Operation = query.Detailed ? "ListBackupsDetails" : "ListBackups",
            Filters = query.Parameters(),
            ReplyType = HuaweiCloudJsonContext.Default.VbsBackupsReply,
            ItemCount = r => r?.Backups?.Count,
            ToPage = r => new Page<VbsBackup>(r?.Backups?.Select(b => mapper.Map(b, query.Detailed)).ToList() ?? [], r?.Count, NextMarker(r)),
            Strategy = PagingStrategy.Marker,
            DefaultPageSize = MaxPageSize,
            MaxPageSize = MaxPageSize,
        }, paging, cancellationToken);

    /// <summary>The <c>marker</c> of the <c>rel=next</c> link, or null when no more remain.</summary>
    internal static string? NextMarker(VbsBackupsReply? reply)
    {
        var next = reply?.BackupsLinks?.FirstOrDefault(l => string.Equals(l.Rel, "next", StringComparison.OrdinalIgnoreCase))?.Href;
        if (string.IsNullOrEmpty(next)) return null;
        var question = next!.IndexOf('?');
        if (question < 0) return null;
        foreach (var pair in next.Substring(question + 1).Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && UriEncoding.Decode(pair.Substring(0, equals)) == "marker")
            {
                var marker = UriEncoding.Decode(pair.Substring(equals + 1).Replace('+', ' '));
                return marker.Length == 0 ? null : marker;
            }
        }
        return null;
    }
}
