using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BackupQuery.HuaweiCloud;
using BackupQuery.ZStack;
using BackupQuery.Text;

namespace BackupQuery.Bench;

/// <summary>
/// The client's read path without the network: one page's bytes, fetched once, read into wire shapes and mapped to
/// records again and again in this process. Says where a record's time and allocations go (reading or mapping).
/// </summary>
internal static class ReadPath
{
    public sealed record Cost(string Stage, double MicrosecondsPerRecord, double BytesPerRecord);

    public static IEnumerable<Cost> Measure(string api, byte[] page, int rounds)
    {
        var huawei = new HuaweiCloudRecordMapper("bench", "cn-north-4", "project");
        var zstack = new ZStackRecordMapper(TimeZoneInfo.Utc, "bench");
        return api switch
        {
            "GeminiDB" => Stages(page, rounds, HuaweiCloudJsonContext.Replies.Contract<GeminiDbBackupsReply>(), r => r!.Backups!, huawei.Map),
            "RDS" => Stages(page, rounds, HuaweiCloudJsonContext.Replies.Contract<RdsBackupsReply>(), r => r!.Backups!, huawei.Map),
            "CBR" => Stages(page, rounds, HuaweiCloudJsonContext.Replies.Contract<CbrBackupsReply>(), r => r!.Backups!, huawei.Map),
            "VBS" => Stages(page, rounds, HuaweiCloudJsonContext.Replies.Contract<VbsBackupsReply<VbsBackupDto>>(), r => r!.Backups!, huawei.Map),
            "ZStack" => Stages(page, rounds, ZStackJsonContext.Replies.Contract<ZStackQueryReply<DatabaseBackupInventory>>(), r => r!.Inventories!, zstack.Map),
            _ => throw new ArgumentOutOfRangeException(nameof(api)),
        };
    }

    private static IEnumerable<Cost> Stages<TReply, TDto, TRecord>(byte[] page, int rounds, JsonTypeInfo<TReply> type, Func<TReply?, List<TDto>> items, Func<TDto, TRecord> map)
    {
        var count = items(JsonSerializer.Deserialize(page, type)).Count;
        var replies = new List<TReply?>(rounds);
        var read = Time(count * rounds, () =>
        {
            for (var i = 0; i < rounds; i++) replies.Add(JsonSerializer.Deserialize(page, type));
        });
        var streamed = Time(count * rounds, () =>
        {
            for (var i = 0; i < rounds; i++) JsonSerializer.DeserializeAsync(new MemoryStream(page), type).AsTask().GetAwaiter().GetResult();
        });
        var mapped = Time(count * rounds, () =>
        {
            foreach (var reply in replies) foreach (var dto in items(reply)) map(dto);
        });
        return [read with { Stage = "read" }, streamed with { Stage = "read from a stream" }, mapped with { Stage = "map" }];
    }

    private static Cost Time(long records, Action run)
    {
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        self.Refresh();
        return new Cost("", (self.TotalProcessorTime - cpu).TotalMilliseconds * 1000 / records, (double)allocated / records);
    }
}
