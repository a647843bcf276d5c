using System.Text.Json;
using BackupQuery.HuaweiCloud;
using BackupQuery.Text;

namespace BackupQuery.Core.Tests.HuaweiCloud;

/// <summary>Normalisation of the seed pages' examples (spec §10): sizes in binary units, zone rules, nested types.</summary>
public class HuaweiCloudRecordMapperTests
{
    private readonly HuaweiCloudRecordMapper _mapper = new("test", "cn-north-4", "0605767b5780d5762fc5c0118072a564");

    [Fact]
    public void GeminiDb_seed_record()
    {
        const string json = """
            { "total_count" : 4, "backups" : [ { "id" : "43e4feaab48f11e89039fa163ebaa7e4br01", "name" : "backup-test", "instance_id" : "43e4feaab48f11e89039fa163ebaa7e4br01", "instance_name" : "cluster-test", "datastore" : { "type" : "cassandra", "version" : "3.4" }, "type" : "Auto", "begin_time" : "2019-05-27T03:38:51+0000", "end_time" : "2019-05-27T03:39:51+0000", "status" : "COMPLETED", "size" : 2803.5, "description" : "backup description", "database_tables" : [ { "database_name" : "DATABASE_X", "table_names" : [ "TABLE_A", "TABLE_B", "TABLE_C" ] }, { "database_name" : "DATABASE_Y", "table_names" : null } ] } ] }
            """;
        var reply = JsonSerializer.Deserialize(json, HuaweiCloudJsonContext.Replies.Contract<GeminiDbBackupsReply>())!;
        var record = _mapper.Map(reply.Backups![0]);
        Assert.Equal(4, reply.TotalCount);
        Assert.Equal(2803.5, record.SizeKB);
        Assert.Equal(2870784, record.SizeBytes); // 2803.5 × 1024
        Assert.Equal(new DateTimeOffset(2019, 5, 27, 3, 38, 51, TimeSpan.Zero), record.CreatedAt);
        Assert.Equal(new DateTimeOffset(2019, 5, 27, 3, 38, 51, TimeSpan.Zero), record.BeginTime);
        Assert.Equal("2019-05-27T03:39:51+0000", record.EndTimeText);
        Assert.Equal(("cassandra", "3.4"), (record.DatastoreType, record.DatastoreVersion));
        Assert.Equal(["TABLE_A", "TABLE_B", "TABLE_C"], record.DatabaseTables[0].TableNames!);
        Assert.Null(record.DatabaseTables[1].TableNames);
        Assert.Equal(("HuaweiCloud", "GeminiDB", "cn-north-4", "test"), (record.Provider, record.Service, record.Region, record.Connection));
    }

    [Fact]
    public void Cbr_seed_record_times_are_utc_and_the_resource_size_is_not_claimed_as_a_backup_size()
    {
        const string json = """
            { "backups": [ { "children": [], "checkpoint_id": "e6aec7a9-7b03-4c1d-8a07-5983b53c53f3", "created_at": "2020-08-18T06:00:45.375070", "description": null, "expired_at": null, "extend_info": { "app_consistency": { "app_consistency": "0", "app_consistency_status": "0", "app_consistency_error_code": "0", "app_consistency_error_message": "" }, "auto_trigger": true, "bootable": null, "os_images_data": null, "progress": null, "snapshot_id": null, "support_lld": false, "supported_restore_mode": "backup", "system_disk": false, "contain_system_disk": true, "architecture": "x86_64", "future_member": {"x": 1} }, "id": "62617971-839d-4d23-8dfd-4ca65c039bdf", "image_type": "backup", "name": "autobk_cf91_0003", "parent_id": null, "project_id": "0605767b5780d5762fc5c0118072a564", "protected_at": "2020-08-18T06:01:10.432117", "provider_id": "0daac4c5-6707-4851-97ba-169e36266b66", "resource_az": "br-iaas-odin1a", "resource_id": "d6bf7592-ca52-43a2-9979-e418d64b29bb", "resource_name": "xzl_ecs-0003-0001", "resource_size": 40, "resource_type": "OS::Nova::Server", "status": "available", "updated_at": "2020-08-18T06:06:44.928325", "vault_id": "1572bd27-e221-4f28-94ca-9777d232fcd7", "replication_records": [] } ], "count": 1663 }
            """;
        var reply = JsonSerializer.Deserialize(json, HuaweiCloudJsonContext.Replies.Contract<CbrBackupsReply>())!;
        var record = _mapper.Map(reply.Backups![0]);
        Assert.Equal(1663, reply.Count);
        // resource_size (40) is the protected server's size in GB (issue 14): kept as ResourceSizeGB; no backup size is claimed.
        Assert.Equal((40L, (long?)null), (record.ResourceSizeGB!.Value, record.SizeBytes));
        Assert.Equal(new DateTimeOffset(2020, 8, 18, 6, 0, 45, TimeSpan.Zero).AddTicks(3750700), record.CreatedAt);
        Assert.Equal(TimeSpan.Zero, record.ProtectedAt!.Value.Offset);
        Assert.Null(record.ExpiredAt);
        Assert.True(record.AutoTrigger);
        Assert.Null(record.Bootable);
        Assert.Equal("backup", record.SupportedRestoreMode);
        Assert.Equal("0", record.ExtendInfo!.AppConsistency!.AppConsistencyStatus);
        Assert.Equal("x86_64", record.ExtendInfo.Architecture);
        Assert.Equal("ECS", record.ProviderKind);
        Assert.Equal(0, record.ChildCount);
    }

    [Fact]
    public void Cbr_children_and_replication_records_are_typed()
    {
        const string json = """
            { "backups": [ { "id": "p", "created_at": "2020-08-18T06:00:45", "resource_size": 1, "children": [ { "id": "c1", "resource_size": 2, "extend_info": { "snapshot_id": "s1", "bootable": true } } ],
              "replication_records": [ { "id": "r1", "status": "success", "created_at": "2020-08-18T07:00:00.000001", "source_region": "cn-north-4", "destination_region": "cn-east-3", "extra_info": { "progress": 100, "auto_trigger": false, "destinatio_vault_id": "v2" } } ] } ], "count": 1 }
            """;
        var record = _mapper.Map(JsonSerializer.Deserialize(json, HuaweiCloudJsonContext.Replies.Contract<CbrBackupsReply>())!.Backups![0]);
        Assert.Equal(1, record.ChildCount);
        Assert.Equal("s1", record.Children[0].SnapshotId);
        Assert.True(record.Children[0].Bootable);
        // resource_size is the protected resource's, not the backup's: kept as ResourceSizeGB, and no SizeBytes is claimed.
        Assert.Equal(2L, record.Children[0].ResourceSizeGB);
        Assert.Null(record.Children[0].SizeBytes);
        Assert.Null(record.SizeBytes);
        var replication = Assert.Single(record.ReplicationRecords);
        Assert.Equal(("success", 100L, "v2"), (replication.Status, replication.Progress, replication.DestinationVaultId));
    }

    [Fact]
    public void Odd_values_do_not_fail_the_record()
    {
        const string json = """
            { "backups": [ { "id": "x", "status": "some_new_status", "created_at": "not a date", "updated_at": "2020-13-45T99:00:00", "incremental": "true", "extend_info": { "auto_trigger": "yes", "app_consistency": { "app_consistency": 0 } } } ], "count": 1 }
            """;
        var record = _mapper.Map(JsonSerializer.Deserialize(json, HuaweiCloudJsonContext.Replies.Contract<CbrBackupsReply>())!.Backups![0]);
        Assert.Null(record.CreatedAt);
        Assert.Equal("not a date", record.CreatedAtText);
        Assert.Null(record.UpdatedAt);
        Assert.Equal("some_new_status", record.Status);
        Assert.True(record.Incremental);
        Assert.Null(record.AutoTrigger);
        Assert.Equal("0", record.ExtendInfo!.AppConsistency!.AppConsistency);
    }

    [Fact]
    public void A_vbs_summary_is_read_as_the_summary_shape_and_a_detail_reply_whole()
    {
        const string json = """{ "backups": [ { "id": "b1", "name": "n", "links": [ { "href": "http://h/v2/p/backups/b1", "rel": "self" } ], "status": "available", "size": 10 } ] }""";
        var summary = _mapper.Map(JsonSerializer.Deserialize(json, HuaweiCloudJsonContext.Replies.Contract<VbsBackupsReply<VbsBackupDto>>())!.Backups![0]);
        var detail = _mapper.Map(JsonSerializer.Deserialize(json, HuaweiCloudJsonContext.Replies.Contract<VbsBackupsReply<VbsBackupDetailDto>>())!.Backups![0]);

        Assert.Equal(("b1", "n", "http://h/v2/p/backups/b1", false, null, null), (summary.Id, summary.Name, summary.Links.Single().Href, summary.IsDetailed, summary.Status, summary.SizeGB));
        Assert.Equal(("b1", "n", "http://h/v2/p/backups/b1", true, "available", 10L), (detail.Id, detail.Name, detail.Links.Single().Href, detail.IsDetailed, detail.Status, detail.SizeGB));
    }

    [Fact]
    public void Vbs_detail_metadata_description_and_sizes()
    {
        const string json = """
            { "backups": [ { "id": "b1", "name": "n", "links": [ { "href": "http://192.168.82.222:8776/v2/p/backups/b1", "rel": "self" } ], "description": "{\"DESC\":\"nightly\",\"INC\":1}", "status": "available", "size": 10, "created_at": "2013-06-27T08:48:03.000000", "data_timestamp": "2013-06-27T08:40:00.000000", "os-bak-tenant-attr:tenant_id": "t1", "is_incremental": true,
              "service_metadata": "{\"progress\": \"100\", \"Type\": 1, \"CS\": 12.5, \"AT\": 3, \"SS\": 7, \"BT\": \"x\", \"VT\": \"y\", \"backupurl\": \"u\", \"snap_id\": \"s\", \"BackupSize\": 42}" } ] }
            """;
        var record = _mapper.Map(JsonSerializer.Deserialize(json, HuaweiCloudJsonContext.Replies.Contract<VbsBackupsReply<VbsBackupDetailDto>>())!.Backups![0]);
        Assert.Equal(10L * 1024 * 1024 * 1024, record.SizeBytes);
        Assert.Equal(new DateTimeOffset(2013, 6, 27, 8, 48, 3, TimeSpan.Zero), record.CreatedAt);
        Assert.Equal(new DateTimeOffset(2013, 6, 27, 8, 40, 0, TimeSpan.Zero), record.DataTimestamp);
        Assert.Equal(("nightly", "1"), (record.DescriptionInfo!.Desc, record.DescriptionInfo.Inc));
        Assert.Equal("Incremental", record.ServiceMetadata!.BackupKind);
        Assert.Equal(12.5, record.ServiceMetadata.ChangedSizeMB);
        Assert.Equal(("100", "7", "s", "42"), (record.ServiceMetadata.Progress, record.ServiceMetadata.SS, record.ServiceMetadata.SnapId, record.ServiceMetadata.BackupSize));
        Assert.Equal("t1", record.TenantId);
        Assert.Equal("self", record.Links[0].Rel);
    }

    [Fact]
    public void Vbs_plain_description_and_bad_metadata_stay_raw()
    {
        Assert.Null(HuaweiCloudRecordMapper.ParseDescription("just text"));
        Assert.Null(HuaweiCloudRecordMapper.ParseServiceMetadata("{broken"));
        Assert.Null(HuaweiCloudRecordMapper.ParseServiceMetadata(null));
    }

    [Fact]
    public void Rds_size_kb_and_offset_times()
    {
        const string json = """
            { "backups": [ { "id": "r1", "instance_id": "i1", "name": "b", "databases": [ { "name": "db1" }, { "name": "db2" } ], "begin_time": "2018-08-06T12:41:14+0800", "end_time": "2018-08-06T12:43:14+0800", "status": "COMPLETED", "type": "auto", "size": 2803, "datastore": { "type": "MySQL", "version": "5.7" }, "associated_with_ddm": false, "min_data_volume_capacity_for_restore": 40 } ], "total_count": 1 }
            """;
        var record = _mapper.Map(JsonSerializer.Deserialize(json, HuaweiCloudJsonContext.Replies.Contract<RdsBackupsReply>())!.Backups![0]);
        Assert.Equal(2803L * 1024, record.SizeBytes);
        Assert.Equal(new DateTimeOffset(2018, 8, 6, 4, 41, 14, TimeSpan.Zero), record.CreatedAt!.Value.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(8), record.CreatedAt.Value.Offset);
        Assert.Equal("db1,db2", record.DatabaseNames);
        Assert.Equal(40, record.MinDataVolumeCapacityForRestore);
        Assert.False(record.AssociatedWithDdm);
    }
}
