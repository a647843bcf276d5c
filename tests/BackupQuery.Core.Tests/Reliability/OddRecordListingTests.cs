using BackupQuery.Core.Tests.HuaweiCloud;
using BackupQuery.Core.Tests.Support;
using BackupQuery.Core.Tests.ZStack;
using BackupQuery.Emulator.Hosting;
using BackupQuery.HuaweiCloud;
using BackupQuery.Records;
using BackupQuery.Text;
using BackupQuery.ZStack;
using static BackupQuery.Core.Tests.HuaweiCloud.HuaweiCloudEmulator;

namespace BackupQuery.Core.Tests.Reliability;

/// <summary>
/// One odd record (a value of the wrong type or shape, an unparseable date, a missing id) on a page of each offset
/// listing and of VBS detail: every record is still listed, the odd field is null on that record, and the one
/// warning of the listing names the record, the field and the value.
/// </summary>
public sealed class OddRecordListingTests
{
    public static TheoryData<string, OddRecordKind> Cases()
    {
        var data = new TheoryData<string, OddRecordKind>();
        foreach (var service in new[] { "zstack", "geminidb", "rds", "cbr", "vbs-detail" })
        {
            foreach (var kind in Enum.GetValues<OddRecordKind>())
            {
                // ZStack and GeminiDB records carry no boolean.
                if (kind != OddRecordKind.Boolean || service is "rds" or "cbr" or "vbs-detail") data.Add(service, kind);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task One_odd_record_keeps_the_listing_whole_and_is_named_in_one_warning(string service, OddRecordKind kind)
    {
        var (expected, records) = await ListWithOddRecordAsync(service, kind);

        var odd = Assert.Single(records, r => r.OddValues.Count > 0);
        var summary = new OddValueSummary();
        foreach (var record in records) summary.Add(record);
        var warning = summary.Warning();
        Assert.NotNull(warning);
        Assert.StartsWith("1 record had a value this module could not read", warning);
        Assert.Contains($"record '{odd.Id}'", warning);
        var value = Assert.Single(odd.OddValues);
        Assert.Contains($"field '{value.Field}' = {value.Value}", warning);

        switch (kind)
        {
            case OddRecordKind.Size:
                Assert.Equal(service == "cbr" ? "resource_size" : "size", value.Field);
                Assert.Equal("\"n/a\"", value.Value);
                Assert.Null(odd.SizeBytes);
                Assert.Equal(expected, records.Select(r => r.Id));
                break;
            case OddRecordKind.Date:
                Assert.Equal("\"not-a-date\"", value.Value);
                Assert.Null(odd.CreatedAt);
                Assert.Equal(expected, records.Select(r => r.Id));
                break;
            case OddRecordKind.Object:
                Assert.Equal("name", value.Field);
                Assert.Equal("{\"odd\":true}", value.Value);
                Assert.Null(odd.Name);
                Assert.Equal(expected, records.Select(r => r.Id));
                break;
            case OddRecordKind.Boolean:
                Assert.Equal(service switch { "rds" => "associated_with_ddm", "cbr" => "incremental", _ => "is_incremental" }, value.Field);
                Assert.Equal("\"yes\"", value.Value);
                Assert.Null(odd switch { RdsBackup r => r.AssociatedWithDdm, CbrBackup c => c.Incremental, VbsBackup v => v.IsIncremental, _ => throw new InvalidOperationException(odd.GetType().Name) });
                Assert.Equal(expected, records.Select(r => r.Id));
                break;
            case OddRecordKind.Missing:
                Assert.Equal(service == "zstack" ? "uuid" : "id", value.Field);
                Assert.Equal("(missing)", value.Value);
                Assert.Equal("", odd.Id);
                // Every other record is there, in order; the odd one stands where its id was.
                var missing = Assert.Single(expected.Except(records.Select(r => r.Id)));
                Assert.Equal(expected.Select(id => id == missing ? "" : id), records.Select(r => r.Id));
                break;
        }
    }

    /// <summary>Lists every record of one service with the second page's second record made odd.</summary>
    private static async Task<(List<string> Expected, List<BackupRecord> Records)> ListWithOddRecordAsync(string service, OddRecordKind kind)
    {
        var paging = new BackupQuery.Paging.PagingOptions { PageSize = 50 };
        if (service == "zstack")
        {
            await using var zstack = await ZStackEmulator.StartAsync(o => o.ZStackCount = 120);
            zstack.Server.Faults.Add(new FaultRule("/zstack/v1/database-backups", FaultKind.OddRecord) { AfterRequests = 1, OddRecord = kind });
            using var connection = await zstack.ConnectAsync();
            var listed = await connection.GetDatabaseBackupsAsync(new ZStackDatabaseBackupQuery(), paging, None).ToListAsync();
            return (zstack.Data.Select(b => b.Uuid).ToList(), [.. listed]);
        }

        await using var emulator = await HuaweiCloudEmulator.StartAsync(o => (o.GeminiDbCount, o.RdsCount, o.CbrCount, o.VbsCount) = (120, 120, 120, 120));
        var api = emulator.Server.HuaweiCloud;
        var prefix = service switch { "geminidb" => "/gaussdb-nosql/", "rds" => "/rds/", "cbr" => "/cbr/", _ => "/vbs/" };
        emulator.Server.Faults.Add(new FaultRule(prefix, FaultKind.OddRecord) { AfterRequests = 1, OddRecord = kind });
        using var huawei = await emulator.ConnectAsync();
        return service switch
        {
            "geminidb" => (api.GeminiDb.Backups.Select(b => b.Id).ToList(), [.. await huawei.GetGeminiDbBackupsAsync(new GeminiDbBackupQuery(), paging, None).ToListAsync()]),
            "rds" => (api.Rds.Backups.Where(b => b.InstanceId == api.Rds.BusiestInstance.Id).Select(b => b.Id).ToList(),
                [.. await huawei.GetRdsBackupsAsync(new RdsBackupQuery { InstanceId = api.Rds.BusiestInstance.Id }, paging, None).ToListAsync()]),
            "cbr" => (api.Cbr.Backups.Select(b => b.Id).ToList(), [.. await huawei.GetCbrBackupsAsync(new CbrBackupQuery(), paging, None).ToListAsync()]),
            _ => (api.Vbs.Backups.Select(b => b.Id).ToList(), [.. await huawei.GetVbsBackupsAsync(new VbsBackupQuery { Detailed = true }, paging, None).ToListAsync()]),
        };
    }

    private static CancellationToken None => CancellationToken.None;
}
